// The person withdraws an open request from their status page. Any work on it stops: open connector
// tasks are cancelled in the same transaction, their jobs and staging files removed after it.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { cancelRequestWork, clearCancelledWork } from "../fulfilment/cancel-request-work.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import { assertTransition } from "./request-status.ts";
import { submissionOfStatusToken } from "./status-links.ts";

export async function withdrawRequest(statusToken: string, reference: string, now = new Date()) {
  const outcome = await db().$transaction(async (tx: Tx) => {
    const submissionId = await submissionOfStatusToken(statusToken, tx).catch(() => null);
    const request = submissionId ? await tx.dsarRequest.findFirst({ where: { reference, submissionId } }) : null;
    // The same answer for a wrong token and a wrong reference: the link proves the right to act.
    if (!request) throw new AppError("NOT_FOUND", "This request cannot be found with this status link.");
    if (request.status === "WITHDRAWN") return null;
    assertTransition(reference, request.status, "WITHDRAWN");
    const moved = await tx.dsarRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: "WITHDRAWN", outcome: "WITHDRAWN", closedAt: now },
    });
    if (moved.count === 0) {
      // Withdrawn twice at once (two tabs, a double click): the first did it.
      const current = await tx.dsarRequest.findUnique({ where: { id: request.id }, select: { status: true } });
      if (current?.status === "WITHDRAWN") return null;
      throw new AppError("CONFLICT", "The request changed meanwhile: reload the page and try again.");
    }
    const work = await cancelRequestWork(tx, request.id, now);
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: { type: "SUBJECT" },
      action: "request.withdrawn",
      data: { from: request.status, cancelledTasks: work.cancelled },
    });
    const emailId = await queueRequestEmail(tx, request, "request-withdrawn", {
      reference: request.reference,
      type: request.type.toLowerCase(),
    });
    return { emailId, work };
  });
  if (!outcome) return;
  await clearCancelledWork(outcome.work);
  await enqueueAfterCommit("email.deliver", { emailId: outcome.emailId }, { jobId: `email-${outcome.emailId}` });
}
