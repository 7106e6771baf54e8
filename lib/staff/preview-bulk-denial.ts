// Before a bulk refusal is sent: the email the people will receive, once per language among the
// selected requests (each person gets it in their own language, naming the authority for where
// they live). Changes nothing; the shared input is checked as the refusal itself will check it.
import { db } from "../db.ts";
import { denyRequestSchema } from "../requests/deny-request.ts";
import { type DenialEmailPreview, previewDenialEmail } from "../requests/preview-denial-email.ts";

export type BulkDenialPreview = {
  references: string[];
  reason: string;
  message: string;
  previews: DenialEmailPreview[];
};

export async function previewBulkDenial(options: { references: string[]; reason: unknown; message?: unknown }): Promise<BulkDenialPreview> {
  const { reason, message } = denyRequestSchema.parse({ reason: options.reason, message: options.message });
  const rows = await db().dsarRequest.findMany({
    where: { reference: { in: options.references } },
    select: { reference: true, locale: true },
  });
  const firstPerLocale = new Map<string, string>();
  for (const reference of options.references) {
    const row = rows.find((candidate) => candidate.reference === reference);
    if (row && !firstPerLocale.has(row.locale)) firstPerLocale.set(row.locale, row.reference);
  }
  const previews = await Promise.all([...firstPerLocale.values()].map((reference) => previewDenialEmail({ reference, reason, message })));
  return { references: options.references, reason, message: message ?? "", previews };
}
