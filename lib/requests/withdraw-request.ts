// The person withdraws an open request from their status page. Any work on it stops: open connector
// tasks are cancelled in the same transaction, their jobs and staging files removed after it.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { clearCancelledWork } from "../fulfilment/cancel-request-work.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { submissionOfStatusToken } from "./status-links.ts";
import { withdrawFoundRequest } from "./withdraw-found-request.ts";

export async function withdrawRequest(statusToken: string, reference: string, now = new Date()) {
  const outcome = await db().$transaction(async (tx: Tx) => {
    const submissionId = await submissionOfStatusToken(statusToken, tx).catch(() => null);
    const request = submissionId ? await tx.dsarRequest.findFirst({ where: { reference, submissionId } }) : null;
    // The same answer for a wrong token and a wrong reference: the link proves the right to act.
    if (!request) throw new AppError("NOT_FOUND", "This request cannot be found with this status link.");
    return withdrawFoundRequest(tx, request, { type: "SUBJECT" }, now);
  });
  if (!outcome) return;
  await clearCancelledWork(outcome.work);
  if (outcome.emailId) await enqueueAfterCommit("email.deliver", { emailId: outcome.emailId }, { jobId: `email-${outcome.emailId}` });
}
