/**
 * The hash-chained audit log under concurrent writers. Every state change appends its event through
 * `appendAuditEvent`, which takes one global advisory lock (so two events never claim the same
 * predecessor) and holds it until the transaction commits. This measures appends per second for
 * 1, 4 and 8 concurrent writers, each in its own transaction, next to the same transactions inserting
 * an unchained row (no lock, no predecessor lookup): the floor. Then the same with 2 ms of other work
 * after the append inside the transaction, as a service does (updates, its email row), which the
 * lock serialises. Prints figures only; compare them with BASELINE.
 *
 *   npx tsx bench/audit-log/run.ts [--events 2000]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";

/** First figures recorded for this benchmark (see README.md); a later run far below them is a regression. */
const BASELINE = {
  figures:
    "chained 344 / 454 / 444 appends/s with 1 / 4 / 8 writers (floor 808 / 2,159 / 2,890); " +
    "with 2 ms of other work after the append: 211 / 206 / 192 (floor 291 / 1,127 / 1,815)",
  recorded: "first run, 2026-11-23, 2-core Intel Xeon, Node 20.20, PostgreSQL 15 on the same machine",
};

const { values: cli } = parseArgs({ options: { events: { type: "string", default: "2000" } } });
const EVENTS = Number(cli.events);
const WRITERS = [1, 4, 8];

const database = await createTestDatabase("bench_audit");
// Nothing is sent: the mail server is never contacted.
Object.assign(process.env, testEnv({ DATABASE_URL: database.url, SMTP_URL: "smtp://127.0.0.1:1?tls=off" }));
const { db, disconnectDb } = await import("../../lib/db.ts");
const { appendAuditEvent } = await import("../../lib/evidence/append-audit-event.ts");
type Tx = import("../../lib/db.ts").Tx;

async function seedRequests(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db().dsarRequest.createMany({
    data: ids.map((id, i) => ({
      id,
      reference: `DSR-BNCH-${String(i).padStart(4, "0")}`,
      submissionId: randomUUID(),
      type: "ACCESS" as const,
      status: "IN_PROGRESS" as const,
      channel: "WEB" as const,
      emailHash: randomUUID(),
      country: "FR",
      jurisdiction: "EU_GDPR",
      timeZone: "Europe/Paris",
      holidayRegion: "FR",
      verifyBy: new Date(),
      dueDate: new Date(),
    })),
  });
  await db().$executeRawUnsafe(
    `CREATE TABLE bench_unchained (id bigserial PRIMARY KEY, "requestId" uuid, action text, data jsonb, at timestamptz DEFAULT now())`,
  );
  return ids;
}

type Write = (tx: Tx, requestId: string, i: number) => Promise<unknown>;

const chained: Write = (tx, requestId, i) =>
  appendAuditEvent(tx, { requestId, actor: { type: "SYSTEM" }, action: "bench.event", data: { i } });
const unchained: Write = (tx, requestId, i) =>
  tx.$executeRaw`INSERT INTO bench_unchained ("requestId", action, data) VALUES (${requestId}::uuid, 'bench.event', ${JSON.stringify({ i })}::jsonb)`;

async function appendsPerSecond(write: Write, writers: number, requestIds: string[], otherWorkMs: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (;;) {
        const i = next++;
        if (i >= EVENTS) return;
        await db().$transaction(async (tx: Tx) => {
          await write(tx, requestIds[i % requestIds.length], i);
          if (otherWorkMs > 0) await tx.$executeRawUnsafe(`SELECT pg_sleep(${otherWorkMs / 1000})`);
        });
      }
    }),
  );
  return EVENTS / ((performance.now() - started) / 1000);
}

try {
  const requestIds = await seedRequests(200);
  console.log(`Audit log: ${EVENTS} appends per cell, each in its own transaction (pool of 10 connections)\n`);
  console.log("| other work in the transaction | writers | chained appends/s | unchained inserts/s (floor) | ratio |");
  console.log("|---|---|---|---|---|");
  for (const otherWorkMs of [0, 2]) {
    for (const writers of WRITERS) {
      const floor = await appendsPerSecond(unchained, writers, requestIds, otherWorkMs);
      const measured = await appendsPerSecond(chained, writers, requestIds, otherWorkMs);
      console.log(`| ${otherWorkMs} ms | ${writers} | ${measured.toFixed(0)} | ${floor.toFixed(0)} | ${(measured / floor).toFixed(2)} |`);
    }
  }
  console.log(`\nBaseline: ${BASELINE.figures} (${BASELINE.recorded})`);
} finally {
  await disconnectDb();
  await database.drop();
}
