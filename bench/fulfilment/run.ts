/**
 * End-to-end fulfilment throughput: N verified requests (default 1,000 access requests) approved
 * through `approveRequest`, fanned out to 3 connectors (the demo shop's PostgreSQL database and two
 * http systems answering 200 at once), finalised (package or receipts, and the email queued), with
 * the real workers running in this process. Prints requests/s from the first approval to the last
 * request COMPLETED, next to the rate of the same flows of empty BullMQ jobs (N parents × 3
 * children, no-op processors, same concurrency) on the same Redis: the ratio is the share of bare
 * BullMQ throughput the portal keeps. Prints figures only; compare them with BASELINE.
 *
 *   npx tsx bench/fulfilment/run.ts [--requests 1000] [--type access|erasure] [--concurrency 2]
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDemoShop } from "../../scripts/dev/demo-shop.ts";
import { adminDatabaseUrl, createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";
import { deleteKeys, percentile, pool, sleep, startInstantSource, startMailCatcherProcess } from "./bench-services.ts";
import { countRoundTrips, uncountedClient } from "./database-round-trips.ts";
import { measureEmptyFlows } from "./empty-flows.ts";

/** First figures recorded for this benchmark (see README.md); a later run far below them is a regression. */
const BASELINE = {
  figures:
    "1,000 access requests: 6.8 requests/s (approval → completed p50 68 s); empty flows 407 flows/s (1,629 jobs/s); ratio 1.7%. " +
    "With --type erasure: 11.9 requests/s; empty flows 755 flows/s; ratio 1.6%",
  recorded: "first run, 2026-11-23, 2-core Intel Xeon, Node 20.20, shared machine, connector concurrency 2 (empty-flow runs vary ±50%)",
};

export type FulfilmentBenchOptions = {
  requests?: number;
  type?: "access" | "erasure";
  /** Each connector's concurrency. */
  concurrency?: number;
  budgetSeconds?: number;
  /** 1 or 2: the workers in that many child processes (bench/fulfilment/worker-processes.ts); 0: in this process. */
  workerProcesses?: number;
};

// Set by run() from its options.
let N = 1000;
let TYPE: "ACCESS" | "ERASURE" = "ACCESS";
let CONCURRENCY = 2;
let BUDGET_MS = 200_000;
let WORKER_PROCESSES = 0;
const WARM_UP = 20;
/** Approvals in flight at once: a few staff members, or the auto-approval rule, at work. */
const APPROVERS = 4;
/** The fulfilment (finaliser) worker's concurrency: FINALISER_CONCURRENCY, read once the configuration is set. */
let FINALISER_CONCURRENCY = 4;
const hex = randomBytes(3).toString("hex");
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const portalPrefix = `dsarbench${hex}`;
const emptyPrefix = `dsarbenchempty${hex}`;

// ---------------------------------------------------------------------------------------------
// The portal, end to end.

async function measurePortal(shopUrl: string, databaseUrl: string) {
  const { db } = await import("../../lib/db.ts");
  const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
  const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
  const { approveRequest } = await import("../../lib/requests/approve-request.ts");
  const { computeRequestDeadline, deadlineColumns } = await import("../../lib/requests/request-deadline.ts");
  const { emailHash, randomReference } = await import("../../lib/crypto.ts");
  const { startBenchWorkers } = await import("./worker-processes.ts");

  const sources = [await startInstantSource(), await startInstantSource()];
  const yaml = `
connectors:
  - key: shop-db
    name: Shop database
    type: postgres
    actions: [access, erasure]
    concurrency: ${CONCURRENCY}
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email }
          erase: { strategy: mask, columns: { first_name: redact, last_name: redact, email: hash, phone: "null", address: "null" } }
        - table: orders
          via: { parent: customers, column: customer_id, parentColumn: customer_id }
          erase: { strategy: retain, reason: "Invoices are kept 10 years as tax law requires" }
        - table: order_items
          via: { parent: orders, column: order_id, parentColumn: order_id }
          erase: { strategy: retain, reason: "Part of the invoices kept 10 years as tax law requires" }
        - table: newsletter_subscriptions
          identity: { email: email }
          erase: { strategy: delete }
${["crm", "support-desk"].map((key, i) => `  - { key: ${key}, name: ${key}, type: http, actions: [access, erasure], concurrency: ${CONCURRENCY}, config: { url: "${sources[i].url}", secret: "${sources[i].secret}" } }`).join("\n")}
`;
  const { entries, problems } = await readConnectorsFile(yaml, { SHOP_URL: shopUrl });
  if (problems.length) throw new Error(`connectors file: ${JSON.stringify(problems)}`);
  await applyConnectors(entries, { type: "SYSTEM", id: "bench" });

  // Verified requests written directly (what verification leaves behind); approval is the real service.
  const shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  const emails = (await shop.query<{ email: string }>("SELECT email FROM customers ORDER BY customer_id LIMIT $1", [N + WARM_UP])).rows.map(
    (r) => r.email,
  );
  await shop.end();
  const now = new Date();
  const clock = { jurisdiction: "EU_GDPR", type: TYPE, receivedAt: now, timeZone: "Europe/Paris", holidayRegion: "FR" } as const;
  const deadline = deadlineColumns(computeRequestDeadline(clock));
  const rows = emails.map((email) => ({
    ...clock,
    ...deadline,
    reference: randomReference(),
    submissionId: randomUUID(),
    status: "VERIFIED" as const,
    channel: "WEB" as const,
    email,
    emailHash: emailHash(email),
    country: "FR",
    verifyBy: new Date(now.getTime() + 7 * 86_400_000),
    verifiedAt: now,
    acknowledgedAt: now,
  }));
  await db().dsarRequest.createMany({ data: rows });
  const references = rows.map((row) => row.reference);
  const warmUp = references.slice(0, WARM_UP);
  const measured = references.slice(WARM_UP);

  const workers = await startBenchWorkers(WORKER_PROCESSES);
  const actor = { type: "SYSTEM" as const, id: "bench" };
  // The benchmark's own polling goes through a connection whose statements are not counted.
  const poller = uncountedClient(databaseUrl);
  await poller.connect();
  const completedOf = async (list: string[]) =>
    Number(
      (await poller.query<{ n: string }>("SELECT count(*) AS n FROM requests WHERE reference = ANY($1) AND status = 'COMPLETED'", [list]))
        .rows[0].n,
    );
  const roundTrips = countRoundTrips(new URL(databaseUrl).pathname.slice(1));
  try {
    await pool(warmUp, APPROVERS, (reference) => approveRequest({ reference, actor }));
    while ((await completedOf(warmUp)) < warmUp.length) await sleep(200);
    // Emails of the warm-up still being sent would be counted with the measured requests.
    await sleep(1000);

    roundTrips.start();
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    await pool(measured, APPROVERS, (reference) => approveRequest({ reference, actor }));
    const approvedMs = Date.now() - started;
    let completed = await completedOf(measured);
    while (completed < measured.length && Date.now() - started < BUDGET_MS) {
      await sleep(250);
      completed = await completedOf(measured);
    }
    // The last emails go out after the last completion: their statements belong to the requests.
    await waitForEmailsSent(poller, measured);
    const cpu = process.cpuUsage(cpuBefore);
    roundTrips.stop();
    const done = await db().dsarRequest.findMany({
      where: { reference: { in: measured }, status: "COMPLETED" },
      select: { decidedAt: true, closedAt: true },
    });
    // When the last connector task ended: the rest of the time is the finalisers' (packages, receipts).
    const tasks = await db().connectorTask.aggregate({ where: { request: { reference: { in: measured } } }, _max: { finishedAt: true } });
    const tasksSeconds = ((tasks._max.finishedAt?.getTime() ?? started) - started) / 1000;
    const lastClosed = Math.max(...done.map((row) => (row.closedAt as Date).getTime()), started);
    const latencies = done.map((row) => (row.closedAt as Date).getTime() - (row.decidedAt as Date).getTime()).sort((a, b) => a - b);
    const seconds = (completed === measured.length ? lastClosed - started : Date.now() - started) / 1000;
    return {
      completed,
      seconds,
      approvedMs,
      tasksSeconds,
      latencies,
      finished: completed === measured.length,
      cpuMs: (cpu.user + cpu.system) / 1000,
      roundTrips: { ...roundTrips.counts, byStatement: new Map(roundTrips.counts.byStatement) },
    };
  } finally {
    roundTrips.restore();
    await poller.end();
    await workers.stop();
    for (const source of sources) source.close();
  }
}

/** Waits (10 s at most) until every closing email of these requests left the outbox. */
async function waitForEmailsSent(poller: pg.Client, references: string[]) {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const { rows } = await poller.query<{ n: string }>(
      `SELECT count(*) AS n FROM email_messages e JOIN requests r ON r.id = e."requestId" WHERE r.reference = ANY($1) AND e.status <> 'SENT'`,
      [references],
    );
    if (Number(rows[0].n) === 0) return;
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------

export type FulfilmentBenchFigures = {
  requests: number;
  completed: number;
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  roundTripsPerRequest: number;
  commitsPerRequest: number;
  /** Of the round trips, those of the audit log (its lock, reads and inserts). */
  auditRoundTripsPerRequest: number;
  emptyFlowsPerSecond: number;
};

export async function run(options: FulfilmentBenchOptions = {}): Promise<FulfilmentBenchFigures> {
  N = options.requests ?? 1000;
  TYPE = options.type === "erasure" ? "ERASURE" : "ACCESS";
  CONCURRENCY = options.concurrency ?? 2;
  BUDGET_MS = (options.budgetSeconds ?? 200) * 1000;
  WORKER_PROCESSES = options.workerProcesses ?? 0;
  const database = await createTestDatabase("bench");
  const shopName = `bench_shop_${hex}`;
  const storageDir = await mkdtemp(join(tmpdir(), "dsar-bench-fulfilment-"));
  let catcher: ChildProcess | undefined;
  try {
    const mail = await startMailCatcherProcess();
    catcher = mail.child;
    Object.assign(
      process.env,
      testEnv({
        DATABASE_URL: database.url,
        SMTP_URL: mail.smtpUrl,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: portalPrefix,
        STORAGE_DIR: storageDir,
        LOG_LEVEL: "error",
        // As `npm run workers` runs them (React's production build renders the emails).
        NODE_ENV: "production",
      }),
    );
    FINALISER_CONCURRENCY = (await import("../../lib/env.ts")).env().FINALISER_CONCURRENCY;
    console.log(`Preparing: a shop of ${N + WARM_UP} customers, ${N + WARM_UP} verified ${TYPE.toLowerCase()} requests, 3 connectors…`);
    const shopUrl = await ensureDemoShop(adminDatabaseUrl, shopName, N + WARM_UP);
    const portal = await measurePortal(shopUrl, database.url);
    const empty = await measureEmptyFlows({
      redisUrl,
      prefix: emptyPrefix,
      flows: N,
      warmUp: WARM_UP,
      adders: APPROVERS,
      concurrency: CONCURRENCY,
      finaliserConcurrency: FINALISER_CONCURRENCY,
      budgetMs: BUDGET_MS,
    });

    const requestsPerSecond = portal.completed / portal.seconds;
    const flowsPerSecond = empty.flows / empty.seconds;
    const cpu = cpus()[0]?.model ?? "unknown CPU";
    console.log(
      `\nMachine: ${availableParallelism()} cores (${cpu}), Node ${process.versions.node}; connector concurrency ${CONCURRENCY}, finaliser ${FINALISER_CONCURRENCY}`,
    );
    console.log(
      `Portal: ${portal.completed}/${N} ${TYPE.toLowerCase()} requests COMPLETED in ${portal.seconds.toFixed(1)} s → ${requestsPerSecond.toFixed(1)} requests/s (${(requestsPerSecond * 3).toFixed(1)} connector tasks/s)`,
    );
    console.log(
      `  approvals took ${(portal.approvedMs / 1000).toFixed(1)} s (${((N * 1000) / portal.approvedMs).toFixed(0)}/s); approval → completed p50 ${(percentile(portal.latencies, 50) / 1000).toFixed(1)} s, p95 ${(percentile(portal.latencies, 95) / 1000).toFixed(1)} s; last connector task done at ${portal.tasksSeconds.toFixed(1)} s`,
    );
    if (!portal.finished) console.log(`  STOPPED after the ${BUDGET_MS / 1000} s budget: the rate is of the requests completed by then`);
    console.log(
      `Empty BullMQ flows: ${empty.flows}/${N} flows (${empty.flows * 4} jobs: 3 children + 1 parent each) in ${empty.seconds.toFixed(1)} s → ${flowsPerSecond.toFixed(1)} flows/s, ${(flowsPerSecond * 4).toFixed(0)} jobs/s`,
    );
    console.log(
      `Ratio: the portal completes requests at ${((100 * requestsPerSecond) / flowsPerSecond).toFixed(1)}% of the rate of empty flows (×${(flowsPerSecond / requestsPerSecond).toFixed(1)} slower)`,
    );
    const per = (value: number) => value / Math.max(1, portal.completed);
    const trips = portal.roundTrips;
    console.log(
      `CPU: ${per(portal.cpuMs).toFixed(1)} ms per request (this process: workers, approvals; ${portal.cpuMs.toFixed(0)} ms in all)`,
    );
    console.log(
      `Portal database: ${per(trips.total).toFixed(1)} round trips and ${per(trips.commits).toFixed(1)} commits per request (of the round trips, ${per(trips.audit).toFixed(1)} are the audit log's)`,
    );
    const top = [...trips.byStatement.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`  per request, by statement: ${top.map(([shape, count]) => `${shape} ${per(count).toFixed(2)}`).join("; ")}`);
    console.log(`\nBaseline: ${BASELINE.figures}${BASELINE.recorded ? ` (${BASELINE.recorded})` : ""}`);
    return {
      requests: N,
      completed: portal.completed,
      requestsPerSecond,
      cpuMsPerRequest: per(portal.cpuMs),
      roundTripsPerRequest: per(trips.total),
      commitsPerRequest: per(trips.commits),
      auditRoundTripsPerRequest: per(trips.audit),
      emptyFlowsPerSecond: flowsPerSecond,
    };
  } finally {
    await deleteKeys(redisUrl, portalPrefix);
    await deleteKeys(redisUrl, emptyPrefix);
    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
    await admin.end();
    await database.drop();
    await rm(storageDir, { recursive: true, force: true });
    if (catcher && catcher.exitCode === null) {
      const exited = once(catcher, "exit");
      catcher.kill("SIGTERM");
      await exited;
    }
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const { values: cli } = parseArgs({
    options: {
      requests: { type: "string", default: "1000" },
      type: { type: "string", default: "access" },
      concurrency: { type: "string", default: "2" },
      "budget-seconds": { type: "string", default: "200" },
      "worker-processes": { type: "string", default: "0" },
    },
  });
  await run({
    requests: Number(cli.requests),
    type: cli.type === "erasure" ? "erasure" : "access",
    concurrency: Number(cli.concurrency),
    budgetSeconds: Number(cli["budget-seconds"]),
    workerProcesses: Number(cli["worker-processes"]),
  });
}
