// The one place that knows which store BullMQ runs on: Redis in production and tests, or
// BullMQ's PostgreSQL backend (schema "bullmq" of the portal's own database) for the demo
// when no Redis answers. Everything else asks this module for its classes and connection.
import { createPostgresBackend, FlowProducer, Queue, QueueEvents, Worker, withBackend } from "bullmq";
import { Redis } from "ioredis";
import { env } from "../env.ts";

export type QueueBackendKind = "redis" | "postgres";

type Classes = {
  Queue: typeof Queue;
  Worker: typeof Worker;
  FlowProducer: typeof FlowProducer;
  QueueEvents: typeof QueueEvents;
};

export type QueueRuntime = Classes & {
  kind: QueueBackendKind;
  prefix: string;
  /** Passed as `connection` to every BullMQ class. */
  connection: unknown;
  /** Answers when the store is reachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

let runtime: QueueRuntime | undefined;

function redisRuntime(url: string, prefix: string): QueueRuntime {
  // One shared connection for producers; BullMQ duplicates it for blocking worker calls.
  // maxRetriesPerRequest: null is what BullMQ requires for workers.
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  connection.on("error", () => {
    // Reconnection is automatic; failures surface through health checks and job errors.
  });
  return {
    kind: "redis",
    prefix,
    Queue,
    Worker,
    FlowProducer,
    QueueEvents,
    connection,
    async ping() {
      await connection.ping();
    },
    async close() {
      connection.disconnect();
    },
  };
}

function postgresRuntime(databaseUrl: string, prefix: string): QueueRuntime {
  const bound = withBackend(createPostgresBackend);
  const connection = { connectionString: databaseUrl, schema: "bullmq", migrate: true, max: 5 };
  let pingPool: import("pg").Pool | undefined;
  return {
    kind: "postgres",
    prefix,
    Queue: bound.Queue as unknown as typeof Queue,
    Worker: bound.Worker as unknown as typeof Worker,
    FlowProducer: bound.FlowProducer as unknown as typeof FlowProducer,
    QueueEvents: bound.QueueEvents as unknown as typeof QueueEvents,
    connection,
    async ping() {
      const { default: pg } = await import("pg");
      pingPool ??= new pg.Pool({ connectionString: databaseUrl, max: 1 });
      await pingPool.query("SELECT 1");
    },
    async close() {
      await pingPool?.end();
    },
  };
}

export function queueRuntime(): QueueRuntime {
  if (!runtime) {
    const config = env();
    runtime =
      config.QUEUE_BACKEND === "postgres"
        ? postgresRuntime(config.DATABASE_URL, config.QUEUE_PREFIX)
        : redisRuntime(config.REDIS_URL as string, config.QUEUE_PREFIX);
  }
  return runtime;
}

export async function closeQueueRuntime(): Promise<void> {
  await runtime?.close();
  runtime = undefined;
}
