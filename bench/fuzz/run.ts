/**
 * The long seeded fuzz: 10,000 generated bodies over the public API (POST /api/v1/requests and
 * POST /api/v1/requests/{reference}/verify) and 1,000 generated query strings over the staff list
 * (GET /api/v1/requests and the dashboard's CSV export, each query to both), through the real route
 * handlers on a fresh database. Prints the answers by status, the slowest answer, calls left hanging
 * (15 s), rows written by refused calls, and every answer of 500 or more with what was sent; exits 1
 * when any of those is not zero. The same generators run 1,000 cases in the suite
 * (tests/integration/api-fuzz.int.test.ts). The same seed sends the same inputs.
 *
 *   npx tsx bench/fuzz/run.ts [--seed 20261207] [--bodies 10000] [--queries 1000]
 */
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import type { FuzzStats } from "../../tests/support/api-fuzz.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";

const { values: cli } = parseArgs({
  options: {
    seed: { type: "string", default: "20261207" },
    bodies: { type: "string", default: "10000" },
    queries: { type: "string", default: "1000" },
  },
});
const SEED = Number(cli.seed);
const BODIES = Number(cli.bodies);
const QUERIES = Number(cli.queries);

function print(label: string, stats: FuzzStats, seconds: number) {
  const statuses = Object.entries(stats.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}: ${count.toLocaleString("en")}`)
    .join(", ");
  console.log(`${label}: ${stats.calls.toLocaleString("en")} calls in ${seconds.toFixed(1)} s`);
  console.log(`  answers by status: ${statuses}`);
  console.log(`  slowest answer ${stats.maxLatencyMs.toFixed(0)} ms; hanging ${stats.hangs}; rows from refused calls ${stats.strayRows}`);
  for (const error of stats.serverErrors) console.log(`  ${error.status} for ${error.sent.slice(0, 300)}\n    → ${error.body}`);
}

const database = await createTestDatabase("fuzz");
const values = testEnv({ DATABASE_URL: database.url, SMTP_URL: "smtp://127.0.0.1:1?tls=off", LOG_LEVEL: "fatal" });
Object.assign(process.env, values);
let failed = false;
try {
  const { fuzzPublicApi, fuzzStaffList } = await import("../../tests/support/api-fuzz.ts");
  const { createApiKey } = await import("../../lib/auth/create-api-key.ts");
  console.log(`Seed ${SEED}: ${BODIES.toLocaleString("en")} public API bodies, ${QUERIES.toLocaleString("en")} staff list query strings`);
  let started = performance.now();
  const publicStats = await fuzzPublicApi(SEED, BODIES);
  print("Public API", publicStats, (performance.now() - started) / 1000);
  const { key } = await createApiKey({ name: "Fuzz", role: "admin" });
  started = performance.now();
  const staffStats = await fuzzStaffList(SEED, QUERIES, key);
  print("Staff list (API and export, each query to both)", staffStats, (performance.now() - started) / 1000);
  for (const stats of [publicStats, staffStats]) {
    if (
      stats.serverErrors.length > 0 ||
      Object.keys(stats.byStatus).some((s) => Number(s) >= 500) ||
      stats.hangs > 0 ||
      stats.strayRows !== 0
    )
      failed = true;
  }
  console.log(failed ? "\nFAILED: see above." : "\nNo answer >= 500, nothing hanging, no row from a refused call.");
} finally {
  const redis = new Redis(values.REDIS_URL, { maxRetriesPerRequest: null });
  for await (const keys of redis.scanStream({ match: `${values.QUEUE_PREFIX}:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.unlink(...keys);
  }
  redis.disconnect();
  await database.drop();
}
process.exit(failed ? 1 : 0);
