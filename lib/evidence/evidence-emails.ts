// emails/ of an evidence bundle: each message sent to the person, as the text kept as evidence (its
// links already replaced by [private] when it was sent), with subject, times and delivery result.
// The address is masked: the bundle proves what was sent, not to read out who it was for.

import type { EmailMessage } from "../generated/prisma/client.ts";
import { maskEmail } from "../staff/mask-email.ts";
import { redactedError } from "./evidence-connectors.ts";

type EvidenceEmail = Pick<
  EmailMessage,
  | "id"
  | "template"
  | "locale"
  | "to"
  | "subject"
  | "textBody"
  | "status"
  | "attempts"
  | "lastError"
  | "providerMessageId"
  | "sentAt"
  | "createdAt"
>;

export { maskEmail };

export function emailsEvidence(reference: string, emails: EvidenceEmail[]) {
  const files: Array<{ path: string; content: Buffer }> = [];
  const messages = emails.map((email, position) => {
    const number = String(position + 1).padStart(3, "0");
    const path = email.textBody === null ? null : `emails/${number}-${email.template.replace(/[^a-z0-9-]/gi, "-")}.txt`;
    if (path) files.push({ path, content: Buffer.from(email.textBody as string, "utf8") });
    return {
      number: position + 1,
      id: email.id,
      template: email.template,
      locale: email.locale,
      to: maskEmail(email.to),
      subject: email.subject,
      queuedAt: email.createdAt.toISOString(),
      sentAt: email.sentAt?.toISOString() ?? null,
      delivery: {
        status: email.status.toLowerCase(),
        attempts: email.attempts,
        providerMessageId: email.providerMessageId,
        lastError: redactedError(email.lastError),
      },
      /** The text as sent; null while the message is not rendered yet. */
      textFile: path,
    };
  });
  return { index: { reference, messages }, files };
}
