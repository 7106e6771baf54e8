// Removes the person's details from every closed request past its retention period, batch by
// batch (one transaction each), then deletes the files whose keys the batch destroyed and the
// batch's jobs from every queue (a failed job keeps its error text for days). Safe to run again
// or from several workers: a purged request is never picked twice.
import { rm } from "node:fs/promises";
import { loggableError, logger } from "../logger.ts";
import { purgeRequestBatch } from "./purge-request-batch.ts";
import { removeQueueJobs } from "./remove-queue-jobs.ts";

export async function purgeClosedRequests(options: { cutoff: Date; now: Date; retentionMonths: number; batchSize?: number }) {
  const batchSize = options.batchSize ?? 500;
  const totals = { requests: 0, rows: 0, files: 0, jobs: 0, batches: 0 };
  for (;;) {
    const batch = await purgeRequestBatch({ ...options, batchSize });
    if (batch.requests === 0) return totals;
    totals.batches++;
    totals.requests += batch.requests;
    totals.rows += batch.rows;
    totals.files += await removeFiles(batch.files);
    totals.jobs += await removeQueueJobs(batch.jobs);
    if (batch.requests < batchSize) return totals;
  }
}

/** How many of the files existed and are now gone. A file that cannot be removed stays unreadable: its key is gone. */
async function removeFiles(paths: string[]): Promise<number> {
  let removed = 0;
  for (const path of paths) {
    try {
      await rm(path);
      removed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") logger.warn({ err: loggableError(error) }, "purged file not removed");
    }
  }
  return removed;
}
