// The retention purge's job removal on BullMQ's PostgreSQL backend (the demo's, when no Redis
// answers): a request's finaliser, its failed task job and its email job all leave the store.
// (On Redis, connector-failures.int.test.ts runs the whole purge.) A database of its own, since on
// PostgreSQL the queue store lives in it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-database.ts";

const database = await createTestDatabase("purgejobs");
process.env.DATABASE_URL = database.url;
process.env.QUEUE_BACKEND = "postgres";
const { queueRuntime, closeQueueRuntime } = await import("../../lib/queue/backend.ts");
const { closeQueues, enqueue, getQueue } = await import("../../lib/queue/enqueue.ts");
const { connectorQueueName, queueNames } = await import("../../lib/queue/jobs.ts");
const { removeQueueJobs } = await import("../../lib/retention/remove-queue-jobs.ts");

afterAll(async () => {
  await closeQueues();
  await closeQueueRuntime();
  const { disconnectDb } = await import("../../lib/db.ts");
  await disconnectDb();
  await database.drop();
});

describe("removing a purged request's jobs, PostgreSQL backend", () => {
  it("removes the finaliser with its task jobs, and the email job", async () => {
    const runtime = queueRuntime();
    expect(runtime.kind).toBe("postgres");
    const requestId = randomUUID();
    const taskId = randomUUID();
    const emailId = randomUUID();
    const taskQueue = connectorQueueName("pg-purge");
    const producer = new runtime.FlowProducer({ connection: runtime.connection as never, prefix: runtime.prefix });
    await producer.add({
      name: "fulfilment.finalise",
      queueName: queueNames.fulfilment,
      data: { requestId },
      opts: { jobId: `finalise-${requestId}` },
      children: [{ name: "connector.run", queueName: taskQueue, data: { taskId }, opts: { jobId: `task-${taskId}` } }],
    });
    await producer.close();
    await enqueue("email.deliver", { emailId }, { jobId: `email-${emailId}` });
    const jobs = [
      { queue: queueNames.fulfilment, jobId: `finalise-${requestId}` },
      { queue: taskQueue, jobId: `task-${taskId}` },
      { queue: queueNames.email, jobId: `email-${emailId}` },
    ] as const;
    const present = async () => Promise.all(jobs.map(async ({ queue, jobId }) => Boolean(await getQueue(queue).getJob(jobId))));
    expect(await present()).toEqual([true, true, true]);

    expect(await removeQueueJobs([...jobs])).toBeGreaterThanOrEqual(2);
    expect(await present()).toEqual([false, false, false]);
    // Jobs already gone count for nothing, and do not fail.
    expect(await removeQueueJobs([...jobs])).toBe(0);
  });
});
