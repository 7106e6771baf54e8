// Every source has answered and some corrections were made nowhere (described in words, mapped by
// no enabled source, or no record found): they become the request's correction task for staff, in
// the same transaction as its audit event (which names declared fields and reasons, never values)
// and the assignee's notice. Only while the request is in progress; once only (one task a request).
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { queueAssigneeNotice } from "../requests/queue-assignee-notice.ts";
import type { CorrectionTaskItem, RequestedCorrection } from "./correction-outcomes.ts";

type HandedRequest = { id: string; reference: string; type: string; dueDate: Date; assigneeId: string | null };

export async function handCorrectionsToStaff(
  request: HandedRequest,
  items: CorrectionTaskItem[],
  corrections: RequestedCorrection[],
  declared: ReadonlySet<string>,
): Promise<boolean> {
  const emailId = await db().$transaction(async (tx: Tx) => {
    // The request's row lock, held until the commit: a close or withdrawal meanwhile wins or waits.
    const still = await tx.dsarRequest.updateMany({ where: { id: request.id, status: "IN_PROGRESS" }, data: { updatedAt: new Date() } });
    if (still.count === 0) return undefined;
    const created = await tx.correctionTask.createMany({ data: [{ requestId: request.id, items }], skipDuplicates: true });
    if (created.count === 0) return null;
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: { type: "SYSTEM" },
      action: "request.corrections-handed-to-staff",
      data: {
        count: items.length,
        items: items.map((item) => ({
          index: item.index,
          field: fieldName(corrections[item.index]?.field, declared),
          reason: item.reason,
        })),
      },
    });
    return queueAssigneeNotice(tx, request, "corrections", items.length);
  });
  if (emailId) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return emailId !== undefined;
}

/** What the audit log may name: a field the data map declares; the person's own words never. */
export function fieldName(field: string | undefined, declared: ReadonlySet<string>): string | null {
  return field !== undefined && declared.has(field) ? field : null;
}
