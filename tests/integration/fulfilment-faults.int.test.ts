// Faults during the fan-out (DESIGN.md, "The connector contract"): a source that fails and
// recovers, one that keeps failing until staff retry it, a worker process killed mid-task (once,
// and twice on the same task), and a Redis restart mid-flow. Each still ends with every task done
// exactly once, or with a failure staff can see and retry.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedSource, startSignedSource } from "../support/signed-source.ts";
import { startWorkerProcess as startSharedWorkerProcess, stopWorkerProcess, type WorkerProcess } from "../support/worker-process.ts";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// This file's queues live on a Redis of its own, which one test shuts down and starts again. It is
// append-only, as a production Redis is configured, so the queues survive the restart.
const redisPort = await freePort();
const redisDir = await mkdtemp(join(tmpdir(), "dsar-faults-redis-"));
let redisServer = await startRedis();
process.once("exit", () => redisServer.kill("SIGKILL")); // should the file stop before its afterAll
process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;

async function startRedis(): Promise<ChildProcess> {
  const args = ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", redisDir];
  const child = spawn("redis-server", args, { stdio: "ignore" });
  for (let tries = 0; ; tries++) {
    const answer = await run("redis-cli", ["-p", String(redisPort), "ping"]).catch(() => ({ stdout: "" }));
    if (answer.stdout.trim() === "PONG") return child;
    if (tries > 100 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${redisPort}`);
    await sleep(100);
  }
}

async function stopRedis(): Promise<void> {
  if (redisServer.exitCode !== null || redisServer.signalCode !== null) return;
  const exited = once(redisServer, "exit");
  await run("redis-cli", ["-p", String(redisPort), "shutdown"]).catch(() => {});
  await exited;
}

const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { retryConnectorTask } = await import("../../lib/fulfilment/retry-connector-task.ts");
const { closeFlowProducer } = await import("../../lib/fulfilment/start-fulfilment.ts");
const { closeQueues, getQueue } = await import("../../lib/queue/enqueue.ts");
const { connectorQueueName, queueNames } = await import("../../lib/queue/jobs.ts");
const { closeQueueRuntime } = await import("../../lib/queue/backend.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { fileVerifiedRequest, requestsWithTasks, waitForRequests } = await import("../support/fulfilment-requests.ts");
const { waitUntil } = await import("../support/wait-until.ts");

afterAll(async () => {
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
  await stopRedis();
  await rm(redisDir, { recursive: true, force: true });
}, 30_000);

const runId = randomBytes(3).toString("hex");
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };

// ---------------------------------------------------------------------------------------------
// The system behind the http connector (tests/support/signed-source.ts), whose answers each test
// decides: the status for the n-th call of a task, and how long it holds the call first. A failure
// says why, as a real system's would.
function startSource(answer: (call: { taskId: string; n: number }) => { status: number; holdMs?: number }): Promise<SignedSource> {
  return startSignedSource((call) => {
    const decided = answer(call);
    return decided.status === 200 ? decided : { ...decided, body: "the database is offline" };
  });
}

// ---------------------------------------------------------------------------------------------
// Connectors, requests and the checks every scenario shares.

/** Applies a connectors file: the connectors it lists, and every other one disabled. */
async function applyFile(yaml: string, variables: Record<string, string>) {
  const { entries, problems } = await readConnectorsFile(yaml, variables);
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
}

function httpConnectorYaml(key: string, options: { maxAttempts: number; concurrency?: number }) {
  return `
  - key: ${key}
    name: Test source ${key}
    type: http
    actions: [access, erasure]
    maxAttempts: ${options.maxAttempts}
    concurrency: ${options.concurrency ?? 2}
    config: { url: "\${SOURCE_URL}", secret: "\${SOURCE_SECRET}", timeoutSeconds: 20 }`;
}

function shopConnectorYaml(key: string) {
  return `
  - key: ${key}
    name: Shop database ${key}
    type: postgres
    actions: [access, erasure]
    maxAttempts: 3
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email }
          erase: { strategy: mask, columns: { email: hash } }
        - table: newsletter_subscriptions
          identity: { email: email }
          erase: { strategy: delete }`;
}

/** A shop database of its own, dropped when the scenario ends. */
function useShop(label: string): { url: () => string } {
  const name = `shop_faults_${label}_${runId}`;
  let url = "";
  beforeAll(async () => {
    url = await ensureDemoShop(adminDatabaseUrl, name, 10);
  }, 60_000);
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  return { url: () => url };
}

/** How many times each task's success, each request's completion and each package were recorded. */
async function recordedOnce(references: string[]) {
  const rows = await requestsWithTasks(references);
  const requestIds = rows.map((row) => row.id);
  const events = await db().auditEvent.findMany({
    where: { requestId: { in: requestIds }, action: { in: ["connector.task-succeeded", "request.completed"] } },
  });
  const artifacts = await db().exportArtifact.groupBy({ by: ["requestId"], where: { requestId: { in: requestIds } }, _count: true });
  const count = (list: string[]) => Object.fromEntries(list.map((id) => [id, 0]));
  const succeeded = count(rows.flatMap((row) => row.tasks.map((task) => task.id)));
  const completed = count(requestIds);
  for (const event of events) {
    if (event.action === "request.completed") completed[event.requestId as string]++;
    else succeeded[(event.data as { taskId: string }).taskId]++;
  }
  const packages = count(rows.filter((row) => row.type === "ACCESS").map((row) => row.id));
  for (const group of artifacts) packages[group.requestId] = group._count;
  return { rows, succeeded, completed, packages };
}

function expectDoneExactlyOnce(recorded: Awaited<ReturnType<typeof recordedOnce>>) {
  const once = (record: Record<string, number>) => Object.fromEntries(Object.keys(record).map((id) => [id, 1]));
  for (const row of recorded.rows) {
    expect(row.status).toBe("COMPLETED");
    expect(row.tasks.map((task) => task.status)).toEqual(row.tasks.map(() => "SUCCEEDED"));
  }
  expect(recorded.succeeded).toEqual(once(recorded.succeeded));
  expect(recorded.completed).toEqual(once(recorded.completed));
  expect(recorded.packages).toEqual(once(recorded.packages));
}

// ---------------------------------------------------------------------------------------------
// The workers in a process of their own, which a test can kill.

const workerProcesses: WorkerProcess[] = [];

async function startWorkerProcess(): Promise<WorkerProcess> {
  const started = await startSharedWorkerProcess();
  workerProcesses.push(started);
  return started;
}

// ---------------------------------------------------------------------------------------------

describe("a source that fails three times, then answers", () => {
  const key = `flaky-${runId}`;
  let source: SignedSource;
  beforeAll(async () => {
    source = await startSource(({ n }) => ({ status: n <= 3 ? 500 : 200 }));
    await applyFile(`connectors:${httpConnectorYaml(key, { maxAttempts: 5 })}`, { SOURCE_URL: source.url, SOURCE_SECRET: source.secret });
  });
  runWorkersDuringTests();
  afterAll(async () => {
    await source?.close();
  });

  it("completes the request on the fourth attempt, with one call per attempt", async () => {
    const reference = await fileVerifiedRequest(`flaky-${runId}@example.test`, "erasure");
    await approveRequest({ reference, actor: staff });
    // Backoff is exponential from 5 s: 5 + 10 + 20 s of waiting before the fourth attempt.
    const [done] = await waitForRequests([reference], "COMPLETED", 100_000);
    expect(done.outcome).toBe("FULFILLED");
    expect(done.tasks).toHaveLength(1);
    const [task] = done.tasks;
    expect(task.status).toBe("SUCCEEDED");
    expect(task.attempts).toBe(4);
    expect(task.lastError).toBeNull();
    expect(source.callsFor(task.id)).toBe(4);
    expectDoneExactlyOnce(await recordedOnce([reference]));
  }, 130_000);
});

describe("a source that keeps failing", () => {
  const key = `down-${runId}`;
  let healthy = false;
  let source: SignedSource;
  beforeAll(async () => {
    source = await startSource(() => ({ status: healthy ? 200 : 500 }));
    await applyFile(`connectors:${httpConnectorYaml(key, { maxAttempts: 2 })}`, { SOURCE_URL: source.url, SOURCE_SECRET: source.secret });
  });
  runWorkersDuringTests();
  afterAll(async () => {
    await source?.close();
  });

  it("leaves the request in progress with the error shown, and completes it once staff retry after the fix", async () => {
    const reference = await fileVerifiedRequest(`down-${runId}@example.test`, "erasure");
    await approveRequest({ reference, actor: staff });
    const taskOf = async () => (await requestsWithTasks([reference]))[0].tasks[0];
    await waitUntil(async () => (await taskOf()).status === "FAILED", "the task to fail", 60_000);
    const failed = await taskOf();
    expect(failed.attempts).toBe(2);
    expect(failed.lastError).toMatch(/answered 500: the database is offline/);
    expect(source.callsFor(failed.id)).toBe(2);
    // Settled, without waiting an arbitrary time: once BullMQ has failed the task's job, the
    // finaliser (its parent) can only run if it left waiting-children; it must not.
    const taskJob = await getQueue(connectorQueueName(key)).getJob(`task-${failed.id}`);
    await waitUntil(async () => (await taskJob?.isFailed()) === true, "BullMQ to fail the task's job", 30_000);
    const finaliser = await getQueue(queueNames.fulfilment).getJob(`finalise-${failed.requestId}`);
    expect(await finaliser?.getState()).toBe("waiting-children");
    expect((await requestsWithTasks([reference]))[0].status).toBe("IN_PROGRESS");

    healthy = true;
    await retryConnectorTask(failed.id, staff);
    const [done] = await waitForRequests([reference], "COMPLETED", 60_000);
    expect(done.tasks[0]).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastError: null });
    expect(source.callsFor(failed.id)).toBe(3);
    expectDoneExactlyOnce(await recordedOnce([reference]));
  }, 130_000);
});

describe("a worker process killed in the middle of the fan-out", () => {
  const shop = useShop("kill");
  let source: SignedSource;
  beforeAll(async () => {
    // Each call is held 3 s, so tasks are in flight when the process dies.
    source = await startSource(() => ({ status: 200, holdMs: 3_000 }));
    const yaml = `connectors:${shopConnectorYaml(`shop-kill-${runId}`)}${httpConnectorYaml(`slow-kill-${runId}`, { maxAttempts: 3, concurrency: 5 })}`;
    await applyFile(yaml, { SOURCE_URL: source.url, SOURCE_SECRET: source.secret, SHOP_URL: shop.url() });
  });
  afterAll(async () => {
    for (const started of workerProcesses) await stopWorkerProcess(started, "SIGTERM");
    await source?.close();
  }, 60_000);

  it("still completes every request, with each task's success and each package recorded once", async () => {
    const first = await startWorkerProcess();
    const references: string[] = [];
    for (let i = 0; i < 5; i++) references.push(await fileVerifiedRequest(`kill-${i}-${runId}@example.test`, "access"));
    for (const reference of references) await approveRequest({ reference, actor: staff });

    await waitUntil(() => source.total() >= 1, "the first call to reach the source", 30_000);
    const inFlightAtKill = source.inFlight();
    await stopWorkerProcess(first, "SIGKILL");
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(inFlightAtKill).toBeGreaterThanOrEqual(1);

    await startWorkerProcess();
    // The jobs the dead process held come back once their locks lapse (BullMQ's stalled check, 30 s).
    await waitForRequests(references, "COMPLETED", 150_000);
    const recorded = await recordedOnce(references);
    expectDoneExactlyOnce(recorded);
    // The calls cut short were made again: the source saw a repeat, the portal recorded one success.
    const repeated = recorded.rows.flatMap((row) => row.tasks).filter((task) => source.callsFor(task.id) > 1);
    expect(repeated.length).toBeGreaterThanOrEqual(1);
  }, 240_000);
});

describe("a task whose worker process dies twice while running it", () => {
  const key = `crash-${runId}`;
  let source: SignedSource;
  beforeAll(async () => {
    source = await startSource(() => ({ status: 200, holdMs: 3_000 }));
    await applyFile(`connectors:${httpConnectorYaml(key, { maxAttempts: 3 })}`, { SOURCE_URL: source.url, SOURCE_SECRET: source.secret });
  });
  afterAll(async () => {
    for (const started of workerProcesses) await stopWorkerProcess(started, "SIGTERM");
    await source?.close();
  }, 60_000);

  it("shows the task failed with its cause, and staff can retry it", async () => {
    let worker = await startWorkerProcess();
    const reference = await fileVerifiedRequest(`crash-${runId}@example.test`, "erasure");
    await approveRequest({ reference, actor: staff });
    const [{ tasks }] = await requestsWithTasks([reference]);
    const taskId = tasks[0].id;
    // A crash loop (say, a worker killed by the OOM killer on this task): BullMQ gives the job back
    // once after its lock lapses, and fails it the second time ("stalled more than allowable limit").
    for (const call of [1, 2]) {
      await waitUntil(() => source.callsFor(taskId) >= call, `call ${call} of the task`, 100_000);
      await stopWorkerProcess(worker, "SIGKILL");
      worker = await startWorkerProcess();
    }
    const job = await getQueue(connectorQueueName(key)).getJob(`task-${taskId}`);
    await waitUntil(async () => (await job?.isFailed()) === true, "BullMQ to fail the job that stalled twice", 100_000);
    expect((await getQueue(connectorQueueName(key)).getJob(`task-${taskId}`))?.failedReason).toMatch(/stalled/);

    // DESIGN.md: "task failed: stays IN_PROGRESS, visible and retryable by staff". The worker that
    // failed the job records it on the task just after, so the row is awaited, not read at once.
    await waitUntil(
      async () => (await requestsWithTasks([reference]))[0].tasks[0].status !== "RUNNING",
      "the task row to record the failure",
      15_000,
    );
    const [stuck] = await requestsWithTasks([reference]);
    expect(stuck.status).toBe("IN_PROGRESS");
    expect({ status: stuck.tasks[0].status, hasError: Boolean(stuck.tasks[0].lastError) }).toEqual({ status: "FAILED", hasError: true });
    await retryConnectorTask(taskId, staff);
    await waitForRequests([reference], "COMPLETED", 60_000);
    expectDoneExactlyOnce(await recordedOnce([reference]));
  }, 300_000);
});

describe("Redis restarted in the middle of the fan-out", () => {
  const shop = useShop("redis");
  let source: SignedSource;
  beforeAll(async () => {
    source = await startSource(() => ({ status: 200, holdMs: 2_000 }));
    const yaml = `connectors:${shopConnectorYaml(`shop-redis-${runId}`)}${httpConnectorYaml(`slow-redis-${runId}`, { maxAttempts: 3, concurrency: 5 })}`;
    await applyFile(yaml, { SOURCE_URL: source.url, SOURCE_SECRET: source.secret, SHOP_URL: shop.url() });
  });
  runWorkersDuringTests();
  afterAll(async () => {
    await source?.close();
  });

  it("still completes every request, with each task's success and each package recorded once", async () => {
    const references: string[] = [];
    for (let i = 0; i < 5; i++) references.push(await fileVerifiedRequest(`restart-${i}-${runId}@example.test`, "access"));
    for (const reference of references) await approveRequest({ reference, actor: staff });

    await waitUntil(() => source.total() >= 1, "the first call to reach the source", 30_000);
    await stopRedis();
    const inFlightAtShutdown = source.inFlight();
    await sleep(2_000);
    redisServer = await startRedis();
    expect(inFlightAtShutdown).toBeGreaterThanOrEqual(1);

    await waitForRequests(references, "COMPLETED", 120_000);
    expectDoneExactlyOnce(await recordedOnce(references));
  }, 200_000);
});
