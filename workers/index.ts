// The one worker entry: registers every processor and the maintenance schedule, and shuts down
// in order on SIGTERM/SIGINT (workers, then queues and the store, then the database).
import { disconnectDb } from "../lib/db.ts";
import { deliverEmail } from "../lib/email/deliver-email.ts";
import { closeMailTransport } from "../lib/email/mail-transport.ts";
import { redeliverPendingEmails } from "../lib/email/redeliver-pending-emails.ts";
import { env } from "../lib/env.ts";
import { logger } from "../lib/logger.ts";
import { purgeExpiredRecords } from "../lib/maintenance/purge-expired-records.ts";
import { closeQueueRuntime } from "../lib/queue/backend.ts";
import { closeQueues, getQueue } from "../lib/queue/enqueue.ts";
import { queueNames } from "../lib/queue/jobs.ts";
import { expireUnverifiedRequests } from "../lib/requests/expire-unverified-requests.ts";
import { registerWorker } from "./register-worker.ts";

export async function startWorkers() {
  env(); // a bad configuration stops here, naming the variable
  const workers = [
    registerWorker(queueNames.email, { "email.deliver": ({ emailId }) => deliverEmail(emailId) }, { concurrency: 4 }),
    registerWorker(
      queueNames.maintenance,
      {
        "maintenance.expire-unverified": () => expireUnverifiedRequests(),
        "maintenance.redeliver-pending-email": () => redeliverPendingEmails(),
        "maintenance.purge-expired-records": () => purgeExpiredRecords(),
      },
      { concurrency: 1 },
    ),
  ];
  const maintenance = getQueue(queueNames.maintenance);
  // Job schedulers are upserted by id, so any number of worker processes keep one schedule.
  await maintenance.upsertJobScheduler("expire-unverified", { every: 5 * 60_000 }, { name: "maintenance.expire-unverified", data: {} });
  await maintenance.upsertJobScheduler(
    "redeliver-pending-email",
    { every: 60_000 },
    { name: "maintenance.redeliver-pending-email", data: {} },
  );
  await maintenance.upsertJobScheduler(
    "purge-expired-records",
    { every: 60 * 60_000 },
    { name: "maintenance.purge-expired-records", data: {} },
  );

  let stopping = false;
  async function stop(signal = "shutdown") {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "workers stopping");
    await Promise.all(workers.map((worker) => worker.close()));
    await closeQueues();
    await closeQueueRuntime();
    closeMailTransport();
    await disconnectDb();
    logger.info("workers stopped");
  }
  return { workers, stop };
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
