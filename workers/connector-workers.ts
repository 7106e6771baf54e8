// One worker per connector queue, with that connector's concurrency and rate limit. Kept in step
// with the connectors table, so a connector added by apply-connectors gets its worker without a
// restart.
import type { Worker } from "bullmq";
import { db } from "../lib/db.ts";
import { recordAbandonedTask, runConnectorTask } from "../lib/fulfilment/run-connector-task.ts";
import { logger } from "../lib/logger.ts";
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
      const worker = registerWorker(
        connectorQueueName(connector.key),
        { "connector.run": ({ taskId }, job, token) => runConnectorTask(taskId, job, token) },
        {
          concurrency: connector.concurrency,
          limiter: connector.rateLimitPerSecond ? { max: connector.rateLimitPerSecond, duration: 1000 } : undefined,
        },
      );
      worker.on("failed", (job, error) => {
        // Out of attempts, or stalled too often: make sure the task shows it (the processor may not have run to record it).
        const final = job && (job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(error.message));
        if (final) void recordAbandonedTask(job.data.taskId, error.message).catch(() => {});
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
