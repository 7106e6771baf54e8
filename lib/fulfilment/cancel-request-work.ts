// A request withdrawn or closed stops all work on it. In the transaction that changes its status
// (after the status guard), its open tasks become CANCELLED and its staging files are forgotten;
// after the commit, their jobs and files are removed. A task finishing at the same moment either
// committed first (its result is cleared with the rest) or finds itself cancelled and keeps nothing.
import { rm } from "node:fs/promises";
import { connectorType, isConnectorType } from "../connectors/registry.ts";
import type { Tx } from "../db.ts";
import type { ConnectorTaskStatus } from "../generated/prisma/enums.ts";
import { loggableError, logger } from "../logger.ts";
import { getQueue } from "../queue/enqueue.ts";
import { connectorQueueName } from "../queue/jobs.ts";
import { removeRequestJobs } from "./remove-request-jobs.ts";
import { openTaskStatuses } from "./task-status.ts";

export type CancelledWork = {
  requestId: string;
  tasks: Array<{ id: string; connectorKey: string }>;
  /** Tasks a source was working on (submitted, or being submitted) whose type can be asked to stop. */
  atSource: Array<{ id: string; connectorKey: string }>;
  files: string[];
  /** Tasks that were still open and are now CANCELLED. */
  cancelled: number;
};

export async function cancelRequestWork(tx: Tx, requestId: string, now: Date): Promise<CancelledWork> {
  // Locked as read, so no task finishes (or claims a staging file) between this read and the updates.
  const tasks = await tx.$queryRaw<
    Array<{ id: string; status: ConnectorTaskStatus; resultPath: string | null; connectorKey: string; connectorType: string }>
  >`
    SELECT t.id, t.status, t."resultPath", c.key AS "connectorKey", c.type AS "connectorType"
    FROM connector_tasks t JOIN connectors c ON c.id = t."connectorId"
    WHERE t."requestId" = ${requestId}::uuid
    ORDER BY t.id
    FOR UPDATE OF t`;
  const cancelled = await tx.connectorTask.updateMany({
    where: { requestId, status: { in: openTaskStatuses } },
    data: { status: "CANCELLED", finishedAt: now, callbackDeadline: null },
  });
  // Corrections left to staff are not asked of them any more.
  await tx.correctionTask.updateMany({ where: { requestId, status: "OPEN" }, data: { status: "CANCELLED" } });
  await tx.connectorTask.updateMany({
    where: { requestId, resultPath: { not: null } },
    data: { resultPath: null, resultKeyWrapped: null },
  });
  return {
    requestId,
    tasks: tasks.map((task) => ({ id: task.id, connectorKey: task.connectorKey })),
    atSource: tasks
      .filter((task) => (task.status === "WAITING_CALLBACK" || task.status === "RUNNING") && canCancel(task.connectorType))
      .map((task) => ({ id: task.id, connectorKey: task.connectorKey })),
    files: tasks.flatMap((task) => (task.resultPath ? [task.resultPath] : [])),
    cancelled: cancelled.count,
  };
}

/** After the commit: the jobs and staging files of the cancelled work go. Never throws. */
export async function clearCancelledWork(work: CancelledWork | null | undefined): Promise<void> {
  if (!work) return;
  await removeRequestJobs(work.requestId, work.tasks);
  for (const task of work.atSource ?? []) await enqueueSourceCancel(task);
  for (const file of work.files) {
    await rm(file, { force: true }).catch((error) => logger.warn({ err: loggableError(error) }, "could not remove a staging file"));
  }
}

function canCancel(type: string): boolean {
  return isConnectorType(type) && Boolean(connectorType(type).cancel);
}

/** The source is told to stop by a job of its connector's queue (cancel-source-work.ts), retried while it cannot be reached. */
async function enqueueSourceCancel(task: { id: string; connectorKey: string }): Promise<void> {
  try {
    await getQueue(connectorQueueName(task.connectorKey)).add(
      "connector.cancel",
      { taskId: task.id },
      {
        jobId: `cancel-${task.id}`,
        attempts: 8,
        backoff: { type: "exponential", delay: 30_000 },
        removeOnComplete: { age: 24 * 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  } catch (error) {
    logger.warn({ taskId: task.id, err: loggableError(error) }, "could not ask the source to cancel a task");
  }
}
