// SIGTERM to the worker process while it fans out 20 requests (calls held by a slow source,
// packages being built): the calls in flight finish and are recorded, the process exits 0, nothing
// is half-written (no package without its file, no temporary file left), and a new process ends
// the rest with every task done exactly once. Redis here is this file's own.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateRedis } from "../support/private-services.ts";
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from "../support/worker-process.ts";

const redis = await startPrivateRedis();
process.env.REDIS_URL = redis.url;
const storageDir = mkdtempSync(join(tmpdir(), "dsar-sigterm-storage-"));
process.env.STORAGE_DIR = storageDir;

const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { closeFlowProducer } = await import("../../lib/fulfilment/start-fulfilment.ts");
const { closeQueues } = await import("../../lib/queue/enqueue.ts");
const { closeQueueRuntime } = await import("../../lib/queue/backend.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { fileVerifiedRequest, requestsWithTasks, waitForRequests } = await import("../support/fulfilment-requests.ts");

const runId = randomBytes(3).toString("hex");
const shopName = `shop_sigterm_${runId}`;
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds each call 2 s; knows which tasks are being answered right now, and how each call ended. */
function startSlowSource() {
  const secret = randomBytes(24).toString("hex");
  const calls = new Map<string, number>();
  const holding = new Set<string>();
  const cutShort = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { taskId: string; subject: { email: string } };
      calls.set(body.taskId, (calls.get(body.taskId) ?? 0) + 1);
      holding.add(body.taskId);
      await sleep(2_000);
      holding.delete(body.taskId);
      if (response.destroyed || request.socket.destroyed) return void cutShort.add(body.taskId);
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ records: [{ category: "contacts", fields: { email: body.subject.email } }] }));
    });
  });
  return new Promise<{
    url: string;
    secret: string;
    calls: Map<string, number>;
    holding: Set<string>;
    cutShort: Set<string>;
    close(): Promise<void>;
  }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsar`,
        secret,
        calls,
        holding,
        cutShort,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

let source: Awaited<ReturnType<typeof startSlowSource>>;
const started: WorkerProcess[] = [];

beforeAll(async () => {
  source = await startSlowSource();
  const shopUrl = await ensureDemoShop(adminDatabaseUrl, shopName, 10);
  const { entries, problems } = await readConnectorsFile(
    `connectors:
  - key: shop-sigterm-${runId}
    name: Shop database
    type: postgres
    actions: [access]
    maxAttempts: 3
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email }
          erase: { strategy: mask, columns: { email: hash } }
  - key: slow-sigterm-${runId}
    name: Slow source
    type: http
    actions: [access]
    maxAttempts: 3
    concurrency: 5
    config: { url: "\${SOURCE_URL}", secret: "\${SOURCE_SECRET}", timeoutSeconds: 30 }`,
    { SHOP_URL: shopUrl, SOURCE_URL: source.url, SOURCE_SECRET: source.secret },
  );
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
}, 60_000);

afterAll(async () => {
  for (const worker of started) await stopWorkerProcess(worker, "SIGTERM");
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
  await source?.close();
  await redis.remove();
  rmSync(storageDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
}, 90_000);

describe("SIGTERM to the worker process during a fan-out", () => {
  it("lets the calls in flight finish, exits cleanly, leaves nothing half-written, and a new process ends the rest exactly once", async () => {
    const first = await startWorkerProcess();
    started.push(first);
    const references: string[] = [];
    for (let batch = 0; batch < 2; batch++) {
      const filed = await Promise.all(
        Array.from({ length: 10 }, (_, i) => fileVerifiedRequest(`sigterm-${batch * 10 + i}-${runId}@example.test`, "access")),
      );
      references.push(...filed);
    }
    for (const reference of references) await approveRequest({ reference, actor: staff });

    const deadline = Date.now() + 120_000;
    while (source.holding.size === 0) {
      if (Date.now() > deadline) throw new Error("no call reached the source within 120 s");
      await sleep(20);
    }
    const inFlight = [...source.holding];
    const ended = await stopWorkerProcess(first, "SIGTERM");
    expect(ended).toEqual({ code: 0, signal: null });
    expect(first.output.some((line) => line.includes('"msg":"workers stopped"'))).toBe(true);

    // The calls in flight were answered and recorded, not cut short and left to be made again.
    expect(inFlight.filter((taskId) => source.cutShort.has(taskId))).toEqual([]);
    const tasks = await db().connectorTask.findMany({ where: { id: { in: inFlight } } });
    expect(tasks.map((task) => task.status)).toEqual(inFlight.map(() => "SUCCEEDED"));
    // Nothing half-written: every package recorded has its file, no temporary file is left.
    const rows = await requestsWithTasks(references);
    const artifacts = await db().exportArtifact.findMany({ where: { requestId: { in: rows.map((row) => row.id) } } });
    for (const artifact of artifacts) expect(existsSync(artifact.storagePath as string)).toBe(true);
    const packagesDir = join(storageDir, "packages");
    const leftovers = existsSync(packagesDir) ? readdirSync(packagesDir).filter((name) => !name.endsWith(".zip.enc")) : [];
    expect(leftovers).toEqual([]);
    expect(await db().connectorTask.count({ where: { requestId: { in: rows.map((row) => row.id) }, status: "RUNNING" } })).toBe(0);

    started.push(await startWorkerProcess());
    const done = await waitForRequests(references, "COMPLETED", 240_000);
    const taskIds = done.flatMap((row) => row.tasks.map((task) => task.id));
    for (const row of done) expect(row.tasks.map((task) => task.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    const events = await db().auditEvent.findMany({
      where: { requestId: { in: done.map((row) => row.id) }, action: "connector.task-succeeded" },
    });
    const successes = new Map<string, number>();
    for (const event of events) {
      const taskId = (event.data as { taskId: string }).taskId;
      successes.set(taskId, (successes.get(taskId) ?? 0) + 1);
    }
    expect(taskIds.filter((id) => successes.get(id) !== 1)).toEqual([]);
    expect(inFlight.filter((taskId) => source.calls.get(taskId) !== 1)).toEqual([]);
    const packages = await db().exportArtifact.groupBy({
      by: ["requestId"],
      where: { requestId: { in: done.map((row) => row.id) } },
      _count: true,
    });
    expect(packages.map((group) => group._count)).toEqual(done.map(() => 1));
  }, 480_000);
});
