// Staff retry a task that ran out of attempts, once its cause is fixed (a source back online, a
// mapping corrected). The same job runs again; when it succeeds the request's flow goes on.
// Only while the request is approved or in progress, and only for a task of the request staff
// are looking at (`reference`, when given). The change takes the request's row lock with the status
// it read, so a close or withdrawal at the same moment either comes first (the retry is refused)
// or sees the task queued (a close is refused; a withdrawal cancels it and removes the job).
import { rm } from "node:fs/promises";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { settleAfterCommit } from "../queue/after-commit.ts";
import { getQueue } from "../queue/enqueue.ts";
import { connectorQueueName } from "../queue/jobs.ts";
import { moveRequestFrom } from "../requests/move-request-from.ts";
import { isFulfilling } from "../requests/request-status.ts";
import { removeRequestJobs } from "./remove-request-jobs.ts";
import { startFulfilment } from "./start-fulfilment.ts";

export async function retryConnectorTask(taskId: string, actor: Actor, options: { reference?: string } = {}): Promise<void> {
  const task = await db().connectorTask.findUnique({
    where: { id: taskId },
    include: { connector: true, request: { select: { id: true, reference: true, status: true } } },
  });
  if (!task || (options.reference !== undefined && task.request.reference !== options.reference)) {
    throw new AppError(
      "NOT_FOUND",
      options.reference ? `Request ${options.reference} has no task ${taskId}.` : `No connector task ${taskId}.`,
    );
  }
  const { request } = task;
  if (!isFulfilling(request.status)) {
    throw new AppError("INVALID_STATE", `Request ${request.reference} is ${request.status.toLowerCase()}: its tasks can no longer run.`);
  }
  if (task.status !== "FAILED")
    throw new AppError("INVALID_STATE", `Only a failed task can be retried; this one is ${task.status.toLowerCase()}.`);
  await db().$transaction(async (tx: Tx) => {
    await moveRequestFrom(tx, request, request.status);
    const moved = await tx.connectorTask.updateMany({
      where: { id: taskId, status: "FAILED" },
      data: { status: "PENDING", lastError: null, finishedAt: null, callbackDeadline: null, resultPath: null, resultKeyWrapped: null },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "This task changed meanwhile (retried by someone else?); reload the page.");
    await appendAuditEvent(tx, {
      requestId: task.requestId,
      actor,
      action: "connector.task-retried",
      data: { taskId, connector: task.connector.key, attempts: task.attempts },
    });
  });
  // A file an earlier attempt claimed but never completed.
  if (task.resultPath) await rm(task.resultPath, { force: true });
  // The queue write after the commit: with Redis down it is waited for a moment only and goes
  // through once Redis is back (the retry itself already stands).
  await settleAfterCommit(requeueTask(taskId, task.requestId, task.connector.key), { taskId, job: "connector.run" });
}

async function requeueTask(taskId: string, requestId: string, connectorKey: string): Promise<void> {
  const job = await getQueue(connectorQueueName(connectorKey)).getJob(`task-${taskId}`);
  if (job && (await job.isFailed())) {
    await job.retry("failed");
  } else if (!job) {
    // The job is gone (removed, or the queue store was replaced): the flow is added again; its
    // job ids come from the rows, so tasks already done are not run twice.
    await startFulfilment(requestId);
  }
  // Withdrawn or closed while the job was being queued: the withdrawal found no job to remove.
  const now = await db().connectorTask.findUnique({ where: { id: taskId }, select: { status: true } });
  if (now?.status === "CANCELLED") await removeRequestJobs(requestId, [{ id: taskId, connectorKey }]);
}
