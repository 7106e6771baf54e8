// Writes a message to the outbox inside the caller's transaction. Template props hold links
// with tokens, so they are stored encrypted and erased once the message is delivered.
import { encryptString } from "../crypto.ts";
import type { Tx } from "../db.ts";
import type { Locale } from "../requests/request-input.schema.ts";

export type QueuedEmail = {
  template: string;
  locale: Locale;
  to: string;
  props: Record<string, unknown>;
  /** Values to blank out of the copy of the text kept after delivery (tokens, codes, private links). */
  secrets?: string[];
  requestId?: string | null;
  staffUserId?: string | null;
};

export const EMAIL_PROPS_PURPOSE = "email-props";

export async function queueEmail(tx: Tx, email: QueuedEmail): Promise<string> {
  const sealed = encryptString(JSON.stringify({ props: email.props, secrets: email.secrets ?? [] }), EMAIL_PROPS_PURPOSE);
  const row = await tx.emailMessage.create({
    data: {
      template: email.template,
      locale: email.locale,
      to: email.to,
      props: { sealed },
      requestId: email.requestId ?? null,
      staffUserId: email.staffUserId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
