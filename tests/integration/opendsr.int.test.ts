// The opendsr connector against a small OpenDSR 2.0 processor (tests/support/opendsr-processor.ts),
// through the portal's workers: submission, signed callbacks, a forged one, lost callbacks made up
// for by polling, a processor that cannot be reached, and cancellation when the person withdraws.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const callbackServer: Server = createServer();
await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
process.env.APP_URL = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;

const { POST: callbackRoute } = await import("../../app/api/v1/connector-callbacks/[taskId]/route.ts");
const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { testConnectors } = await import("../../lib/connectors/test-connectors.ts");
const { subjectRequestIdFor } = await import("../../lib/connectors/opendsr/index.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { withdrawRequest } = await import("../../lib/requests/withdraw-request.ts");
const { issueStatusToken } = await import("../../lib/requests/status-links.ts");
const { wakeTaskJob } = await import("../../lib/fulfilment/wake-task-job.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { fileVerifiedRequest, waitForRequests } = await import("../support/fulfilment-requests.ts");
const { startOpendsrProcessor } = await import("../support/opendsr-processor.ts");

const { serveCallbackRoute } = await import("../support/callback-server.ts");
serveCallbackRoute(callbackServer, callbackRoute);

const apiKey = "portal-controller";
const apiSecret = "processor-issued-secret-5f1c2d";
let processor: Awaited<ReturnType<typeof startOpendsrProcessor>>;
const closedPort = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});

beforeAll(async () => {
  processor = await startOpendsrProcessor({ apiKey, apiSecret });
  const config = (baseUrl: string) => `
      baseUrl: ${baseUrl}
      processorDomain: ${processor.domain}
      apiKey: ${apiKey}
      apiSecret: \${OPENDSR_SECRET}
      controllerId: ${processor.controllerId}
      certificate: ${JSON.stringify(processor.certificatePem)}
      pollIntervalMinutes: 60
      timeoutSeconds: 5`;
  const yaml = `connectors:
  - key: analytics
    name: Analytics platform
    type: opendsr
    actions: [access, erasure]
    config:${config(processor.baseUrl)}
  - key: analytics-down
    name: Analytics platform (unreachable)
    type: opendsr
    actions: [portability]
    maxAttempts: 2
    config:${config(`http://127.0.0.1:${closedPort}/v2`)}
`;
  const { entries, shared, problems } = await readConnectorsFile(yaml, { OPENDSR_SECRET: apiSecret });
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" }, shared);
}, 120_000);
runWorkersDuringTests();
afterAll(async () => {
  await processor?.close();
  await new Promise((resolve) => callbackServer.close(resolve));
});

const staff = { type: "SYSTEM" as const, id: "test" };

async function taskOf(reference: string, connectorKey: string, status: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await db().connectorTask.findFirst({ where: { request: { reference }, connector: { key: connectorKey } } });
    if (task?.status === status) return task;
    if (Date.now() > deadline) throw new Error(`task ${connectorKey} of ${reference} is ${task?.status} (${task?.lastError})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function submitted(email: string, type: "access" | "erasure") {
  const reference = await fileVerifiedRequest(email, type);
  await approveRequest({ reference, actor: staff });
  const task = await taskOf(reference, "analytics", "WAITING_CALLBACK");
  const request = await processor.waitForRequest(email, type);
  return { reference, task, request };
}

describe("opendsr connector", () => {
  it("tests the connection with the processor's discovery document, showing only status and time", async () => {
    const results = await testConnectors();
    const good = results.find((r) => r.key === "analytics") as { ok: boolean; message: string };
    const down = results.find((r) => r.key === "analytics-down") as { ok: boolean; message: string };
    expect(good.ok).toBe(true);
    expect(good.message).toMatch(/\/v2\/discovery answered 200 in \d+ ms and supports the configured identities$/);
    expect(down.ok).toBe(false);
    expect(down.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:\d+\/v2\/discovery \(ECONNREFUSED\)/);
  });

  it("submits an approved erasure and completes it when the processor's signed callback says so", async () => {
    const email = "odile.erasure@example.com";
    const { reference, task, request } = await submitted(email, "erasure");
    expect(request.body).toMatchObject({
      regulation: "gdpr",
      subject_request_id: subjectRequestIdFor(task.id),
      subject_request_type: "erasure",
      api_version: "2.0",
      subject_identities: [{ identity_type: "email", identity_value: email, identity_format: "raw" }],
      status_callback_urls: [`${process.env.APP_URL}/api/v1/connector-callbacks/${task.id}`],
    });
    expect(Date.parse(request.body.submitted_time as string)).not.toBeNaN();
    const post = processor.calls.find((c) => c.method === "POST" && c.body.includes(email));
    expect(post?.authorization).toBe(`Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString("base64")}`);
    await processor.complete(request.body.subject_request_id, 3);
    expect(processor.callbackAnswers.at(-1)).toBe(200);
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.tasks[0].receipt).toMatchObject({
      processor: processor.domain,
      processorStatus: "completed",
      subjectRequestId: request.body.subject_request_id,
      affected: 3,
      resultsCount: 3,
      via: "callback",
    });
  });

  it("completes an access request, recording that the processor delivers the results itself", async () => {
    const email = "odile.access@example.com";
    const { reference, request } = await submitted(email, "access");
    await processor.complete(request.body.subject_request_id, 12);
    const [done] = await waitForRequests([reference], "COMPLETED");
    const receipt = done.tasks[0].receipt as Record<string, unknown>;
    expect(receipt).toMatchObject({ resultsDelivery: "processor", resultsUrlGiven: true, resultsCount: 12, via: "callback" });
    // The results address is a link to the person's data: never kept.
    expect(JSON.stringify(receipt)).not.toContain("/results/");
  });

  it("refuses a callback signed with another key: 401, nothing changes, the refusal is audited without personal data", async () => {
    const email = "odile.forged@example.com";
    const { task, request } = await submitted(email, "erasure");
    processor.settings.forgeCallbacks = true;
    try {
      await processor.complete(request.body.subject_request_id, 1);
    } finally {
      processor.settings.forgeCallbacks = false;
    }
    expect(processor.callbackAnswers.at(-1)).toBe(401);
    const after = await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.status).toBe("WAITING_CALLBACK");
    expect(after.receipt).toBeNull();
    const refused = await db().auditEvent.findFirst({ where: { requestId: task.requestId, action: "connector.callback-refused" } });
    expect(refused?.data).toEqual({ taskId: task.id, connector: "analytics", reason: "mismatch" });
    expect(JSON.stringify(refused?.data)).not.toContain(email);
  });

  it("asks the processor for the status when the callback is lost, and completes from its signed answer", async () => {
    const email = "odile.lost@example.com";
    const { reference, task, request } = await submitted(email, "erasure");
    processor.settings.dropCallbacks = true;
    try {
      await processor.complete(request.body.subject_request_id, 2);
    } finally {
      processor.settings.dropCallbacks = false;
    }
    // The job's next look (every pollIntervalMinutes), made now.
    await wakeTaskJob(task.id, "analytics");
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.tasks[0].receipt).toMatchObject({ processorStatus: "completed", affected: 2, via: "poll" });
    expect(processor.calls.some((c) => c.method === "GET" && c.path === `/v2/requests/${request.body.subject_request_id}`)).toBe(true);
  });

  it("fails the task with a clear error when the processor cannot be reached, after its retries", async () => {
    const reference = await fileVerifiedRequest("odile.down@example.com", "portability");
    await approveRequest({ reference, actor: staff });
    const task = await taskOf(reference, "analytics-down", "FAILED", 45_000);
    expect(task.attempts).toBe(2);
    expect(task.lastError).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:\d+\/v2\/discovery: .*ECONNREFUSED/);
  });

  it("asks the processor to cancel a pending request when the person withdraws it", async () => {
    const email = "odile.withdraws@example.com";
    const { reference, task, request } = await submitted(email, "erasure");
    const row = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    const token = await db().$transaction((tx) => issueStatusToken(tx as never, row.submissionId));
    await withdrawRequest(token, reference);
    const deadline = Date.now() + 20_000;
    while (request.status !== "cancelled" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(request.status).toBe("cancelled");
    expect(processor.calls.some((c) => c.method === "DELETE" && c.path === `/v2/requests/${request.body.subject_request_id}`)).toBe(true);
    const deadline2 = Date.now() + 10_000;
    let audited = null;
    while (!audited && Date.now() < deadline2) {
      audited = await db().auditEvent.findFirst({ where: { requestId: task.requestId, action: "connector.task-cancelled-at-source" } });
      if (!audited) await new Promise((r) => setTimeout(r, 200));
    }
    expect(audited?.data).toEqual({ taskId: task.id, connector: "analytics", action: "ERASURE" });
    expect((await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("CANCELLED");
  });
});
