/**
 * The audit log under concurrent writers. `appendAuditEvent` writes its event pending (no lock, no
 * predecessor read) and the sequencer chains and seals it after commit. This measures, in one run:
 *   - appends per second with 8 concurrent writers, each append in its own transaction, while a
 *     sequencer (a client of its own, as in a worker process) seals behind them;
 *   - the floor: the same transactions inserting the same rows into a plain copy of the table (same
 *     columns, indexes and foreign key, no trigger, nothing sealed), and the ratio of the two;
 *   - both again with 2 ms of other work after the append inside the transaction, as a service does;
 *   - the lag from a transaction's commit to the seal of its event, with the sequencer polling as in
 *     the workers (every 100 ms);
 *   - the sequencer's throughput on a backlog (events written while it was stopped).
 * Prints `figure: value` lines (and the load average); `run()` returns the same figures. Asserts nothing.
 *
 *   npx tsx bench/audit-log/run.ts [--events 3000]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";

const WRITERS = 8;

export type AuditLogFigures = {
  writers: number;
  events: number;
  appends_per_s: number;
  floor_inserts_per_s: number;
  ratio_to_floor: number;
  appends_per_s_2ms_work: number;
  floor_inserts_per_s_2ms_work: number;
  ratio_to_floor_2ms_work: number;
  seal_lag_ms_p50: number;
  seal_lag_ms_p95: number;
  seal_lag_ms_max: number;
  seal_backlog_events_per_s: number;
  load_average_1m: number;
};

export async function run(options: { events?: number } = {}): Promise<AuditLogFigures> {
  const events = options.events ?? 3000;
  const database = await createTestDatabase("bench_audit");
  // Nothing is sent: the mail server is never contacted.
  Object.assign(process.env, testEnv({ DATABASE_URL: database.url, SMTP_URL: "smtp://127.0.0.1:1?tls=off" }));
  const { createPrismaClient, db, disconnectDb } = await import("../../lib/db.ts");
  const { appendAuditEvent } = await import("../../lib/evidence/append-audit-event.ts");
  const { startAuditSequencer } = await import("../../lib/evidence/audit-sequencer.ts");
  const { seedAuditRequests } = await import("../../lib/evidence/audit-log.test-support.ts");
  const { sealAllAuditEvents } = await import("../../lib/evidence/seal-audit-events.ts");
  const { verifyAuditLog } = await import("../../lib/evidence/verify-audit-log.ts");
  type Tx = import("../../lib/db.ts").Tx;
  // The sequencer runs on its own connections, as in a worker process.
  const sequencerClient = createPrismaClient(database.url, 2);
  try {
    const requestIds = await seedAuditRequests(db(), 200);
    // The floor's table is audit_events without the log: same columns, indexes and foreign key, no trigger.
    await db().$executeRawUnsafe(`CREATE TABLE bench_unchained (LIKE audit_events INCLUDING DEFAULTS INCLUDING INDEXES)`);
    await db().$executeRawUnsafe(`ALTER TABLE bench_unchained ADD FOREIGN KEY ("requestId") REFERENCES requests (id)`);

    type Write = (tx: Tx, requestId: string, i: number) => Promise<{ id: bigint } | number>;
    const append: Write = (tx, requestId, i) =>
      appendAuditEvent(tx, { requestId, actor: { type: "SYSTEM" }, action: "bench.event", data: { i } });
    const insertUnchained: Write = (tx, requestId, i) =>
      tx.$executeRaw`INSERT INTO bench_unchained ("requestId", "actorType", action, data, at)
                     VALUES (${requestId}::uuid, 'SYSTEM', 'bench.event', ${JSON.stringify({ i })}::jsonb, ${new Date()})`;

    /** Appends per second; `committed` learns each event's id and the instant its transaction committed. */
    async function perSecond(write: Write, otherWorkMs: number, committed?: Map<bigint, number>): Promise<number> {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          for (;;) {
            const i = next++;
            if (i >= events) return;
            const written = await db().$transaction(async (tx: Tx) => {
              const row = await write(tx, requestIds[i % requestIds.length], i);
              if (otherWorkMs > 0) await tx.$executeRawUnsafe(`SELECT pg_sleep(${otherWorkMs / 1000})`);
              return row;
            });
            if (committed && typeof written === "object") committed.set(written.id, Date.now());
          }
        }),
      );
      return events / ((performance.now() - started) / 1000);
    }

    /** The mean of two runs of each, interleaved, so a slow moment of the machine weighs on both. */
    async function compare(otherWorkMs: number, committed: Map<bigint, number>) {
      const floors: number[] = [];
      const appends: number[] = [];
      for (let round = 0; round < 2; round++) {
        floors.push(await perSecond(insertUnchained, otherWorkMs));
        appends.push(await perSecond(append, otherWorkMs, committed));
      }
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      return { appends: mean(appends), floor: mean(floors) };
    }

    const committed = new Map<bigint, number>();
    const sequencer = startAuditSequencer({ client: sequencerClient });
    const plain = await compare(0, committed);
    const withWork = await compare(2, committed);
    await sequencer.stop();
    await sealAllAuditEvents({ client: sequencerClient });
    const lags = await sealLags(committed);

    // A backlog: events written with no sequencer running, then sealed by one.
    await perSecond(append, 0);
    const sealStarted = performance.now();
    const sealed = await sealAllAuditEvents({ client: sequencerClient });
    const sealSeconds = (performance.now() - sealStarted) / 1000;
    const report = await verifyAuditLog();
    if (report.problems.length > 0 || report.pending > 0)
      throw new Error(`the chain does not verify: ${report.problems.slice(0, 3).join("; ")}`);

    const percentile = (p: number) => lags[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))];
    return {
      writers: WRITERS,
      events,
      appends_per_s: round(plain.appends),
      floor_inserts_per_s: round(plain.floor),
      ratio_to_floor: round(plain.appends / plain.floor, 2),
      appends_per_s_2ms_work: round(withWork.appends),
      floor_inserts_per_s_2ms_work: round(withWork.floor),
      ratio_to_floor_2ms_work: round(withWork.appends / withWork.floor, 2),
      seal_lag_ms_p50: percentile(50),
      seal_lag_ms_p95: percentile(95),
      seal_lag_ms_max: lags[lags.length - 1],
      seal_backlog_events_per_s: round(sealed / sealSeconds),
      load_average_1m: round(loadavg()[0], 2),
    };
  } finally {
    await sequencerClient.$disconnect();
    await disconnectDb();
    await database.drop();
  }

  /** Milliseconds from each commit to the sealing of its batch (the seal's sealedAt), sorted. */
  async function sealLags(committed: Map<bigint, number>): Promise<number[]> {
    const rows = await db().$queryRaw<{ id: bigint; sealedAt: Date }[]>`
      SELECT e.id, s."sealedAt" FROM audit_events e
      JOIN audit_seals s ON e."chainSeq" BETWEEN s."firstSeq" AND s."lastSeq"
      WHERE e.action = 'bench.event'`;
    return rows
      .flatMap((row) => {
        const at = committed.get(row.id);
        return at === undefined ? [] : [Math.max(0, row.sealedAt.getTime() - at)];
      })
      .sort((a, b) => a - b);
  }
}

function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const { values: cli } = parseArgs({ options: { events: { type: "string", default: "3000" } } });
  console.log(`Audit log: ${cli.events} appends per run, ${WRITERS} writers, each append in its own transaction (pool of 10)`);
  const figures = await run({ events: Number(cli.events) });
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
  process.exit(0);
}
