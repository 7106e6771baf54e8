// Checks the whole audit log in the database: every sealed event's hash recomputed from its fields,
// the global chain and each request's chain followed in chain order from the genesis value, and every
// batch seal recomputed and linked to the previous one, covering the chain without gap or overlap.
// Reads events and seals in pages, in step; keeps one hash per request and one batch in memory.
import { type Db, db } from "../db.ts";
import type { AuditEvent, AuditSeal } from "../generated/prisma/client.ts";
import { auditEventHash, auditSealHash, GENESIS_HASH, hashedFieldsOfRow, hashedSealFieldsOfRow, sealEventsHash } from "./audit-hash.ts";

export type AuditLogReport = { events: number; seals: number; pending: number; problems: string[] };

const PAGE = 2000;

/** A client, or a transaction (tests read a tampered log inside one they roll back). */
type Reader = Pick<Db, "auditEvent" | "auditSeal">;

export async function verifyAuditLog(options: { client?: Reader } = {}): Promise<AuditLogReport> {
  const client = options.client ?? db();
  const problems: string[] = [];
  const requestHeads = new Map<string, string>();
  const seals = sealsInOrder(client);
  let seal = (await seals.next()).value ?? null;
  let sealCount = seal ? 1 : 0;
  let batch: string[] = [];
  let previousSeal = GENESIS_HASH;
  let beforeBatch = GENESIS_HASH;
  let previous = GENESIS_HASH;
  let expected = 1n;
  for await (const event of eventsInChainOrder(client)) {
    const where = `event ${event.id} at position ${event.chainSeq}`;
    if (event.chainSeq !== expected) {
      problems.push(`${where}: expected position ${expected}: events are missing from the chain.`);
      expected = event.chainSeq as bigint;
    }
    checkEvent(event, where, previous, requestHeads, problems);
    previous = event.hash ?? "";
    batch.push(previous);
    if (seal && event.chainSeq === seal.lastSeq) {
      checkSeal(seal, sealCount, batch, beforeBatch, previousSeal, problems);
      previousSeal = seal.hash;
      beforeBatch = previous;
      batch = [];
      seal = (await seals.next()).value ?? null;
      if (seal) sealCount++;
    }
    expected++;
  }
  if (seal) problems.push(`seal ${seal.id}: seals positions ${seal.firstSeq}–${seal.lastSeq}, beyond the chain's ${expected - 1n} events.`);
  else if (batch.length > 0) problems.push(`the last ${batch.length} events of the chain are under no seal.`);
  const pending = await client.auditEvent.count({ where: { chainSeq: null } });
  return { events: Number(expected - 1n), seals: sealCount, pending, problems };
}

function checkEvent(event: AuditEvent, where: string, previous: string, requestHeads: Map<string, string>, problems: string[]) {
  const recomputed = auditEventHash(hashedFieldsOfRow(event, event));
  if (recomputed !== event.hash) problems.push(`${where}: its hash does not match its fields: the event was edited.`);
  if (event.prevHash !== previous) problems.push(`${where}: prevHash is not the hash of the event before it in the chain.`);
  if (!event.requestId) {
    if (event.requestPrevHash !== null) problems.push(`${where}: has a requestPrevHash but belongs to no request.`);
    return;
  }
  if (event.requestPrevHash !== (requestHeads.get(event.requestId) ?? GENESIS_HASH)) {
    problems.push(`${where}: requestPrevHash is not the hash of the request's event before it.`);
  }
  requestHeads.set(event.requestId, event.hash ?? "");
}

function checkSeal(seal: AuditSeal, number: number, batch: string[], beforeBatch: string, previousSeal: string, problems: string[]) {
  const where = `seal ${seal.id}`;
  if (seal.id !== BigInt(number)) problems.push(`${where}: expected seal ${number}: a seal is missing.`);
  if (auditSealHash(hashedSealFieldsOfRow(seal)) !== seal.hash)
    problems.push(`${where}: its hash does not match its fields: the seal was forged or edited.`);
  if (seal.prevSealHash !== previousSeal) problems.push(`${where}: prevSealHash is not the hash of the seal before it.`);
  if (BigInt(batch.length) !== seal.lastSeq - seal.firstSeq + 1n || sealEventsHash(batch) !== seal.eventsHash) {
    problems.push(`${where}: the events at positions ${seal.firstSeq}–${seal.lastSeq} are not the events it sealed.`);
  }
  if (seal.prevEventHash !== beforeBatch) problems.push(`${where}: prevEventHash is not the hash of the event before its first.`);
}

async function* eventsInChainOrder(client: Reader): AsyncGenerator<AuditEvent> {
  let after = 0n;
  for (;;) {
    const page = await client.auditEvent.findMany({ where: { chainSeq: { gt: after } }, orderBy: { chainSeq: "asc" }, take: PAGE });
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1].chainSeq as bigint;
  }
}

async function* sealsInOrder(client: Reader): AsyncGenerator<AuditSeal> {
  let after = 0n;
  for (;;) {
    const page = await client.auditSeal.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: PAGE });
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
