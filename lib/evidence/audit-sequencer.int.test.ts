// The audit log written without a lock and chained after commit: many writers, a late commit, two
// sequencers at once, a rollback, events chained before sequencing existed, and tampering. Runs on a
// database of its own (the tampering cases edit the log with its triggers off, inside transactions
// rolled back), with clients of its own: one per simulated process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { createPrismaClient, type Db, type Tx } from "../db.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import { auditEventHash, auditSealHash, GENESIS_HASH } from "./audit-hash.ts";
import { gate, seedAuditRequests } from "./audit-log.test-support.ts";
import { startAuditSequencer } from "./audit-sequencer.ts";
import { awaitAuditSeal } from "./await-audit-seal.ts";
import { sealAllAuditEvents, sealAuditEvents } from "./seal-audit-events.ts";
import { verifyAuditLog } from "./verify-audit-log.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Db;
let other: Db;
let requestIds: string[];

beforeAll(async () => {
  database = await createTestDatabase("audit_seq");
  client = createPrismaClient(database.url, 10);
  other = createPrismaClient(database.url, 10);
  requestIds = await seedAuditRequests(client, 12);
});

afterAll(async () => {
  await client?.$disconnect();
  await other?.$disconnect();
  await database?.drop();
});

const append = (tx: Tx, requestId: string | null, action: string, data: Record<string, unknown> = {}) =>
  appendAuditEvent(tx, { requestId, actor: { type: "SYSTEM" }, action, data });

/** `writers` loops, each committing `transactions` transactions of 1 to 3 events. */
async function write(db: Db, writers: number, transactions: number, action: string) {
  await Promise.all(
    Array.from({ length: writers }, (_, writer) =>
      (async () => {
        for (let t = 0; t < transactions; t++) {
          await db.$transaction(async (tx: Tx) => {
            for (let e = 0; e <= (writer + t) % 3; e++) {
              await append(tx, (writer + t + e) % 4 === 3 ? null : requestIds[(writer * 7 + t) % requestIds.length], action, {
                writer,
                t,
                e,
              });
            }
          });
        }
      })(),
    ),
  );
}

describe("the audit log's sequencer", () => {
  it("seals events chained before sequencing existed as the first part of the chain", async () => {
    // What the migration leaves: events chained in id order, numbered, under no seal.
    let head = GENESIS_HASH;
    const requestHead = new Map<string, string>();
    const rows = [];
    for (let i = 0; i < 1203; i++) {
      const requestId = requestIds[i % 5];
      const fields = {
        requestId,
        actorType: "SYSTEM",
        actorId: null,
        action: "legacy.event",
        data: { i },
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        prevHash: head,
        requestPrevHash: requestHead.get(requestId) ?? GENESIS_HASH,
      };
      head = auditEventHash(fields);
      requestHead.set(requestId, head);
      rows.push({ ...fields, actorType: "SYSTEM" as const, at: new Date(fields.at), hash: head, chainSeq: BigInt(i + 1) });
    }
    await client.auditEvent.createMany({ data: rows });
    await client.$transaction((tx: Tx) => append(tx, requestIds[0], "after.migration"));
    await sealAllAuditEvents({ client });
    const seals = await client.auditSeal.findMany({ orderBy: { id: "asc" } });
    expect(seals.map((s) => [s.firstSeq, s.lastSeq])).toEqual([
      [1n, 500n],
      [501n, 1000n],
      [1001n, 1203n],
      [1204n, 1204n],
    ]);
    const after = await client.auditEvent.findFirstOrThrow({ where: { action: "after.migration" } });
    expect(after).toMatchObject({ chainSeq: 1204n, prevHash: head, requestPrevHash: requestHead.get(requestIds[0]) });
    expect(await verifyAuditLog({ client })).toEqual({ events: 1204, seals: 4, pending: 0, problems: [] });
  });

  it("writes events with no chain field and no lock; concurrent writers make one valid chain once sealed", async () => {
    // While one transaction holds an event uncommitted, others still append and commit: nothing waits for it.
    const held = gate();
    const holding = client.$transaction(async (tx: Tx) => {
      const event = await append(tx, requestIds[1], "held.event");
      expect(event).toMatchObject({ chainSeq: null, hash: null, prevHash: null, requestPrevHash: null });
      await held.wait;
    });
    await write(other, 8, 10, "concurrent.event");
    held.open();
    await holding;
    const before = await client.auditEvent.count();
    const sequencer = startAuditSequencer({ client, intervalMs: 20 });
    await write(other, 8, 15, "concurrent.event");
    await sequencer.stop();
    await sealAllAuditEvents({ client });
    const report = await verifyAuditLog({ client });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ events: await client.auditEvent.count(), pending: 0 });
    expect(report.events).toBeGreaterThan(before);
  });

  it("chains a transaction that commits late after the events sealed meanwhile, never skipping it", async () => {
    const appended = gate();
    const release = gate();
    let lateId = 0n;
    const late = client.$transaction(
      async (tx: Tx) => {
        lateId = (await append(tx, requestIds[2], "late.event")).id;
        appended.open();
        await release.wait;
      },
      { timeout: 60_000 },
    );
    await appended.wait;
    // Others, with larger ids, commit and are sealed while the late one is still open.
    await write(other, 3, 4, "meanwhile.event");
    await sealAllAuditEvents({ client: other });
    const meanwhile = await client.auditEvent.findMany({ where: { action: "meanwhile.event" } });
    expect(meanwhile.every((event) => event.id > lateId && event.chainSeq !== null)).toBe(true);
    release.open();
    await late;
    const pending = await client.auditEvent.findUniqueOrThrow({ where: { id: lateId } });
    expect(pending.chainSeq).toBeNull();
    await sealAllAuditEvents({ client: other });
    const sealed = await client.auditEvent.findUniqueOrThrow({ where: { id: lateId } });
    const lastMeanwhile = meanwhile.reduce((max, event) => (event.chainSeq && event.chainSeq > max ? event.chainSeq : max), 0n);
    expect(sealed.chainSeq).toBeGreaterThan(lastMeanwhile);
    // Its request's chain goes on from the request's last sealed event.
    const previousOfRequest = await client.auditEvent.findFirstOrThrow({
      where: { requestId: requestIds[2], chainSeq: { lt: sealed.chainSeq as bigint } },
      orderBy: { chainSeq: "desc" },
    });
    expect(sealed.requestPrevHash).toBe(previousOfRequest.hash);
    expect((await verifyAuditLog({ client })).problems).toEqual([]);
  });

  it("lets one round at a time work, whichever process runs it", async () => {
    await client.$transaction((tx: Tx) => append(tx, requestIds[3], "waiting.event"));
    const holder = gate();
    const locked = gate();
    // Another process's round at work: it holds the sequencer lock.
    const working = client.$transaction(
      async (tx: Tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(7426193012::bigint)`;
        locked.open();
        await holder.wait;
      },
      { timeout: 60_000 },
    );
    await locked.wait;
    expect(await sealAuditEvents({ client: other })).toEqual({ sealed: 0, busy: true, full: false });
    await expect(sealAuditEvents({ client: other, waitMs: 50 })).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect((await client.auditEvent.findFirstOrThrow({ where: { action: "waiting.event" } })).chainSeq).toBeNull();
    // A bundle waiting for its download's seal waits a bounded time, then names the pending event.
    const waiting = await client.auditEvent.findFirstOrThrow({ where: { action: "waiting.event" } });
    await expect(awaitAuditSeal(waiting.id, { client: other, timeoutMs: 200 })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      details: { pendingEventIds: [waiting.id.toString()] },
    });
    holder.open();
    await working;
    expect(await awaitAuditSeal(waiting.id, { client: other })).toMatchObject({ id: waiting.id, chainSeq: expect.any(BigInt) });
  });

  it("never forks the chain with two sequencers running at once in two processes", async () => {
    const first = startAuditSequencer({ client, intervalMs: 5 });
    const second = startAuditSequencer({ client: other, intervalMs: 5 });
    // Rounds forced from both sides as well, while writers of both processes append.
    const forced = Promise.all(Array.from({ length: 20 }, (_, i) => sealAuditEvents({ client: i % 2 ? client : other, waitMs: 10_000 })));
    await Promise.all([write(client, 4, 10, "two.sequencers"), write(other, 4, 10, "two.sequencers"), forced]);
    await Promise.all([first.stop(), second.stop()]);
    await sealAllAuditEvents({ client });
    expect(first.stats.rounds + second.stats.rounds).toBeGreaterThan(0);
    const report = await verifyAuditLog({ client });
    expect(report.problems).toEqual([]);
    expect(report.pending).toBe(0);
  });

  it("leaves nothing of a transaction that rolled back", async () => {
    await expect(
      client.$transaction(async (tx: Tx) => {
        await append(tx, requestIds[4], "rolled.back");
        throw new Error("the service failed after appending");
      }),
    ).rejects.toThrow("the service failed");
    await sealAllAuditEvents({ client });
    expect(await client.auditEvent.count({ where: { action: "rolled.back" } })).toBe(0);
    expect((await verifyAuditLog({ client })).problems).toEqual([]);
  });
});

describe("verifying the sealed log", () => {
  /** Runs `tamper` with the log's triggers off, reads the report, and rolls everything back. */
  async function tampered(tamper: (tx: Tx) => Promise<unknown>): Promise<string[]> {
    let problems: string[] = [];
    await expect(
      client.$transaction(
        async (tx: Tx) => {
          await tx.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
          await tx.$executeRawUnsafe("ALTER TABLE audit_seals DISABLE TRIGGER USER");
          await tamper(tx);
          problems = (await verifyAuditLog({ client: tx })).problems;
          throw new Error("rolled back");
        },
        { timeout: 60_000 },
      ),
    ).rejects.toThrow("rolled back");
    return problems;
  }

  let target: { id: bigint; chainSeq: bigint };
  let sealOfTarget: bigint;
  beforeAll(async () => {
    await sealAllAuditEvents({ client });
    expect((await verifyAuditLog({ client })).problems).toEqual([]);
    const event = await client.auditEvent.findFirstOrThrow({ where: { action: "concurrent.event" }, orderBy: { chainSeq: "asc" } });
    target = { id: event.id, chainSeq: event.chainSeq as bigint };
    const seal = await client.auditSeal.findFirstOrThrow({
      where: { firstSeq: { lte: target.chainSeq }, lastSeq: { gte: target.chainSeq } },
    });
    sealOfTarget = seal.id;
  });

  it("refuses to change a sealed event or a seal while the triggers are on", async () => {
    await expect(client.$executeRawUnsafe(`UPDATE audit_events SET action = 'x' WHERE id = ${target.id}`)).rejects.toThrow(/append-only/);
    await expect(client.$executeRawUnsafe(`UPDATE audit_events SET "chainSeq" = NULL WHERE id = ${target.id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(client.$executeRawUnsafe(`DELETE FROM audit_events WHERE id = ${target.id}`)).rejects.toThrow(/append-only/);
    await expect(client.$executeRawUnsafe(`UPDATE audit_seals SET "sealedAt" = now() WHERE id = ${sealOfTarget}`)).rejects.toThrow(
      /append-only/,
    );
  });

  it("catches an event of a sealed batch changed, even re-hashed with the chain after it rewritten", async () => {
    const edited = await tampered((tx) => tx.$executeRawUnsafe(`UPDATE audit_events SET data = '{"forged":true}' WHERE id = ${target.id}`));
    expect(edited).toContain(
      `event ${target.id} at position ${target.chainSeq}: its hash does not match its fields: the event was edited.`,
    );
    // A careful forger rehashes every event after it: only the seal still holds the original hashes.
    const rehashed = await tampered(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE audit_events SET data = '{"forged":true}' WHERE id = ${target.id}`);
      await rechainFrom(tx, target.chainSeq);
    });
    expect(rehashed).toContainEqual(
      expect.stringMatching(new RegExp(`^seal ${sealOfTarget}: the events at positions .* are not the events it sealed\\.$`)),
    );
    expect(rehashed.filter((p) => p.startsWith("event "))).toEqual([]);
  });

  it("catches an event removed from a sealed batch, and two events swapped", async () => {
    const removed = await tampered((tx) => tx.$executeRawUnsafe(`DELETE FROM audit_events WHERE id = ${target.id}`));
    expect(removed).toContainEqual(expect.stringMatching(/events are missing from the chain/));
    expect(removed).toContainEqual(expect.stringMatching(new RegExp(`^seal ${sealOfTarget}: the events at positions`)));
    const swapped = await tampered(async (tx) => {
      const next = target.chainSeq + 1n;
      await tx.$executeRawUnsafe(
        `UPDATE audit_events SET "chainSeq" = CASE "chainSeq" WHEN ${target.chainSeq} THEN -1 ELSE "chainSeq" END WHERE "chainSeq" IN (${target.chainSeq}, ${next})`,
      );
      await tx.$executeRawUnsafe(`UPDATE audit_events SET "chainSeq" = ${target.chainSeq} WHERE "chainSeq" = ${next}`);
      await tx.$executeRawUnsafe(`UPDATE audit_events SET "chainSeq" = ${next} WHERE "chainSeq" = -1`);
    });
    expect(swapped).toContainEqual(expect.stringMatching(/prevHash is not the hash of the event before it in the chain/));
    expect(swapped).toContainEqual(expect.stringMatching(new RegExp(`^seal ${sealOfTarget}: the events at positions`)));
  });

  it("catches a forged seal, even with its own hash recomputed", async () => {
    const forged = await tampered(async (tx) => {
      const seal = await tx.auditSeal.findUniqueOrThrow({ where: { id: sealOfTarget } });
      const fields = {
        id: seal.id.toString(),
        firstSeq: seal.firstSeq.toString(),
        lastSeq: seal.lastSeq.toString(),
        prevEventHash: seal.prevEventHash,
        eventsHash: "f".repeat(64),
        prevSealHash: seal.prevSealHash,
        sealedAt: seal.sealedAt.toISOString(),
      };
      await tx.auditSeal.update({ where: { id: seal.id }, data: { eventsHash: fields.eventsHash, hash: auditSealHash(fields) } });
    });
    expect(forged).toContain(`seal ${sealOfTarget + 1n}: prevSealHash is not the hash of the seal before it.`);
    expect(forged).toContainEqual(expect.stringMatching(new RegExp(`^seal ${sealOfTarget}: the events at positions`)));
  });
});

/** What a forger with write access would do after editing an event: recompute every hash from there on. */
async function rechainFrom(tx: Tx, from: bigint) {
  const previous = from > 1n ? await tx.auditEvent.findUniqueOrThrow({ where: { chainSeq: from - 1n } }) : null;
  let head = previous?.hash ?? GENESIS_HASH;
  const requestHeads = new Map<string, string>();
  const events = await tx.auditEvent.findMany({ where: { chainSeq: { gte: from } }, orderBy: { chainSeq: "asc" } });
  for (const event of events) {
    let requestPrevHash: string | null = null;
    if (event.requestId) {
      if (!requestHeads.has(event.requestId)) {
        const before = await tx.auditEvent.findFirst({
          where: { requestId: event.requestId, chainSeq: { lt: from } },
          orderBy: { chainSeq: "desc" },
        });
        requestHeads.set(event.requestId, before?.hash ?? GENESIS_HASH);
      }
      requestPrevHash = requestHeads.get(event.requestId) as string;
    }
    const fields = { ...event, at: event.at.toISOString(), prevHash: head, requestPrevHash };
    const hash = auditEventHash({
      requestId: fields.requestId,
      actorType: fields.actorType,
      actorId: fields.actorId,
      action: fields.action,
      data: fields.data,
      at: fields.at,
      prevHash: head,
      requestPrevHash,
    });
    await tx.auditEvent.update({ where: { id: event.id }, data: { prevHash: head, requestPrevHash, hash } });
    head = hash;
    if (event.requestId) requestHeads.set(event.requestId, hash);
  }
}
