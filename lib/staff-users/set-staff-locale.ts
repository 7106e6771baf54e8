// A staff member chooses the language of their staff pages and emails on their own account page:
// a language of the catalogues, or null to follow their browser (emails then go in English). The
// change is audited without the choice itself or anything about the person: only that it was made.
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import type { Locale } from "../i18n/catalogue.ts";

export async function setStaffLocale(options: { userId: string; locale: Locale | null }): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx: Tx) => {
    // Only when it differs (SQL's `<>` never matches a NULL, hence the two cases).
    const differs = options.locale === null ? { locale: { not: null } } : { OR: [{ locale: null }, { locale: { not: options.locale } }] };
    const updated = await tx.staffUser.updateMany({
      where: { id: options.userId, disabledAt: null, ...differs },
      data: { locale: options.locale },
    });
    if (updated.count === 0) return { changed: false };
    await appendAuditEvent(tx, { actor: { type: "STAFF", id: options.userId }, action: "staff.language-changed", data: {} });
    return { changed: true };
  });
}
