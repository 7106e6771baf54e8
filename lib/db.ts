// The one Prisma client of a process (web app, workers, scripts).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { dsarPrisma?: PrismaClient };

/**
 * A transaction waits up to 10 s for one of the pool's 10 connections (Prisma's default is 2 s):
 * a burst of requests then queues instead of answering 500 ("Unable to start a transaction in the
 * given time"), since each holds its connection while the audit chain serialises appends.
 */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
  });
}

/** Lazily created so that importing a module never opens a connection (next build, unit tests). */
export function db(): PrismaClient {
  // One client across hot reloads in development.
  globalForDb.dsarPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.dsarPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.dsarPrisma?.$disconnect();
  globalForDb.dsarPrisma = undefined;
}
