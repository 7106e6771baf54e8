// The one Prisma client of a process (web app, workers, scripts).
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { logger } from "./logger.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Runs inside every interactive transaction started while it is set (see `withTransactionHook`),
 * after the callback and before the commit, with the callback's result: a caller can write its
 * own rows in the same transaction as a service it does not control (lib/http/idempotency.ts).
 */
export type TransactionHook = (tx: Tx, result: unknown) => Promise<void>;
type Scope = { inTransaction: boolean; hook?: TransactionHook };

const globalForDb = globalThis as unknown as { dsarPrisma?: PrismaClient; dsarDbScope?: AsyncLocalStorage<Scope> };
// On globalThis: Next.js may load this module more than once in a process, the scope must be one.
globalForDb.dsarDbScope ??= new AsyncLocalStorage<Scope>();
const scope = globalForDb.dsarDbScope;

/**
 * A transaction waits up to 30 s for a pooled connection (Prisma's default is 2 s): a burst of
 * requests then queues instead of answering 500 ("Unable to start a transaction in the given
 * time") while every pooled connection is busy.
 */
export const TRANSACTION_MAX_WAIT_MS = 30_000;

/**
 * How long a transaction may run once started. Prisma's default (5 s) rolled back an ordinary
 * multi-statement change (applying a connectors file) on a machine loaded by other work; a
 * transaction that really hangs is still ended, and its work rolled back whole.
 */
export const TRANSACTION_TIMEOUT_MS = 20_000;

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
    // Under a burst a transaction queues for a pooled connection like any query does, instead of
    // failing after Prisma's default 2 s: no caller holds one connection while waiting for another
    // (the guard below), so waiting always ends.
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  const begin = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  // Interactive transactions run their callback in a scope that db() recognises (the guard
  // below), and run the caller's hook, if any, before committing.
  const $transaction = (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return begin(arg, options);
    const outer = scope.getStore();
    return begin(async (tx: Tx) => {
      const result = await scope.run({ inTransaction: true }, () => (arg as (tx: Tx) => Promise<unknown>)(tx));
      if (outer?.hook) await outer.hook(tx, result);
      return result;
    }, options);
  };
  Object.defineProperty(client, "$transaction", { value: $transaction, configurable: true, writable: true });
  return client;
}

/**
 * Lazily created so that importing a module never opens a connection (next build, unit tests).
 *
 * Never call it inside a transaction's callback: the callback already holds a pooled connection,
 * and asking the pool for a second one while holding the first jams the pool as soon as enough
 * calls do it at once (every connection held, every holder waiting). Use the `tx` you were given.
 * Outside production that mistake throws at once; in production it is logged.
 */
export function db(): PrismaClient {
  if (scope.getStore()?.inTransaction) reportDbInsideTransaction();
  // One client across hot reloads in development.
  globalForDb.dsarPrisma ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return globalForDb.dsarPrisma;
}

export class DbInsideTransactionError extends Error {
  constructor() {
    super(
      "db() was called inside a transaction callback: use the transaction's `tx` (a second connection held by the same call can jam the pool).",
    );
    this.name = "DbInsideTransactionError";
  }
}

function reportDbInsideTransaction(): void {
  const error = new DbInsideTransactionError();
  if (env().NODE_ENV !== "production") throw error;
  logger.error({ stack: error.stack }, error.message);
}

/** Runs `work` with `hook` called inside each interactive transaction it starts, before commit. */
export function withTransactionHook<T>(hook: TransactionHook, work: () => Promise<T>): Promise<T> {
  return scope.run({ inTransaction: false, hook }, work);
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.dsarPrisma?.$disconnect();
  globalForDb.dsarPrisma = undefined;
}
