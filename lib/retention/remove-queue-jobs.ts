// Removes jobs by id from the queue store (Redis or PostgreSQL, through lib/queue): used by the
// retention purge, so a purged request leaves no failed job, stack trace or payload behind. A
// job gone already counts for nothing; one that cannot be removed (running at that moment) is
// logged by its ids and stays until its own age limit.
import { loggableError, logger } from "../logger.ts";
import { getQueue } from "../queue/enqueue.ts";
import type { QueueJobRef } from "./purge-request-batch.ts";

/** How many of the jobs existed and are now removed. */
export async function removeQueueJobs(jobs: QueueJobRef[]): Promise<number> {
  let removed = 0;
  for (const { queue, jobId } of jobs) {
    try {
      // A finaliser is the parent of its request's task jobs: they go with it.
      const count = await getQueue(queue).remove(jobId, { removeChildren: true });
      removed += count;
      if (count === 0 && (await getQueue(queue).getJob(jobId))) throw new Error("the job is locked by a worker");
    } catch (error) {
      logger.warn({ queue, jobId, err: loggableError(error) }, "purged request's job not removed");
    }
  }
  return removed;
}
