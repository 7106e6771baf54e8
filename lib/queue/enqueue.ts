// Producers. Called after the transaction that wrote the row has committed; if this fails the
// row stays pending and a maintenance sweep enqueues it again, so nothing is lost.
import type { JobsOptions, Queue } from "bullmq";
import { settleAfterCommit } from "./after-commit.ts";
import { queueRuntime } from "./backend.ts";
import { type JobName, type JobPayload, jobQueue, jobSchemas, type QueueName } from "./jobs.ts";

const queues = new Map<QueueName, Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    const runtime = queueRuntime();
    queue = new runtime.Queue(name, { connection: runtime.connection as never, prefix: runtime.prefix });
    queues.set(name, queue);
  }
  return queue;
}

/**
 * How long a failed job stays in the queue store (dashboard, retries by id). Its row keeps the
 * failure for staff; past this a retry adds the job again (retry-connector-task.ts).
 */
export const FAILED_JOB_AGE_SECONDS = 7 * 24 * 3600;

export const defaultJobOptions: Partial<Record<JobName, JobsOptions>> = {
  // SMTP down for an hour still delivers: 12 attempts, exponential from 5 s (~3 h in all),
  // and the redelivery sweep picks up anything that ran out of attempts.
  "email.deliver": { attempts: 12, backoff: { type: "exponential", delay: 5_000 } },
  // An agent's callback endpoint down for a while: 10 attempts, exponential from 10 s (~3 h).
  "drp.status-callback": { attempts: 10, backoff: { type: "exponential", delay: 10_000 } },
  // The answer's build: 5 attempts, 10 s to 80 s apart (~2.5 min); the last failure is recorded on
  // the request for staff to retry (lib/fulfilment/finalise-job.ts).
  "fulfilment.finalise": { attempts: 5, backoff: { type: "exponential", delay: 10_000 } },
};

export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: JobsOptions = {}) {
  const data = jobSchemas[name].parse(payload);
  return getQueue(jobQueue[name]).add(name, data, {
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: FAILED_JOB_AGE_SECONDS },
    ...defaultJobOptions[name],
    ...options,
  });
}

/** Enqueue after commit, never throwing nor waiting long on a store that is down: the outbox sweep is the safety net. */
export async function enqueueAfterCommit<N extends JobName>(name: N, payload: JobPayload<N>, options: JobsOptions = {}) {
  await settleAfterCommit(enqueue(name, payload, options), { job: name });
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((queue) => queue.close()));
  queues.clear();
}
