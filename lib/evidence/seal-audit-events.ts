// One round of the audit log's sequencer: chains the pending events (written by appendAuditEvent
// without any chain field) and seals them as one batch.
//
// Why the order can never be broken by a late commit. Event ids come from a sequence drawn before
// commit, so a transaction that commits late can hold a smaller id than an event already sealed:
// "seal in id order up to the last id seen" would skip it for ever, or insert it behind sealed events.
// The chain is therefore not ordered by id. Its order is `chainSeq`, a position this round gives, and
// only this round:
//   - a round runs only while holding AUDIT_SEQUENCER_LOCK (a transaction-scoped advisory lock), so
//     rounds run one after the other, whichever process runs them, and each starts from the head the
//     previous one committed (READ COMMITTED: every statement after the lock sees that commit);
//   - it takes the pending events it can see, i.e. committed ones (never another transaction's
//     uncommitted rows), whatever their id: `WHERE "chainSeq" IS NULL`, not `id > last id`. An event
//     that commits late is simply pending at the next round and goes after everything sealed so far;
//     nothing is skipped, nothing already sealed moves;
//   - positions continue from the head's (head + 1, head + 2, …, in id order within the round), and
//     are unique in the table, as are seal numbers: two sequencers that ever ran at once would claim
//     the same position and the second commit would fail, so the chain cannot fork even then.
// For one request, events follow the order of their commits across rounds (an event seen by a round
// committed before any event first seen by a later one); within a round they follow their ids, which
// is the commit order of transactions that serialise on the request's row lock, as every change of a
// request does (move-request-from.ts): the second one draws its id after the first committed.
import { type Db, db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { auditEventHash, auditSealHash, GENESIS_HASH, hashedFieldsOfRow, sealEventsHash } from "./audit-hash.ts";

/** Events per batch seal; a bigger backlog is sealed by several rounds in a row. */
export const SEAL_BATCH_MAX = 500;
// Any fixed 64-bit number: held by the one round at work, whichever process runs it.
const AUDIT_SEQUENCER_LOCK = 7_426_193_012;

export type SealRound = {
  /** Events sealed by this round (newly chained, or chained by the migration and sealed now). */
  sealed: number;
  /** Another round held the lock: nothing was done. */
  busy: boolean;
  /** The round took a full batch: more may be waiting. */
  full: boolean;
};

type Options = {
  client?: Db;
  /** Wait (up to this long) for a round at work instead of leaving at once. */
  waitMs?: number;
  batchMax?: number;
};

export async function sealAuditEvents(options: Options = {}): Promise<SealRound> {
  const client = options.client ?? db();
  const batchMax = options.batchMax ?? SEAL_BATCH_MAX;
  return client.$transaction(
    async (tx: Tx) => {
      if (!(await takeSequencerLock(tx, options.waitMs))) return { sealed: 0, busy: true, full: false };
      const { head, chainedUpTo } = await readHead(tx);
      const sealedUpTo = head?.lastSeq ?? 0n;
      if (chainedUpTo > sealedUpTo) return sealChainedEvents(tx, head, chainedUpTo, batchMax);
      return chainPendingEvents(tx, head, batchMax);
    },
    { timeout: 60_000 },
  );
}

async function takeSequencerLock(tx: Tx, waitMs: number | undefined): Promise<boolean> {
  if (waitMs === undefined) {
    const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEQUENCER_LOCK}::bigint) AS locked`;
    return row.locked;
  }
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
  try {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_SEQUENCER_LOCK}::bigint)`;
  } catch (error) {
    if (/lock timeout/i.test(String((error as Error).message))) {
      throw new AppError("UNAVAILABLE", "The audit log is busy sealing events; try again in a moment.", { retryAfterSeconds: 1 });
    }
    throw error;
  }
  return true;
}

/** The last seal with the hash of the last event it covers, or null before the first seal. */
type Head = { id: bigint; lastSeq: bigint; hash: string; lastEventHash: string } | null;

/** The last seal, the hash of its last event and the highest chained position, in one statement. */
async function readHead(tx: Tx): Promise<{ head: Head; chainedUpTo: bigint }> {
  const [row] = await tx.$queryRaw<
    { id: bigint | null; lastSeq: bigint | null; hash: string | null; lastEventHash: string | null; chainedUpTo: bigint | null }[]
  >`
    SELECT s.id, s."lastSeq", s.hash,
           (SELECT e.hash FROM audit_events e WHERE e."chainSeq" = s."lastSeq") AS "lastEventHash",
           (SELECT max(e."chainSeq") FROM audit_events e) AS "chainedUpTo"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id, "lastSeq", hash FROM audit_seals ORDER BY id DESC LIMIT 1) AS s ON true`;
  const chainedUpTo = row.chainedUpTo ?? 0n;
  if (row.id === null || row.lastSeq === null || row.hash === null) return { head: null, chainedUpTo };
  if (!row.lastEventHash) throw new Error(`the audit chain has no sealed event at position ${row.lastSeq}`);
  return { head: { id: row.id, lastSeq: row.lastSeq, hash: row.hash, lastEventHash: row.lastEventHash }, chainedUpTo };
}

/** Gives the pending events their positions and hashes, and seals them. */
async function chainPendingEvents(tx: Tx, head: Head, batchMax: number): Promise<SealRound> {
  const pending = await tx.auditEvent.findMany({ where: { chainSeq: null }, orderBy: { id: "asc" }, take: batchMax });
  if (pending.length === 0) return { sealed: 0, busy: false, full: false };
  const from = (head?.lastSeq ?? 0n) + 1n;
  let globalHead = head?.lastEventHash ?? GENESIS_HASH;
  const requestHeads = await requestHeadsOf(tx, [...new Set(pending.flatMap((event) => (event.requestId ? [event.requestId] : [])))]);
  const chained = pending.map((event, index) => {
    const requestPrevHash = event.requestId ? (requestHeads.get(event.requestId) ?? GENESIS_HASH) : null;
    const hash = auditEventHash(hashedFieldsOfRow(event, { prevHash: globalHead, requestPrevHash }));
    const row = { id: event.id, seq: from + BigInt(index), prevHash: globalHead, requestPrevHash, hash };
    globalHead = hash;
    if (event.requestId) requestHeads.set(event.requestId, hash);
    return row;
  });
  const updated = await tx.$executeRaw`
    UPDATE audit_events AS e
    SET "chainSeq" = v.seq, "prevHash" = v.prev, "requestPrevHash" = v.request_prev, hash = v.hash
    FROM unnest(${chained.map((r) => r.id.toString())}::bigint[], ${chained.map((r) => r.seq.toString())}::bigint[],
                ${chained.map((r) => r.prevHash)}::text[], ${chained.map((r) => r.requestPrevHash)}::text[],
                ${chained.map((r) => r.hash)}::text[]) AS v(id, seq, prev, request_prev, hash)
    WHERE e.id = v.id AND e."chainSeq" IS NULL`;
  if (updated !== chained.length) throw new Error(`sealing expected ${chained.length} pending audit events, updated ${updated}`);
  await writeSeal(
    tx,
    head,
    from,
    chained.map((r) => r.hash),
  );
  return { sealed: chained.length, busy: false, full: chained.length === batchMax };
}

/** Events already in the chain but under no seal (those chained before sequencing existed), sealed in batches. */
async function sealChainedEvents(tx: Tx, head: Head, chainedUpTo: bigint, batchMax: number): Promise<SealRound> {
  const from = (head?.lastSeq ?? 0n) + 1n;
  const to = chainedUpTo < from + BigInt(batchMax) - 1n ? chainedUpTo : from + BigInt(batchMax) - 1n;
  const rows = await tx.auditEvent.findMany({
    where: { chainSeq: { gte: from, lte: to } },
    orderBy: { chainSeq: "asc" },
    select: { chainSeq: true, hash: true },
  });
  rows.forEach((row, index) => {
    if (row.chainSeq !== from + BigInt(index) || !row.hash)
      throw new Error(`the audit chain has no sealed event at position ${from + BigInt(index)}`);
  });
  await writeSeal(
    tx,
    head,
    from,
    rows.map((row) => row.hash as string),
  );
  return { sealed: rows.length, busy: false, full: true };
}

async function writeSeal(tx: Tx, head: Head, firstSeq: bigint, eventHashes: string[]) {
  const prevEventHash = head?.lastEventHash ?? GENESIS_HASH;
  const fields = {
    id: ((head?.id ?? 0n) + 1n).toString(),
    firstSeq: firstSeq.toString(),
    lastSeq: (firstSeq + BigInt(eventHashes.length) - 1n).toString(),
    prevEventHash,
    eventsHash: sealEventsHash(eventHashes),
    prevSealHash: head?.hash ?? GENESIS_HASH,
    sealedAt: new Date().toISOString(),
  };
  await tx.auditSeal.create({
    data: {
      ...fields,
      id: BigInt(fields.id),
      firstSeq: BigInt(fields.firstSeq),
      lastSeq: BigInt(fields.lastSeq),
      sealedAt: new Date(fields.sealedAt),
      hash: auditSealHash(fields),
    },
  });
}

/** The hash of each request's last sealed event (absent: the request's chain starts here). */
async function requestHeadsOf(tx: Tx, requestIds: string[]): Promise<Map<string, string>> {
  if (requestIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ requestId: string; hash: string | null }[]>`
    SELECT r.id::text AS "requestId",
           (SELECT e.hash FROM audit_events e
            WHERE e."requestId" = r.id AND e."chainSeq" IS NOT NULL
            ORDER BY e."chainSeq" DESC LIMIT 1) AS hash
    FROM unnest(${requestIds}::uuid[]) AS r(id)`;
  return new Map(rows.flatMap((row) => (row.hash ? [[row.requestId, row.hash] as const] : [])));
}

/** Rounds until no full batch is left (waiting for a round at work): every event committed before the call is sealed. */
export async function sealAllAuditEvents(options: Options = {}): Promise<number> {
  let sealed = 0;
  for (;;) {
    const round = await sealAuditEvents({ ...options, waitMs: options.waitMs ?? 10_000 });
    sealed += round.sealed;
    if (!round.full) return sealed;
  }
}
