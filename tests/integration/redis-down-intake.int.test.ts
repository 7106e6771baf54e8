// Redis down while people file requests: the intake still answers 202 (the request and its email
// are in PostgreSQL), and once Redis is back every email is delivered and every request, once
// confirmed and approved, is fanned out and completed exactly once. Redis here is this file's own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateRedis } from "../support/private-services.ts";

const redis = await startPrivateRedis();
process.env.REDIS_URL = redis.url;

const { POST: fileRequest } = await import("../../app/api/v1/requests/route.ts");
const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { verifyByCode } = await import("../../lib/requests/verify-by-code.ts");
const { closeFlowProducer } = await import("../../lib/fulfilment/start-fulfilment.ts");
const { closeQueues } = await import("../../lib/queue/enqueue.ts");
const { closeQueueRuntime } = await import("../../lib/queue/backend.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { codeIn, waitForEmail } = await import("../support/mailbox.ts");
const { waitForRequests } = await import("../support/fulfilment-requests.ts");

const runId = randomBytes(3).toString("hex");
const shopName = `shop_redis_down_${runId}`;
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };

/** A call that has not answered by the deadline fails the test with `what`, instead of hanging it. */
async function answersWithin<T>(call: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  const shopUrl = await ensureDemoShop(adminDatabaseUrl, shopName, 10);
  const { entries, problems } = await readConnectorsFile(
    `connectors:
  - key: shop-redis-down-${runId}
    name: Shop database
    type: postgres
    actions: [access, erasure]
    maxAttempts: 3
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email }
          erase: { strategy: mask, columns: { email: hash } }`,
    { SHOP_URL: shopUrl },
  );
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
}, 60_000);
runWorkersDuringTests();
afterAll(async () => {
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
  await redis.remove();
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
}, 60_000);

describe("Redis down while people file requests", () => {
  it("answers 202 to every request and to staff's approvals, keeps them and their emails, and delivers and fans them out once Redis is back", async () => {
    await redis.stop();
    const emails = Array.from({ length: 5 }, (_, i) => `redis-down-${i}-${runId}@example.test`);
    const references: string[] = [];
    for (const [i, email] of emails.entries()) {
      const request = new Request("http://localhost/api/v1/requests", {
        method: "POST",
        body: JSON.stringify({ type: "access", email, country: "FR" }),
        headers: { "content-type": "application/json", "x-dsar-socket-address": `10.77.0.${i + 1}` },
      });
      const response = await answersWithin(fileRequest(request), `filing request ${i + 1} while Redis is down`, 30_000);
      expect(response.status).toBe(202);
      references.push(((await response.json()) as { reference: string }).reference);
    }
    // Everything the person was promised is in PostgreSQL, waiting.
    const stored = await db().dsarRequest.findMany({ where: { reference: { in: references } }, include: { emails: true } });
    expect(stored.map((row) => row.status)).toEqual(references.map(() => "SUBMITTED"));
    expect(stored.map((row) => row.emails.map((email) => email.status))).toEqual(references.map(() => ["PENDING"]));

    await redis.start();
    // Delivered without anyone stepping in (no restart of the workers or of the intake).
    const catcher = process.env.MAIL_CATCHER_URL as string;
    const codes = [];
    for (const [i, email] of emails.entries()) {
      codes.push(codeIn(await waitForEmail(catcher, email, (m) => m.text.includes(references[i] as string), 150_000)));
    }
    for (const [i, reference] of references.entries()) await verifyByCode(reference, codes[i] as string);
    // Staff approve during a second outage: the approvals stand, the fan-out waits for Redis.
    await redis.stop();
    for (const reference of references) {
      await answersWithin(approveRequest({ reference, actor: staff }), `approving ${reference} while Redis is down`, 30_000);
    }
    await redis.start();
    const done = await waitForRequests(references, "COMPLETED", 120_000);
    for (const row of done) expect(row.tasks.map((task) => task.status)).toEqual(["SUCCEEDED"]);
    const packages = await db().exportArtifact.groupBy({
      by: ["requestId"],
      where: { requestId: { in: done.map((row) => row.id) } },
      _count: true,
    });
    expect(packages.map((group) => group._count)).toEqual(done.map(() => 1));
  }, 420_000);
});
