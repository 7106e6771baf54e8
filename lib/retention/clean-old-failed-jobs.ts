// Failed jobs past their age limit, removed from every queue. BullMQ applies `removeOnFail: { age }`
// only when another job of the same queue finishes, so a quiet connector queue would keep its
// failed jobs (and jobs failed before the limit existed) for ever; the nightly retention run
// enforces the limit here.
import { db } from "../db.ts";
import { loggableError, logger } from "../logger.ts";
import { FAILED_JOB_AGE_SECONDS, getQueue } from "../queue/enqueue.ts";
import { connectorQueueName, type QueueName, queueNames } from "../queue/jobs.ts";

const BATCH = 1000;

/** How many failed jobs finished more than `olderThanMs` ago were removed, over all queues. */
export async function cleanOldFailedJobs(olderThanMs = FAILED_JOB_AGE_SECONDS * 1000): Promise<number> {
  const connectors = await db().connector.findMany({ select: { key: true } });
  const queues: QueueName[] = [...Object.values(queueNames), ...connectors.map((connector) => connectorQueueName(connector.key))];
  let removed = 0;
  for (const name of queues) {
    try {
      for (;;) {
        const ids = await getQueue(name).clean(olderThanMs, BATCH, "failed");
        removed += ids.length;
        if (ids.length < BATCH) break;
      }
    } catch (error) {
      logger.warn({ queue: name, err: loggableError(error) }, "old failed jobs not cleaned");
    }
  }
  return removed;
}
