// An email to the person about their request, carrying a fresh private status link (only its
// hash is stored, so each email gets its own link; earlier ones keep working).
import type { Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { hasNoAddress } from "./has-no-address.ts";
import { publicUrls } from "./public-urls.ts";
import type { Locale } from "./request-input.schema.ts";
import { issueStatusToken } from "./status-links.ts";

type RequestRecipient = { id: string; submissionId: string; locale: string; email: string | null; emailHash?: string | null };

export async function queueRequestEmail(
  tx: Tx,
  request: RequestRecipient,
  template: string,
  props: Record<string, unknown>,
  /** Other private values in the props (a download link) to blank out of the kept copy. */
  secrets: string[] = [],
): Promise<string | null> {
  // Nothing to send: the decision stands and is audited, and nobody is told.
  if (hasNoAddress(request)) return null;
  if (!request.email) throw new Error(`Request ${request.id} has no email address any more (purged)`);
  const locale = request.locale as Locale;
  const token = await issueStatusToken(tx, request.submissionId);
  const statusUrl = publicUrls.status(locale, token);
  return queueEmail(tx, {
    template,
    locale,
    to: request.email,
    requestId: request.id,
    props: { ...props, statusUrl },
    secrets: [statusUrl, token, ...secrets],
  });
}
