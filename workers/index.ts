// The one worker entry: registers every processor and the maintenance schedule, and shuts down
// in order on SIGTERM/SIGINT (workers, then queues and the store, then the database).
import { disconnectDb } from "../lib/db.ts";
import { queueStatusCallbacks } from "../lib/drp/queue-status-callbacks.ts";
import { sendStatusCallback } from "../lib/drp/send-status-callback.ts";
import { deliverEmail } from "../lib/email/deliver-email.ts";
import { closeMailTransport, MAIL_POOL_CONNECTIONS } from "../lib/email/mail-transport.ts";
import { redeliverPendingEmails } from "../lib/email/redeliver-pending-emails.ts";
import { env } from "../lib/env.ts";
import { startAuditSequencer } from "../lib/evidence/audit-sequencer.ts";
import { runFinaliseJob } from "../lib/fulfilment/finalise-job.ts";
import { purgeExpiredPackages } from "../lib/fulfilment/purge-expired-packages.ts";
import { resumeStalledFulfilment } from "../lib/fulfilment/resume-stalled-fulfilment.ts";
import { closeFlowProducer } from "../lib/fulfilment/start-fulfilment.ts";
import { loggableError, logger } from "../lib/logger.ts";
import { purgeExpiredRecords } from "../lib/maintenance/purge-expired-records.ts";
import { closeQueueRuntime } from "../lib/queue/backend.ts";
import { closeQueues, FAILED_JOB_AGE_SECONDS, getQueue } from "../lib/queue/enqueue.ts";
import { queueNames } from "../lib/queue/jobs.ts";
import { sendDailyDigests } from "../lib/reminders/send-daily-digests.ts";
import { sendDeadlineReminders } from "../lib/reminders/send-deadline-reminders.ts";
import { expireUnverifiedRequests } from "../lib/requests/expire-unverified-requests.ts";
import { runRetentionPurge } from "../lib/retention/run-retention-purge.ts";
import { compactStatusCounts } from "../lib/staff/compact-status-counts.ts";
import { connectorWorkers } from "./connector-workers.ts";
import { registerWorker } from "./register-worker.ts";

/** `schedule: false` leaves out the maintenance schedule (tests run those sweeps themselves). */
export async function startWorkers(options: { schedule?: boolean } = {}) {
  env(); // a bad configuration stops here, naming the variable
  const workers = [
    registerWorker(
      queueNames.email,
      { "email.deliver": ({ emailId }) => deliverEmail(emailId) },
      {
        concurrency: MAIL_POOL_CONNECTIONS,
      },
    ),
    registerWorker(
      queueNames.maintenance,
      {
        "maintenance.expire-unverified": () => expireUnverifiedRequests(),
        "maintenance.redeliver-pending-email": () => redeliverPendingEmails(),
        "maintenance.purge-expired-records": () => purgeExpiredRecords(),
        "maintenance.retention-purge": () => runRetentionPurge(),
        "maintenance.purge-expired-packages": () => purgeExpiredPackages(),
        "maintenance.resume-stalled-fulfilment": () => resumeStalledFulfilment(),
        "maintenance.send-deadline-reminders": () => sendDeadlineReminders(),
        "maintenance.send-daily-digests": () => sendDailyDigests(),
        "maintenance.queue-drp-callbacks": () => queueStatusCallbacks(),
        "maintenance.compact-status-counts": () => compactStatusCounts(),
      },
      { concurrency: 1 },
    ),
    registerWorker(queueNames.drp, { "drp.status-callback": ({ drpRequestId }) => sendStatusCallback(drpRequestId) }, { concurrency: 4 }),
    registerWorker(
      queueNames.fulfilment,
      { "fulfilment.finalise": ({ requestId }, job) => runFinaliseJob(requestId, job) },
      {
        concurrency: env().FINALISER_CONCURRENCY,
      },
    ),
  ];
  const connectors = connectorWorkers();
  await connectors.sync();
  const resync = setInterval(() => {
    connectors.sync().catch((error) => logger.warn({ err: loggableError(error) }, "connector workers not synced"));
  }, 10_000);
  resync.unref();
  if (options.schedule !== false) await scheduleMaintenance();
  // Chains and seals audit events after their transactions commit; one round at a time across processes.
  const sequencer = startAuditSequencer();

  let stopping = false;
  async function stop(signal = "shutdown") {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "workers stopping");
    // Jobs in progress get 15 s to finish; a job cut short is retried by another worker.
    clearInterval(resync);
    const closing = Promise.all([...workers.map((worker) => worker.close()), connectors.close()]);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await sequencer.stop();
    await closeQueues();
    await closeFlowProducer();
    await closeQueueRuntime();
    closeMailTransport();
    await disconnectDb();
    logger.info("workers stopped");
  }
  return { workers, stop };
}

/** Scheduled jobs keep as long as enqueued ones (enqueue.ts): a failed sweep's error is not kept forever. */
const scheduledJobOptions = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: FAILED_JOB_AGE_SECONDS } };

export async function scheduleMaintenance() {
  const maintenance = getQueue(queueNames.maintenance);
  // Job schedulers are upserted by id, so any number of worker processes keep one schedule.
  const every = {
    "expire-unverified": 5 * 60_000,
    "redeliver-pending-email": 60_000,
    "purge-expired-records": 60 * 60_000,
    "purge-expired-packages": 15 * 60_000,
    "resume-stalled-fulfilment": 5 * 60_000,
    // Reminders count in days, so hourly is prompt enough; the digest goes out within five minutes
    // of its hour. Both are once-only by their notification keys (lib/reminders).
    "send-deadline-reminders": 60 * 60_000,
    "send-daily-digests": 5 * 60_000,
    // Status callbacks to authorized agents after changes made outside the DRP API.
    "queue-drp-callbacks": 60_000,
    // The dashboard's status counts read the changes not yet folded in: a minute's worth at most.
    "compact-status-counts": 60_000,
  } as const;
  for (const [id, ms] of Object.entries(every)) {
    await maintenance.upsertJobScheduler(id, { every: ms }, { name: `maintenance.${id}`, data: {}, opts: scheduledJobOptions });
  }
  // Retention is counted in days and months: once a day, at night on the controller's clock.
  await maintenance.upsertJobScheduler(
    "retention-purge",
    { pattern: "30 3 * * *", tz: env().CONTROLLER_TIME_ZONE },
    { name: "maintenance.retention-purge", data: {}, opts: scheduledJobOptions },
  );
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  process.env.DSAR_SERVICE ??= "workers";
  try {
    const { stop } = await startWorkers();
    logger.info({ backend: env().QUEUE_BACKEND }, "workers started");
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        stop(signal).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
