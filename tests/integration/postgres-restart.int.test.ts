// PostgreSQL restarted while 100 approved requests are being fanned out: every task ends exactly
// once, nothing is lost, and the worker process and this process (which files requests as the
// web app does) carry on without being restarted. PostgreSQL and Redis here are this file's own.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshClientAddress } from "../support/client-addresses.ts";
import { startPrivatePostgres, startPrivateRedis } from "../support/private-services.ts";
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from "../support/worker-process.ts";

const postgres = await startPrivatePostgres();
const redis = await startPrivateRedis();
const runId = randomBytes(3).toString("hex");
const databaseUrl = postgres.adminUrl.replace(/\/postgres$/, "/dsar_restart");
{
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE dsar_restart");
  await admin.end();
  const { applyMigrations } = await import("../../scripts/migrations/schema-engine.ts");
  await applyMigrations(databaseUrl);
}
process.env.DATABASE_URL = databaseUrl;
process.env.REDIS_URL = redis.url;

const { POST: fileRequest } = await import("../../app/api/v1/requests/route.ts");
const { db, disconnectDb } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { closeFlowProducer } = await import("../../lib/fulfilment/start-fulfilment.ts");
const { closeQueues } = await import("../../lib/queue/enqueue.ts");
const { closeQueueRuntime } = await import("../../lib/queue/backend.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { fileVerifiedRequest, requestsWithTasks, waitForRequests } = await import("../support/fulfilment-requests.ts");
const { waitForEmail } = await import("../support/mailbox.ts");

const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A slow system behind the http connector: each call is held, so tasks are in flight at the restart. */
function startSlowSource(holdMs: number) {
  const secret = randomBytes(24).toString("hex");
  const calls = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { taskId: string; subject: { email: string } };
      calls.set(body.taskId, (calls.get(body.taskId) ?? 0) + 1);
      await sleep(holdMs);
      if (response.destroyed) return;
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ records: [{ category: "contacts", fields: { email: body.subject.email } }] }));
    });
  });
  return new Promise<{ url: string; secret: string; total(): number; close(): Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsar`,
        secret,
        total: () => [...calls.values()].reduce((sum, n) => sum + n, 0),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

let workers: WorkerProcess | undefined;
let source: Awaited<ReturnType<typeof startSlowSource>>;

beforeAll(async () => {
  source = await startSlowSource(1_000);
  const shopUrl = await ensureDemoShop(postgres.adminUrl, "shop_restart", 10);
  const { entries, problems } = await readConnectorsFile(
    `connectors:
  - key: shop-restart
    name: Shop database
    type: postgres
    actions: [access]
    maxAttempts: 5
    concurrency: 5
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email }
          erase: { strategy: mask, columns: { email: hash } }
  - key: slow-restart
    name: Slow source
    type: http
    actions: [access]
    maxAttempts: 5
    concurrency: 10
    config: { url: "\${SOURCE_URL}", secret: "\${SOURCE_SECRET}", timeoutSeconds: 30 }`,
    { SHOP_URL: shopUrl, SOURCE_URL: source.url, SOURCE_SECRET: source.secret },
  );
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
  workers = await startWorkerProcess();
}, 120_000);

afterAll(async () => {
  if (workers) await stopWorkerProcess(workers, "SIGTERM");
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
  await disconnectDb();
  await source?.close();
  await redis.remove();
  await postgres.remove();
}, 60_000);

describe("PostgreSQL restarted in the middle of a fan-out of 100 requests", () => {
  it("ends every task exactly once, loses nothing, and needs no restart of the workers or the web app", async () => {
    const references: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const filed = await Promise.all(
        Array.from({ length: 10 }, (_, i) => fileVerifiedRequest(`restart-${batch * 10 + i}-${runId}@example.test`, "access")),
      );
      references.push(...filed);
    }
    // All 100 fan-outs queued before a worker takes any, so the restart finds most of them in flight.
    await stopWorkerProcess(workers as WorkerProcess, "SIGTERM");
    for (const reference of references) await approveRequest({ reference, actor: staff });
    workers = await startWorkerProcess();

    // Some of the work is done, most is not: restart the database under it.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const succeeded = async () =>
      Number((await client.query(`SELECT count(*) FROM connector_tasks WHERE status = 'SUCCEEDED'`)).rows[0].count);
    const deadline = Date.now() + 120_000;
    while ((await succeeded()) < 10) {
      if (Date.now() > deadline) throw new Error("the fan-out did not start within 120 s");
      await sleep(100);
    }
    const doneBefore = await succeeded();
    await client.end();
    await postgres.stop();
    await sleep(1_000); // a restart, not a flap: the workers meet refused connections meanwhile
    await postgres.start();

    const done = await waitForRequests(references, "COMPLETED", Number(process.env.FAULT_WAIT_MS ?? 360_000)).catch((error: Error) => {
      // What the workers said, to tell a stuck process from a slow one.
      const said = (workers?.output ?? []).filter((line) => !line.includes('"msg":"workers started"')).slice(-30);
      throw new Error(`${error.message}\n\nlast lines of the worker process:\n${said.join("\n")}`);
    });
    expect(workers?.child.exitCode).toBeNull(); // the same process, never restarted
    const failures = workers?.output.filter((line) => line.includes('"msg":"job failed"')) ?? [];
    console.info(`${doneBefore} of 200 tasks done at the restart; ${failures.length} job attempts failed and were retried`);

    // Exactly once: one success per task, one completion per request, one package per request.
    const requestIds = done.map((row) => row.id);
    const taskIds = done.flatMap((row) => row.tasks.map((task) => task.id));
    expect(taskIds).toHaveLength(200);
    for (const row of done) expect(row.tasks.map((task) => task.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    const events = await db().auditEvent.findMany({
      where: { requestId: { in: requestIds }, action: { in: ["connector.task-succeeded", "request.completed"] } },
    });
    const successes = new Map<string, number>();
    const completions = new Map<string, number>();
    for (const event of events) {
      if (event.action === "request.completed")
        completions.set(event.requestId as string, (completions.get(event.requestId as string) ?? 0) + 1);
      else {
        const taskId = (event.data as { taskId: string }).taskId;
        successes.set(taskId, (successes.get(taskId) ?? 0) + 1);
      }
    }
    expect(taskIds.filter((id) => successes.get(id) !== 1)).toEqual([]);
    expect(requestIds.filter((id) => completions.get(id) !== 1)).toEqual([]);
    const packages = await db().exportArtifact.groupBy({ by: ["requestId"], where: { requestId: { in: requestIds } }, _count: true });
    expect(packages.filter((group) => group._count !== 1)).toEqual([]);
    expect(packages).toHaveLength(100);
    expect(doneBefore).toBeLessThan(200); // the restart did land mid-fan-out

    // The web app's side, in this process: a new request is filed and its email sent, no restart.
    const email = `after-restart-${runId}@example.test`;
    const response = await fileRequest(
      new Request("http://localhost/api/v1/requests", {
        method: "POST",
        body: JSON.stringify({ type: "access", email, country: "FR" }),
        headers: { "content-type": "application/json", "x-dsar-socket-address": freshClientAddress() },
      }),
    );
    expect(response.status).toBe(202);
    const { reference } = (await response.json()) as { reference: string };
    await waitForEmail(process.env.MAIL_CATCHER_URL as string, email, (m) => m.text.includes(reference), 60_000);
    expect((await requestsWithTasks([reference]))[0].status).toBe("SUBMITTED");
  }, 840_000);
});
