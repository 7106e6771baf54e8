// Whether the database and the queue store answer, each within a short time.
import { db } from "../db.ts";
import { queueRuntime } from "../queue/backend.ts";

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(timeoutMs = 2000) {
  const [database, queue] = await Promise.allSettled([
    within(timeoutMs, db().$queryRaw`SELECT 1`),
    within(timeoutMs, queueRuntime().ping()),
  ]);
  return {
    database: database.status === "fulfilled" ? "ok" : "unavailable",
    queue: queue.status === "fulfilled" ? "ok" : "unavailable",
  } as const;
}
