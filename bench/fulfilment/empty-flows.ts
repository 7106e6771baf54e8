// The fulfilment benchmark's floor (run.ts): the same BullMQ flows as the portal's (3 children and a
// parent per request, the same attempts and concurrency) of no-op jobs, on the same Redis. Bench-only.
import { randomUUID } from "node:crypto";
import { FlowProducer, type Job, Worker } from "bullmq";
import { Redis } from "ioredis";
import { pool, sleep } from "./bench-services.ts";

export type EmptyFlowOptions = {
  redisUrl: string;
  prefix: string;
  /** Flows measured, after warmUp flows not measured. */
  flows: number;
  warmUp: number;
  /** Flows added at once, as the portal's approvers do. */
  adders: number;
  concurrency: number;
  finaliserConcurrency: number;
  budgetMs: number;
};

export async function measureEmptyFlows(options: EmptyFlowOptions) {
  const { redisUrl, prefix: emptyPrefix, flows: N, warmUp: WARM_UP, adders: APPROVERS, budgetMs: BUDGET_MS } = options;
  const { concurrency: CONCURRENCY, finaliserConcurrency: FINALISER_CONCURRENCY } = options;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const children = ["empty-shop-db", "empty-crm", "empty-support-desk"];
  const noop = async () => null;
  const workers = [
    ...children.map((queue) => new Worker(queue, noop, { connection, prefix: emptyPrefix, concurrency: CONCURRENCY })),
    new Worker("empty-fulfilment", noop, { connection, prefix: emptyPrefix, concurrency: FINALISER_CONCURRENCY }),
  ];
  const producer = new FlowProducer({ connection, prefix: emptyPrefix });
  let finished = 0;
  let lastFinished = 0;
  workers[3].on("completed", (_job: Job) => {
    finished++;
    lastFinished = Date.now();
  });
  const add = (id: string) =>
    producer.add({
      name: "fulfilment.finalise",
      queueName: "empty-fulfilment",
      data: { requestId: id },
      opts: { jobId: `finalise-${id}`, attempts: 5, backoff: { type: "exponential", delay: 10_000 }, removeOnComplete: { age: 86_400 } },
      children: children.map((queueName) => ({
        name: "connector.run",
        queueName,
        data: { taskId: randomUUID() },
        opts: {
          jobId: `task-${randomUUID()}`,
          attempts: 5,
          backoff: { type: "exponential", delay: 5_000 },
          failParentOnFailure: false,
          removeOnComplete: { age: 86_400 },
          removeOnFail: false,
        },
      })),
    });
  try {
    await pool(
      Array.from({ length: WARM_UP }, () => randomUUID()),
      APPROVERS,
      add,
    );
    while (finished < WARM_UP) await sleep(50);
    const started = Date.now();
    await pool(
      Array.from({ length: N }, () => randomUUID()),
      APPROVERS,
      add,
    );
    while (finished < WARM_UP + N && Date.now() - started < BUDGET_MS) await sleep(50);
    const flows = finished - WARM_UP;
    return { flows, seconds: ((flows === N ? lastFinished : Date.now()) - started) / 1000 };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await producer.close();
    connection.disconnect();
  }
}
