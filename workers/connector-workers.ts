// One worker per connector queue, with that connector's concurrency and rate limit. Kept in step
// with the connectors table, so a connector added by apply-connectors gets its worker without a
// restart. Both limits hold across every worker process: the rate limiter is BullMQ's, kept in the
// queue store, and the concurrency is set on the queue itself (global concurrency), the worker's own
// being only what one process may take of it. A second process adds CPU, never calls to a source.
import type { Job, Worker } from "bullmq";
import { db } from "../lib/db.ts";
import { cancelSourceWork } from "../lib/fulfilment/cancel-source-work.ts";
import { recordAbandonedTask, runConnectorTask } from "../lib/fulfilment/run-connector-task.ts";
import { queueSafeError } from "../lib/fulfilment/task-failure-message.ts";
import { logger } from "../lib/logger.ts";
import { getQueue } from "../lib/queue/enqueue.ts";
import { connectorQueueName } from "../lib/queue/jobs.ts";
import { registerWorker } from "./register-worker.ts";

export function connectorWorkers() {
  const running = new Map<string, { worker: Worker; signature: string }>();

  async function sync() {
    // Disabled connectors keep their worker: tasks already queued for them still finish.
    const connectors = await db().connector.findMany({ select: { key: true, concurrency: true, rateLimitPerSecond: true } });
    for (const connector of connectors) {
      const signature = `${connector.concurrency}/${connector.rateLimitPerSecond ?? "-"}`;
      const current = running.get(connector.key);
      if (current?.signature === signature) continue;
      await current?.worker.close();
      await getQueue(connectorQueueName(connector.key)).setGlobalConcurrency(connector.concurrency);
      const worker = registerWorker(
        connectorQueueName(connector.key),
        {
          "connector.run": ({ taskId }, job, token) => runTask(taskId, job, token),
          "connector.cancel": ({ taskId }) => cancelSourceWork(taskId),
        },
        {
          concurrency: connector.concurrency,
          limiter: connector.rateLimitPerSecond ? { max: connector.rateLimitPerSecond, duration: 1000 } : undefined,
        },
      );
      worker.on("failed", (job, error) => {
        // Stalled too often: the processor never got to record it, so the task is marked here.
        // (Other final failures were recorded with their full text by runTask below.)
        const final = job && (job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(error.message));
        if (final && job.name === "connector.run") void recordAbandonedTask(job.data.taskId, error.message).catch(() => {});
      });
      running.set(connector.key, { worker, signature });
      logger.info({ connector: connector.key, signature }, "connector worker ready");
    }
  }

  return {
    sync,
    async close() {
      await Promise.all([...running.values()].map(({ worker }) => worker.close()));
      running.clear();
    },
  };
}

/**
 * Runs the task; a failure reaches BullMQ (its failed job, stack trace and events stream, kept
 * for days and shown on the queues dashboard) and the "job failed" log line only as its kind and
 * the task id. The source's own text stays on the task row: when the task ends before the
 * processor could record it (a config that no longer parses), it is recorded here.
 */
async function runTask(taskId: string, job: Job, token?: string) {
  try {
    return await runConnectorTask(taskId, job, token);
  } catch (error) {
    const safe = queueSafeError(taskId, error);
    if (safe === error) throw error;
    const final = safe.name === "UnrecoverableError" || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (final) await recordAbandonedTask(taskId, error instanceof Error ? error.message : String(error)).catch(() => {});
    throw safe;
  }
}
