// Staff retry a task that ran out of attempts, once its cause is fixed (a source back online, a
// mapping corrected). The same job runs again; when it succeeds the request's flow goes on.
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { getQueue } from "../queue/enqueue.ts";
import { connectorQueueName } from "../queue/jobs.ts";
import { startFulfilment } from "./start-fulfilment.ts";

export async function retryConnectorTask(taskId: string, actor: Actor): Promise<void> {
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, include: { connector: true } });
  if (!task) throw new AppError("NOT_FOUND", `No connector task ${taskId}.`);
  if (task.status !== "FAILED")
    throw new AppError("INVALID_STATE", `Only a failed task can be retried; this one is ${task.status.toLowerCase()}.`);
  await db().$transaction(async (tx) => {
    await tx.connectorTask.update({
      where: { id: taskId },
      data: { status: "PENDING", lastError: null, finishedAt: null, callbackDeadline: null },
    });
    await appendAuditEvent(tx, {
      requestId: task.requestId,
      actor,
      action: "connector.task-retried",
      data: { taskId, connector: task.connector.key, attempts: task.attempts },
    });
  });
  const job = await getQueue(connectorQueueName(task.connector.key)).getJob(`task-${taskId}`);
  if (job && (await job.isFailed())) {
    await job.retry("failed");
    return;
  }
  // The job is gone (removed, or the queue store was replaced): the flow is added again; its
  // job ids come from the rows, so tasks already done are not run twice.
  if (!job) await startFulfilment(task.requestId);
}
