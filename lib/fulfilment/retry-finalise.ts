// Staff retry the building of a request's answer after its finaliser ran out of attempts
// (finalise-job.ts), once the cause is fixed (storage back, space freed). The failure is cleared
// under the request's row lock and the finaliser job runs again: the failed job itself when the
// queue store still holds it, else a new one (the connector tasks are all done by then).
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { settleAfterCommit } from "../queue/after-commit.ts";
import { enqueue, getQueue } from "../queue/enqueue.ts";
import { queueNames } from "../queue/jobs.ts";
import { moveRequestFrom } from "../requests/move-request-from.ts";

export async function retryFinalise(reference: string, actor: Actor): Promise<void> {
  const request = await db().dsarRequest.findUnique({
    where: { reference },
    select: { id: true, reference: true, status: true, finaliseFailedAt: true },
  });
  if (!request)
    throw new AppError("NOT_FOUND", `No request has the reference ${reference}.`, {
      text: { key: "staffRequest.errors.notFound", values: { reference } },
    });
  if (request.status !== "IN_PROGRESS" || !request.finaliseFailedAt) {
    throw new AppError("INVALID_STATE", `The answer to ${reference} has not failed to build: there is nothing to retry.`, {
      text: { key: "staffRequest.errors.nothingToRetry", values: { reference } },
    });
  }
  await db().$transaction(async (tx: Tx) => {
    await moveRequestFrom(tx, request, "IN_PROGRESS", { finaliseFailedAt: null, finaliseError: null });
    await appendAuditEvent(tx, { requestId: request.id, actor, action: "request.finalise-retried" });
  });
  await settleAfterCommit(requeueFinaliser(request.id), { requestId: request.id, job: "fulfilment.finalise" });
}

async function requeueFinaliser(requestId: string): Promise<void> {
  const jobId = `finalise-${requestId}`;
  const job = await getQueue(queueNames.fulfilment).getJob(jobId);
  if (job && (await job.isFailed())) {
    await job.retry("failed");
    return;
  }
  if (!job) await enqueue("fulfilment.finalise", { requestId }, { jobId });
}
