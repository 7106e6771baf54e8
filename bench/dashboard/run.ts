/**
 * The staff dashboard with a million requests. Seeds a database of its own (bench/dashboard/seed.ts),
 * then times the dashboard's list query (a page and the view's capped total) for the default view and
 * filtered ones, and the counts at the top, through the service (`listDashboardRequests`,
 * `countDashboardRequests`: Prisma, row mapping, masking) and the very same SQL sent straight through
 * `pg` (the floor), as p50 and p95 over --runs runs, with their ratio. Also the deadline-reminder
 * sweep when its module is there. Prints figures only; compare them with BASELINE.
 *
 *   npx tsx bench/dashboard/run.ts [--requests 1000000] [--runs 200] [--explain] [--keep] [--database URL] [--skip-reminders]
 *
 * --keep leaves the seeded database (its URL is printed) and --database URL reuses one, so plans can be
 * looked at again without seeding; --explain prints EXPLAIN (ANALYZE, BUFFERS) of each statement.
 */
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";
import { seedDashboard } from "./seed.ts";

/** First figures recorded for this benchmark (see README.md); a later run far above them is a regression. */
const BASELINE = {
  figures:
    "1,000,000 requests (43,017 open), p50/p95 ms service vs pg: default view 1.7/4.0 vs 1.5/3.8 (×1.20); US_CA + in progress 1.4/3.8 (×1.40); " +
    "mine 1.6/3.5 (×1.34); email prefix 2.5/4.1 (×1.16); due within 7 days 1.5/2.2 (×1.26); all statuses by received 1.5/2.4 (×1.62); " +
    "last page (offset 9,975) 36.5/40.0 (×1.02); counts 9.2/10.4 (×1.06); reminder sweep first (13,230 notices, 20,844 emails) 1,191 vs 501 (×2.38), " +
    "again 55.0/62.6 vs 49.4/65.3 (×1.11); seeding 23 s",
  recorded: "first run, 2026-11-23, 2-core Intel Xeon, Node 20.20, PostgreSQL 15 with default settings (shared_buffers 128 MB)",
};

const { values: cli } = parseArgs({
  options: {
    requests: { type: "string", default: "1000000" },
    runs: { type: "string", default: "200" },
    explain: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    database: { type: "string" },
    /** The reminder sweep is another module's, and its first sweep over a large backlog is long. */
    "skip-reminders": { type: "boolean", default: false },
  },
});
const RUNS = Number(cli.runs);
const WARM_UP = 10;

const database = cli.database ? { url: cli.database, drop: async () => {} } : await createTestDatabase("bench_dashboard");
Object.assign(process.env, testEnv({ DATABASE_URL: database.url, SMTP_URL: "smtp://127.0.0.1:2525?tls=off", LOG_LEVEL: "error" }));

const { disconnectDb } = await import("../../lib/db.ts");
const { parseDashboardParams, REQUEST_STATUSES } = await import("../../lib/staff/dashboard-params.ts");
type DashboardParams = import("../../lib/staff/dashboard-params.ts").DashboardParams;
type DashboardCursor = import("../../lib/staff/dashboard-cursor.ts").DashboardCursor;
const { controllerToday, dashboardCountsQuery, dashboardListQuery, dashboardTotalQuery } = await import(
  "../../lib/staff/dashboard-query.ts"
);
const { listDashboardRequests } = await import("../../lib/staff/list-dashboard-requests.ts");
const { countDashboardRequests } = await import("../../lib/staff/count-dashboard-requests.ts");

const client = new pg.Client({ connectionString: database.url });
await client.connect();
const floorPool = new pg.Pool({ connectionString: database.url, max: 2 });

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

type Figures = { p50: number; p95: number };

/** Runs the two alternately, so both see the same caches and the same background load. */
async function compare(service: () => Promise<unknown>, floor: () => Promise<unknown>): Promise<{ service: Figures; floor: Figures }> {
  for (let i = 0; i < WARM_UP; i++) {
    await service();
    await floor();
  }
  const times = { service: [] as number[], floor: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, work] of [
      ["service", service],
      ["floor", floor],
    ] as const) {
      const started = performance.now();
      await work();
      times[name].push(performance.now() - started);
    }
  }
  const figures = (list: number[]) => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 50), p95: percentile(list, 95) };
  };
  return { service: figures(times.service), floor: figures(times.floor) };
}

async function explain(label: string, query: { text: string; values: unknown[] }) {
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
  console.log(`\n--- ${label}\n${plan.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
}

const existing = Number((await client.query("SELECT count(*)::int AS n FROM requests")).rows[0].n);
let staffIds: string[];
if (existing === 0) {
  console.log(`Seeding ${Number(cli.requests).toLocaleString("en")} requests into ${database.url}`);
  const seeded = await seedDashboard(client, Number(cli.requests), (line) => console.log(line));
  staffIds = seeded.staffIds;
  console.log(
    `Seeded ${seeded.requests.toLocaleString("en")} requests and ${seeded.tasks.toLocaleString("en")} connector tasks in ${seeded.seconds.toFixed(0)} s`,
  );
} else {
  staffIds = (await client.query<{ id: string }>(`SELECT id FROM staff_users ORDER BY email`)).rows.map((row) => row.id);
  console.log(`Reusing ${existing.toLocaleString("en")} requests in ${database.url}`);
}
// staff1 (the first seeded) is "me" in the assignee=mine view.
const me =
  (await client.query<{ id: string }>(`SELECT id FROM staff_users WHERE email = 'staff1@company.example'`)).rows[0]?.id ?? staffIds[0];
const shape = await client.query<{ status: string; n: number }>(
  `SELECT status, count(*)::int AS n FROM requests GROUP BY status ORDER BY status`,
);
console.log(`Statuses: ${shape.rows.map((row) => `${row.status.toLowerCase()} ${row.n.toLocaleString("en")}`).join(", ")}`);

/** Which page of the view: its first, the next one, the last (read backwards), the one before the last, one halfway through. */
type At = "first" | "next" | "last" | "before last" | "middle";
const views: Array<{ name: string; query: Record<string, string>; at?: At }> = [
  { name: "default (open, earliest due)", query: {} },
  { name: "default, second page (next)", query: {}, at: "next" },
  { name: "default, halfway (cursor)", query: {}, at: "middle" },
  { name: "default, last page", query: {}, at: "last" },
  { name: "default, page before the last (previous)", query: {}, at: "before last" },
  { name: "jurisdiction US_CA + in progress", query: { jurisdiction: "US_CA", status: "IN_PROGRESS" } },
  { name: "jurisdiction US_CA + in progress, last page", query: { jurisdiction: "US_CA", status: "IN_PROGRESS" }, at: "last" },
  { name: "assignee = mine", query: { assignee: "mine" } },
  { name: "assignee = mine, last page", query: { assignee: "mine" }, at: "last" },
  { name: "search email prefix 'claire.mar'", query: { q: "claire.mar" } },
  { name: "search email prefix 'claire.mar', last page", query: { q: "claire.mar" }, at: "last" },
  { name: "due within 7 days", query: { dueWithin: "7" } },
  { name: "all statuses, newest received", query: { status: REQUEST_STATUSES.join(","), sort: "receivedAt", dir: "desc" } },
  {
    name: "all statuses, newest received, last page",
    query: { status: REQUEST_STATUSES.join(","), sort: "receivedAt", dir: "desc" },
    at: "last",
  },
];

const now = new Date();
const context = { today: controllerToday(now), viewerId: me };
type Row = { view: string; runs: number; rows: string; total: string; service: Figures; floor: Figures };
const results: Row[] = [];

/** The cursor of the page a view is measured at, found the way a person gets there (the links). */
async function cursorAt(params: DashboardParams, at: At): Promise<DashboardCursor | undefined> {
  const view = { sort: params.sort, dir: params.dir };
  if (at === "first") return undefined;
  if (at === "last") return { ...view, kind: "last" };
  if (at === "next") return (await listDashboardRequests({ params, viewerId: me, now })).next ?? undefined;
  if (at === "before last") {
    const last = await listDashboardRequests({ params: { ...params, cursor: { ...view, kind: "last" } }, viewerId: me, now });
    return last.previous ?? undefined;
  }
  // Halfway: the key of the view's middle row (found once by offset, which is what keyset paging avoids).
  const open = (
    await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM requests WHERE status = ANY($1::"RequestStatus"[])`, [params.status])
  ).rows[0].n;
  const middle = await client.query<{ dueDate: string; id: string }>(
    `SELECT "dueDate"::text AS "dueDate", id FROM requests WHERE status = ANY($1::"RequestStatus"[]) ORDER BY "dueDate", id OFFSET $2 LIMIT 1`,
    [params.status, Math.floor(open / 2)],
  );
  const row = middle.rows[0];
  return row
    ? { ...view, kind: "after", key: [row.dueDate, row.id], place: { from: "start", index: Math.floor(open / 2) + 1 } }
    : undefined;
}

for (const view of views) {
  const parsed = parseDashboardParams(view.query);
  if (parsed.problems.length > 0) throw new Error(`${view.name}: ${JSON.stringify(parsed.problems)}`);
  const params = { ...parsed.params, cursor: await cursorAt(parsed.params, view.at ?? "first") };
  const list = dashboardListQuery({ params, context, limit: params.size + 1, cursor: params.cursor });
  const total = dashboardTotalQuery({ params, context });
  if (cli.explain) {
    await explain(`${view.name}: page`, list);
    await explain(`${view.name}: total`, total);
  }
  const page = await listDashboardRequests({ params, viewerId: me, now });
  const figures = await compare(
    () => listDashboardRequests({ params, viewerId: me, now }),
    () => Promise.all([floorPool.query(list.text, list.values), floorPool.query(total.text, total.values)]),
  );
  results.push({ view: view.name, runs: RUNS, rows: String(page.rows.length), total: page.total.toLocaleString("en"), ...figures });
}

const counts = dashboardCountsQuery({ today: context.today });
if (cli.explain) await explain("counts", counts);
const countFigures = await countDashboardRequests({ now });
results.push({
  view: "counts at the top",
  runs: RUNS,
  rows: "",
  total: "",
  ...(await compare(
    () => countDashboardRequests({ now }),
    () => floorPool.query(counts.text, counts.values),
  )),
});

// The reminder sweep is another module's; measured here because it reads the same million rows.
if (cli["skip-reminders"]) {
  console.log("\nreminder sweep: not measured (--skip-reminders)");
} else if (existsSync(new URL("../../lib/reminders/send-deadline-reminders.ts", import.meta.url))) {
  const { measureReminderSweep } = await import("./reminder-sweep.ts");
  const sweep = await measureReminderSweep({ now, runs: Math.min(RUNS, 50), firstRuns: 3, explain: cli.explain, pool: floorPool });
  for (const row of sweep) results.push({ ...row, rows: "", total: "" });
} else {
  console.log("\nreminder sweep: not measured (module missing: lib/reminders/send-deadline-reminders.ts)");
}

const ms = (value: number) => value.toFixed(1).padStart(8);
console.log(`\nTimes in ms after ${WARM_UP} warm-up runs, service and pg alternating; ratio = service p50 / pg p50`);
console.log(
  `${"measured".padEnd(58)} ${"runs".padStart(4)} ${"rows".padStart(4)} ${"total".padStart(7)} | service p50      p95 |   pg p50      p95 | ratio`,
);
for (const row of results) {
  console.log(
    `${row.view.padEnd(58)} ${String(row.runs).padStart(4)} ${row.rows.padStart(4)} ${row.total.padStart(7)} |    ${ms(row.service.p50)} ${ms(row.service.p95)} | ${ms(row.floor.p50)} ${ms(row.floor.p95)} | ${(row.service.p50 / row.floor.p50).toFixed(2)}`,
  );
}
console.log(
  `Counts: ${Object.entries(countFigures)
    .map(([name, value]) => `${name} ${value.toLocaleString("en")}`)
    .join(", ")}`,
);
console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
// The suite's lines (bench/README.md): the service's p95 and its floor's, per view.
for (const row of results) {
  console.log(`dashboard ${row.view} p95: ${row.service.p95.toFixed(2)} ms`);
  console.log(`floor ${row.view} p95: ${row.floor.p95.toFixed(2)} ms`);
}
console.log(`Baseline: ${BASELINE.figures}${BASELINE.recorded ? ` (${BASELINE.recorded})` : ""}`);

await floorPool.end();
await client.end();
await disconnectDb();
if (cli.keep || cli.database) console.log(`Database kept: ${database.url}`);
else await database.drop();
