// An Idempotency-Key makes a retried call return the first answer and create nothing new.
//
// No connection is held while the work runs. The first call claims the key with one INSERT … ON
// CONFLICT (its own short transaction) and a lease; the work then runs as it would without a key
// (its services open their own transactions); the answer is stored afterwards. A concurrent call
// with the same key waits for that answer and replays it, or gets 409 IDEMPOTENCY_IN_PROGRESS
// after `WAIT_FOR_MS`.
//
// Crash safety: inside every transaction the work commits, the claim is checked to still be ours
// and marked `workCommittedAt` (and, when the caller can derive the answer from that transaction's
// result, the answer is stored there too). So a claim whose owner died is taken over after its
// lease only if no work committed, and a work whose lease was taken over rolls back instead of
// committing a second time. A committed work whose answer was lost is never run again: the key
// answers 409 IDEMPOTENCY_OUTCOME_UNKNOWN.
import { randomUUID } from "node:crypto";
import { sha256Hex } from "../crypto.ts";
import { db, type TransactionHook, withTransactionHook } from "../db.ts";
import { AppError } from "../errors.ts";

const KEEP_FOR_MS = 24 * 3_600_000;
const LEASE_MS = 60_000;
const WAIT_FOR_MS = 10_000;

export type IdempotentAnswer = { status: number; body: unknown };

export type IdempotencyOptions = {
  /**
   * The answer, from the result of a transaction of the work, when that transaction is the one
   * that makes the change (null otherwise): it is then stored in that same transaction.
   */
  answerFromTransaction?: (result: unknown) => IdempotentAnswer | null;
  /** Tests shorten the lease and the wait. */
  leaseMs?: number;
  waitForMs?: number;
};

export async function withIdempotency(
  scope: string,
  key: string | null,
  rawBody: string,
  produce: () => Promise<IdempotentAnswer>,
  options: IdempotencyOptions = {},
): Promise<IdempotentAnswer & { replayed: boolean }> {
  if (!key) return { ...(await produce()), replayed: false };
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
  }
  const bodyHash = sha256Hex(rawBody);
  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const waitUntil = Date.now() + (options.waitForMs ?? WAIT_FOR_MS);
  for (let attempt = 0; ; attempt++) {
    if (await claim(scope, key, bodyHash, owner, leaseMs)) break;
    const existing = await db().idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) continue; // purged or released in between: claim again
    if (existing.bodyHash !== bodyHash) {
      throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with a different body.");
    }
    if (existing.status !== null) return { status: existing.status, body: existing.response, replayed: true };
    const leaseOver = !existing.leaseExpiresAt || existing.leaseExpiresAt <= new Date();
    if (existing.workCommittedAt && leaseOver) {
      throw new AppError(
        "IDEMPOTENCY_OUTCOME_UNKNOWN",
        "The first call with this Idempotency-Key made its change but its answer was lost; read the current state instead of retrying.",
      );
    }
    if (Date.now() >= waitUntil) {
      throw new AppError("IDEMPOTENCY_IN_PROGRESS", "A call with this Idempotency-Key is still running; retry shortly.", {
        retryAfterSeconds: 1,
      });
    }
    await sleep(Math.min(25 * 2 ** attempt, 250, waitUntil - Date.now()));
  }

  const hook: TransactionHook = async (tx, result) => {
    const answer = options.answerFromTransaction?.(result) ?? null;
    const { count } = await tx.idempotencyRecord.updateMany({
      where: { scope, key, owner },
      data: { workCommittedAt: new Date(), ...(answer ? { status: answer.status, response: answer.body as object } : {}) },
    });
    // Our lease ran out and another call took the key over: this work must not commit too.
    if (count !== 1) throw new AppError("IDEMPOTENCY_IN_PROGRESS", "This call's hold on its Idempotency-Key expired; retry.");
  };
  let produced: IdempotentAnswer;
  try {
    produced = await withTransactionHook(hook, produce);
  } catch (error) {
    await release(scope, key, owner);
    throw error;
  }
  if (produced.status >= 500) {
    await release(scope, key, owner);
  } else {
    await db().idempotencyRecord.updateMany({
      where: { scope, key, owner },
      data: { status: produced.status, response: produced.body as object, leaseExpiresAt: null },
    });
  }
  return { ...produced, replayed: false };
}

/**
 * One statement: inserts the key for us, or takes over an expired record, or a claim whose lease
 * ran out before any of its work committed (same body only). True when the key is now ours.
 */
async function claim(scope: string, key: string, bodyHash: string, owner: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);
  const expiresAt = new Date(now.getTime() + KEEP_FOR_MS);
  const rows = await db().$queryRaw<Array<{ owner: string }>>`
    INSERT INTO idempotency_records (scope, key, "bodyHash", owner, "leaseExpiresAt", "createdAt", "expiresAt")
    VALUES (${scope}, ${key}, ${bodyHash}, ${owner}, ${leaseExpiresAt}, ${now}, ${expiresAt})
    ON CONFLICT (scope, key) DO UPDATE SET
      "bodyHash" = EXCLUDED."bodyHash", status = NULL, response = NULL, owner = EXCLUDED.owner,
      "leaseExpiresAt" = EXCLUDED."leaseExpiresAt", "workCommittedAt" = NULL,
      "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
    WHERE idempotency_records."expiresAt" <= ${now}
       OR (idempotency_records.status IS NULL
           AND idempotency_records."workCommittedAt" IS NULL
           AND idempotency_records."leaseExpiresAt" <= ${now}
           AND idempotency_records."bodyHash" = EXCLUDED."bodyHash")
    RETURNING owner`;
  return rows[0]?.owner === owner;
}

/** The work failed: the key is free again, unless part of the work committed (never run twice). */
async function release(scope: string, key: string, owner: string): Promise<void> {
  await db().idempotencyRecord.deleteMany({ where: { scope, key, owner, workCommittedAt: null, status: null } });
  await db().idempotencyRecord.updateMany({ where: { scope, key, owner }, data: { leaseExpiresAt: new Date() } });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
