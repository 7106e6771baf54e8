// The daily retention job: packages kept no longer than the setting, then the person's details
// removed from closed requests past their retention period. The run itself is one global audit
// event with its totals, which the retention settings page lists.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { purgeExpiredPackages } from "../fulfilment/purge-expired-packages.ts";
import { logger } from "../logger.ts";
import { capPackageLifetime } from "./cap-package-lifetime.ts";
import { cleanOldFailedJobs } from "./clean-old-failed-jobs.ts";
import { purgeClosedRequests } from "./purge-closed-requests.ts";
import { retentionCutoff } from "./retention-cutoff.ts";
import { readRetentionSettings } from "./retention-settings.ts";

export const RETENTION_RUN_ACTION = "retention.purge-completed";

/** The data of a run's audit event (list-retention-runs.ts reads it back with this schema). */
export const retentionRunSchema = z.object({
  requests: z.number().int(),
  rows: z.number().int(),
  files: z.number().int(),
  /** Jobs of purged requests removed from the queue store (absent from runs before it was counted). */
  jobs: z.number().int().default(0),
  /** Failed jobs past FAILED_JOB_AGE_SECONDS removed from every queue (same). */
  oldFailedJobs: z.number().int().default(0),
  batches: z.number().int(),
  packagesShortened: z.number().int(),
  packagesDeleted: z.number().int(),
  cutoff: z.string(),
  closedRequestMonths: z.number().int(),
  packageDays: z.number().int(),
  settingsSource: z.enum(["setting", "default"]),
  durationMs: z.number().int(),
});

export type RetentionRun = z.infer<typeof retentionRunSchema>;

export async function runRetentionPurge(options: { now?: Date; batchSize?: number } = {}): Promise<RetentionRun> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const settings = await readRetentionSettings();
  const { shortened } = await capPackageLifetime(settings.packageDays);
  const { deleted } = await purgeExpiredPackages(now);
  const cutoff = retentionCutoff(now, settings.closedRequestMonths);
  const purged = await purgeClosedRequests({ cutoff, now, retentionMonths: settings.closedRequestMonths, batchSize: options.batchSize });
  const oldFailedJobs = await cleanOldFailedJobs();
  const run: RetentionRun = {
    ...purged,
    oldFailedJobs,
    packagesShortened: shortened,
    packagesDeleted: deleted,
    cutoff: cutoff.toISOString(),
    closedRequestMonths: settings.closedRequestMonths,
    packageDays: settings.packageDays,
    settingsSource: settings.source,
    durationMs: Date.now() - started,
  };
  await db().$transaction((tx: Tx) => appendAuditEvent(tx, { actor: { type: "SYSTEM" }, action: RETENTION_RUN_ACTION, data: run }));
  logger.info(run, "retention purge done");
  return run;
}
