// Every processor is registered through here: one place sets concurrency, validates payloads,
// and logs failures (ids only, never personal data).
import type { Job, Worker } from "bullmq";
import { ConnectorTaskFailure, UnrecoverableConnectorTaskFailure } from "../lib/fulfilment/task-failure-message.ts";
import { loggableError, logger } from "../lib/logger.ts";
import { queueRuntime } from "../lib/queue/backend.ts";
import { scrubbedJobError } from "../lib/queue/job-errors.ts";
import { type JobName, type JobPayload, parseJobPayload, type QueueName } from "../lib/queue/jobs.ts";

export type Processors = { [N in JobName]?: (payload: JobPayload<N>, job: Job, token?: string) => Promise<unknown> };

export type WorkerOptions = { concurrency?: number; limiter?: { max: number; duration: number } };

export function registerWorker(queue: QueueName, processors: Processors, options: WorkerOptions = {}): Worker {
  const runtime = queueRuntime();
  const worker = new runtime.Worker(
    queue,
    async (job: Job, token?: string) => {
      const processor = processors[job.name as JobName] as ((payload: unknown, job: Job, token?: string) => Promise<unknown>) | undefined;
      if (!processor) throw new Error(`No processor for job ${job.name} on queue ${queue}`);
      const payload = parseJobPayload(job.name as JobName, job.data);
      try {
        return await processor(payload, job, token);
      } catch (error) {
        // BullMQ keeps what is thrown (failed jobs, events stream, dashboard): only scrubbed text.
        throw scrubbedJobError(error);
      }
    },
    {
      connection: runtime.connection as never,
      prefix: runtime.prefix,
      concurrency: options.concurrency ?? 4,
      ...(options.limiter ? { limiter: options.limiter } : {}),
    },
  );
  worker.on("failed", (job, error) => {
    logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, ...failureFields(error) }, "job failed");
  });
  worker.on("error", (error) => {
    logger.error({ queue, err: loggableError(error) }, "worker error");
  });
  return worker;
}

/** A connector task's failure is logged by its task id, class, status and code: a source's text may quote the person. */
function failureFields(error: Error): Record<string, unknown> {
  if (error instanceof ConnectorTaskFailure || error instanceof UnrecoverableConnectorTaskFailure) {
    return { taskId: error.taskId, err: error.kind };
  }
  return { err: loggableError(error) };
}
