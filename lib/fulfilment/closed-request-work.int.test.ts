// Work stops when a request closes: withdrawing or closing leaves no task open, no job queued and
// no staging file behind, and every way work arrives later (the task's job, a callback, a person
// completing a manual task, a staff retry) is refused or kept nothing. No workers run in this
// file: the queues are read as the withdrawal leaves them.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../tests/support/staff-requests.ts";
import { sealConnectorConfig } from "../connectors/connector-config.ts";
import { signPayload } from "../connectors/http/index.ts";
import { db } from "../db.ts";
import { closeQueueRuntime } from "../queue/backend.ts";
import { closeQueues, getQueue } from "../queue/enqueue.ts";
import { connectorQueueName, queueNames } from "../queue/jobs.ts";
import { approveRequest } from "../requests/approve-request.ts";
import { closeRequest } from "../requests/close-request.ts";
import { createSubmission } from "../requests/create-submission.ts";
import { issueStatusToken } from "../requests/status-links.ts";
import { auditActionLabel } from "../requests/timeline-labels.ts";
import { withdrawRequest } from "../requests/withdraw-request.ts";
import { completeManualTask } from "./complete-manual-task.ts";
import { receiveConnectorCallback } from "./receive-connector-callback.ts";
import { retryConnectorTask } from "./retry-connector-task.ts";
import { runConnectorTask } from "./run-connector-task.ts";
import { newStagingPath, openUploadedFile, storagePath, writeStagingFile } from "./staging-file.ts";
import { closeFlowProducer, startFulfilment } from "./start-fulfilment.ts";

const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000032" };
const secret = randomBytes(24).toString("hex");
const suffix = randomBytes(3).toString("hex");
let http: { id: string; key: string };
let paper: { id: string; key: string };

// The http connector's system: holds each call until the test lets it answer with one record.
let release: (() => void) | undefined;
let called: (() => void) | undefined;
const source: Server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    called?.();
    const answer = () =>
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ records: [{ category: "contacts", fields: { email: "late@example.test" } }] }));
    if (release === undefined) answer();
    else release = answer;
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => source.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(source.address() as AddressInfo).port}/dsar`;
  http = await db().connector.create({
    data: {
      key: `closed-http-${suffix}`,
      name: "Closed CRM",
      type: "http",
      actions: ["ACCESS"],
      enabled: false,
      configEncrypted: sealConnectorConfig({ url, secret }),
    },
  });
  // Enabled, so an approval gives it a task and a queued job.
  await db().connector.create({
    data: {
      key: `closed-manual-${suffix}`,
      name: "Closed archive",
      type: "manual",
      actions: ["ACCESS", "ERASURE"],
      enabled: true,
      configEncrypted: sealConnectorConfig({ instructions: "Look in the cabinet." }),
    },
  });
  paper = await db().connector.create({
    data: {
      key: `closed-paper-${suffix}`,
      name: "Closed paper",
      type: "manual",
      actions: [],
      enabled: false,
      configEncrypted: sealConnectorConfig({ instructions: "Look in the drawer." }),
    },
  });
});

afterAll(async () => {
  await db().connector.updateMany({ where: { key: { startsWith: "closed-" } }, data: { enabled: false } });
  await new Promise((resolve) => source.close(resolve));
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
});

async function fileRequest(type: "access" | "erasure", status: "VERIFIED" | "IN_PROGRESS") {
  const created = await createSubmission({
    input: { types: [type], email: uniqueEmail("closed"), country: "FR", locale: "en" },
    channel: "WEB",
  });
  const { id, reference } = created.requests[0];
  const statusToken = await issueStatusToken(db() as never, created.submissionId);
  await db().dsarRequest.update({
    where: { id },
    data: { status, verifiedAt: new Date(), decidedAt: status === "IN_PROGRESS" ? new Date() : null },
  });
  return { id, reference, statusToken };
}

async function jobsLeft(requestId: string): Promise<string[]> {
  const tasks = await db().connectorTask.findMany({ where: { requestId }, include: { connector: true } });
  const left: string[] = [];
  for (const task of tasks) {
    const job = await getQueue(connectorQueueName(task.connector.key)).getJob(`task-${task.id}`);
    if (job) left.push(`task-${task.id} ${await job.getState()}`);
  }
  const finaliser = await getQueue(queueNames.fulfilment).getJob(`finalise-${requestId}`);
  if (finaliser) left.push(`finalise ${await finaliser.getState()}`);
  return left;
}

async function stagingFilesOf(taskId: string): Promise<string[]> {
  const names = await readdir(storagePath("staging")).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(taskId));
}

function signedCallback(taskId: string) {
  const body = JSON.stringify({ records: [{ category: "contacts", fields: { email: "late@example.test" } }] });
  const { timestamp, signature } = signPayload(secret, body);
  return receiveConnectorCallback(taskId, body, new Headers({ "x-dsar-timestamp": timestamp, "x-dsar-signature": signature }));
}

describe("withdrawing or closing a request stops its work", () => {
  it("withdrawing an approved erasure cancels its tasks and removes their queued jobs and the finaliser", async () => {
    const { id, reference, statusToken } = await fileRequest("erasure", "VERIFIED");
    await approveRequest({ reference, actor: staff });
    const tasks = await db().connectorTask.findMany({ where: { requestId: id } });
    expect(tasks.length).toBeGreaterThanOrEqual(1);
    expect((await jobsLeft(id)).length).toBe(tasks.length + 1);

    await withdrawRequest(statusToken, reference);
    const after = await db().connectorTask.findMany({ where: { requestId: id } });
    expect(after.map((task) => task.status)).toEqual(after.map(() => "CANCELLED"));
    expect(await jobsLeft(id)).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.withdrawn" } });
    expect(audit.data).toEqual({ from: "IN_PROGRESS", cancelledTasks: tasks.length });
    expect(auditActionLabel(audit.action, audit.data as Record<string, unknown>)).toBe(
      `Withdrawn (${tasks.length} ${tasks.length === 1 ? "task" : "tasks"} cancelled)`,
    );
    // The job, were it still somewhere, finds its task cancelled and runs nothing.
    expect(await runConnectorTask(tasks[0].id)).toBe("cancelled");
  });

  it("an approval whose fan-out is added only after a withdrawal committed queues nothing", async () => {
    // As if the person withdrew between the approval's commit and its enqueue (or a retry's).
    const { id, reference, statusToken } = await fileRequest("erasure", "IN_PROGRESS");
    await db().connectorTask.create({ data: { requestId: id, connectorId: paper.id, action: "ERASURE" } });
    await withdrawRequest(statusToken, reference);
    await startFulfilment(id);
    expect(await jobsLeft(id)).toEqual([]);
  });

  it("closing removes the staging files of finished tasks, cancels a task awaiting a callback, and a late callback keeps nothing", async () => {
    const { id, reference } = await fileRequest("access", "IN_PROGRESS");
    const done = await db().connectorTask.create({ data: { requestId: id, connectorId: paper.id, action: "ACCESS", status: "RUNNING" } });
    const path = newStagingPath(done.id);
    const written = await writeStagingFile(
      path,
      (async function* () {
        yield { source: paper.key, category: "forms", fields: { signed: true } };
      })(),
    );
    await db().connectorTask.update({
      where: { id: done.id },
      data: {
        status: "SUCCEEDED",
        receipt: { records: 1, categories: { forms: 1 } },
        resultPath: path,
        resultKeyWrapped: written.keyWrapped,
      },
    });
    const waiting = await db().connectorTask.create({
      data: {
        requestId: id,
        connectorId: http.id,
        action: "ACCESS",
        status: "WAITING_CALLBACK",
        callbackDeadline: new Date(Date.now() + 3_600_000),
      },
    });

    await closeRequest({
      reference,
      outcome: "PARTIALLY_FULFILLED",
      message: "The CRM never answered; we searched it by hand.",
      actor: staff,
    });
    expect(existsSync(path)).toBe(false);
    const tasks = await db().connectorTask.findMany({ where: { requestId: id }, orderBy: { createdAt: "asc" } });
    expect(tasks.map((task) => [task.status, task.resultPath])).toEqual([
      ["SUCCEEDED", null],
      ["CANCELLED", null],
    ]);

    await expect(signedCallback(waiting.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await stagingFilesOf(waiting.id)).toEqual([]);
    expect((await db().connectorTask.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CANCELLED");
    expect(await runConnectorTask(waiting.id)).toBe("cancelled");
  });

  it("a manual task of a withdrawn request is neither completed nor polled again", async () => {
    const { id, reference, statusToken } = await fileRequest("access", "IN_PROGRESS");
    const task = await db().connectorTask.create({
      data: { requestId: id, connectorId: paper.id, action: "ACCESS", status: "AWAITING_STAFF" },
    });
    await withdrawRequest(statusToken, reference);
    await expect(
      completeManualTask(task.id, { note: "Found the signed form", file: { name: "form.pdf", content: Buffer.from("%PDF") } }, staff),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: `Request ${reference} is withdrawn: its tasks can no longer be completed.` });
    // No job sleeps and looks again: the run ends.
    expect(await runConnectorTask(task.id)).toBe("cancelled");
    const uploads = await readdir(storagePath("uploads")).catch(() => [] as string[]);
    expect(uploads.filter((name) => name.startsWith(task.id))).toEqual([]);
  });

  it("a request closed before tasks were cancelled with it: its waiting task is cancelled when its job looks", async () => {
    const { id } = await fileRequest("access", "IN_PROGRESS");
    const task = await db().connectorTask.create({
      data: { requestId: id, connectorId: paper.id, action: "ACCESS", status: "AWAITING_STAFF" },
    });
    await db().dsarRequest.update({ where: { id }, data: { status: "WITHDRAWN", outcome: "WITHDRAWN", closedAt: new Date() } });
    expect(await runConnectorTask(task.id)).toBe("cancelled");
    expect((await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("CANCELLED");
  });

  it("a retry is refused once the request is closed, and for a task of another request", async () => {
    const { id, reference, statusToken } = await fileRequest("erasure", "IN_PROGRESS");
    const failed = await db().connectorTask.create({
      data: { requestId: id, connectorId: paper.id, action: "ERASURE", status: "FAILED", lastError: "down" },
    });
    const other = await fileRequest("erasure", "IN_PROGRESS");
    await expect(retryConnectorTask(failed.id, staff, { reference: other.reference })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Request ${other.reference} has no task ${failed.id}.`,
    });
    expect((await db().connectorTask.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
    await withdrawRequest(statusToken, reference);
    await expect(retryConnectorTask(failed.id, staff, { reference })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: `Request ${reference} is withdrawn: its tasks can no longer run.`,
    });
    expect(await jobsLeft(id)).toEqual([]);
    expect(await db().auditEvent.count({ where: { requestId: id, action: "connector.task-retried" } })).toBe(0);
  });

  it("a source answering after the withdrawal: its result is discarded, its file removed, what it did recorded", async () => {
    const { id, reference, statusToken } = await fileRequest("access", "IN_PROGRESS");
    const task = await db().connectorTask.create({ data: { requestId: id, connectorId: http.id, action: "ACCESS" } });
    release = () => {};
    const reached = new Promise<void>((resolve) => {
      called = resolve;
    });
    const running = runConnectorTask(task.id);
    await reached; // the source holds the call: the task is RUNNING
    expect((await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("RUNNING");
    await withdrawRequest(statusToken, reference);
    const answer = release;
    release = undefined;
    answer?.();
    expect(await running).toBe("cancelled");
    const after = await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } });
    expect([after.status, after.resultPath, after.receipt]).toEqual(["CANCELLED", null, null]);
    expect(await stagingFilesOf(task.id)).toEqual([]);
    const discarded = await db().auditEvent.findFirstOrThrow({ where: { requestId: id, action: "connector.task-result-discarded" } });
    expect(discarded.data).toMatchObject({ taskId: task.id, receipt: { records: 1, categories: 1 } });
  });
});

describe("the audit log keeps counts and hashes of a task's result", () => {
  it("never the name of a file staff uploaded", async () => {
    const { id } = await fileRequest("access", "IN_PROGRESS");
    const task = await db().connectorTask.create({
      data: { requestId: id, connectorId: paper.id, action: "ACCESS", status: "AWAITING_STAFF" },
    });
    const name = "passport scan of Camille Durand.pdf";
    await completeManualTask(task.id, { note: "Scanned the passport copy", file: { name, content: Buffer.from("%PDF-1.4 scan") } }, staff);
    const event = await db().auditEvent.findFirstOrThrow({ where: { requestId: id, action: "connector.task-succeeded" } });
    expect(JSON.stringify(event.data)).not.toContain("Camille");
    expect(event.data).toMatchObject({ receipt: { files: 1, fileBytes: 13, manual: true } });
    // The task row keeps the name for the package until the retention purge.
    const row = await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(JSON.stringify(row.receipt)).toContain(name);
    // A second click on the same upload is refused and leaves one file, the one the task names.
    await expect(
      completeManualTask(task.id, { note: "Scanned the passport copy", file: { name, content: Buffer.from("%PDF-1.4 other") } }, staff),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const uploads = (await readdir(storagePath("uploads"))).filter((file) => file.startsWith(task.id));
    expect(uploads).toHaveLength(1);
    expect(row.resultPath?.endsWith(uploads[0])).toBe(true);
  });

  it("a double-clicked upload completes once, and the task's key opens the file it names, with that click's document", async () => {
    const { id } = await fileRequest("access", "IN_PROGRESS");
    const task = await db().connectorTask.create({
      data: { requestId: id, connectorId: paper.id, action: "ACCESS", status: "AWAITING_STAFF" },
    });
    const clicks = ["first scan", "second scan"].map((text) =>
      completeManualTask(task.id, { note: "Scanned the form", file: { name: "form.pdf", content: Buffer.from(text) } }, staff).then(
        () => text,
      ),
    );
    const results = await Promise.allSettled(clicks);
    const won = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(won).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(["CONFLICT", "INVALID_STATE"]).toContain(lost.reason.code);
    const row = await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } });
    const uploads = (await readdir(storagePath("uploads"))).filter((file) => file.startsWith(task.id));
    expect(uploads).toHaveLength(1);
    expect(row.resultPath?.endsWith(uploads[0])).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of openUploadedFile(row.resultPath as string, row.resultKeyWrapped as string)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(won[0]);
    expect(await db().auditEvent.count({ where: { requestId: id, action: "connector.task-succeeded" } })).toBe(1);
  });
});
