// A source whose error text quotes the person (its answer names them and their account): staff
// read that text on the task row, but the queue store only ever holds the kind of failure, failed
// jobs have an age limit, a staff retry still works once that limit removed the job, and the
// retention purge removes the request's jobs from every queue.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyConnectors } from "../../lib/connectors/apply-connectors.ts";
import { readConnectorsFile } from "../../lib/connectors/read-connectors-file.ts";
import { db } from "../../lib/db.ts";
import { retryConnectorTask } from "../../lib/fulfilment/retry-connector-task.ts";
import { queueRuntime } from "../../lib/queue/backend.ts";
import { getQueue } from "../../lib/queue/enqueue.ts";
import { connectorQueueName, queueNames } from "../../lib/queue/jobs.ts";
import { approveRequest } from "../../lib/requests/approve-request.ts";
import { confirmAccountId } from "../../lib/requests/confirm-account-id.ts";
import { createSubmission } from "../../lib/requests/create-submission.ts";
import { verifyByCode } from "../../lib/requests/verify-by-code.ts";
import { runRetentionPurge } from "../../lib/retention/run-retention-purge.ts";
import { requestsWithTasks, waitForRequests } from "../support/fulfilment-requests.ts";
import { codeIn, waitForEmail } from "../support/mailbox.ts";
import { type SignedSource, startSignedSource } from "../support/signed-source.ts";
import { createStaff } from "../support/staff-requests.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

runWorkersDuringTests();

const runId = randomBytes(3).toString("hex");
const key = `quoting-${runId}`;
const canary = { name: `Zbigniew Canaryfail${runId}`, accountId: `ACCT-CANARY-${runId}` };
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };
const DAY = 86_400_000;

let healthy = false;
let source: SignedSource;

beforeAll(async () => {
  source = await startSignedSource((call) => {
    if (call.action === "test" || healthy)
      return { status: 200, body: { affected: 1, details: [{ category: "contacts", strategy: "delete", rows: 1 }] } };
    // What a real system does too often: its error names the record it choked on (the address and
    // account number it was sent, the name from its own record).
    return { status: 409, body: `customer ${call.subject?.email} (${canary.name}, account ${call.subject?.accountId}) is locked` };
  });
  const { url, secret } = source;
  const yaml = `connectors:
  - key: ${key}
    name: Quoting CRM
    type: http
    actions: [erasure]
    maxAttempts: 1
    config: { url: "${url}", secret: "${secret}", timeoutSeconds: 10 }`;
  const { entries, problems } = await readConnectorsFile(yaml, {});
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
});

afterAll(async () => {
  await source.close();
});

async function fileAndApprove(label: string) {
  const email = `${label}-${runId}@example.test`;
  const created = await createSubmission({
    input: { types: ["erasure"], email, fullName: canary.name, accountId: canary.accountId, country: "FR", locale: "en" },
    channel: "WEB",
  });
  const { reference, id } = created.requests[0];
  const message = await waitForEmail(process.env.MAIL_CATCHER_URL as string, email, (m) => m.text.includes(reference), 30_000);
  await verifyByCode(reference, codeIn(message));
  // Connectors are given the account number only once staff confirmed it is the person's.
  const agent = await createStaff("AGENT");
  await confirmAccountId({ reference, confirmed: true, actor: { type: "STAFF", id: agent.id } });
  await approveRequest({ reference, actor: staff });
  return { reference, id };
}

async function failedTaskOf(reference: string) {
  for (let tries = 0; tries < 300; tries++) {
    const [row] = await requestsWithTasks([reference]);
    const task = row?.tasks.find((t) => t.connector.key === key);
    if (task?.status === "FAILED") return task;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the task of ${reference} did not fail`);
}

/** The task's job once BullMQ has moved it to failed (the row says FAILED a moment before). */
async function failedJobOf(taskId: string) {
  const queue = getQueue(connectorQueueName(key));
  for (let tries = 0; tries < 100 && (await queue.getJobState(`task-${taskId}`)) !== "failed"; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return queue.getJob(`task-${taskId}`);
}

/** Every key of this run's queue store and everything it holds, as text. */
async function queueStoreText(): Promise<string> {
  const redis = queueRuntime().connection as Redis;
  const prefix = queueRuntime().prefix;
  const keys = await redis.keys(`${prefix}:*`);
  const parts: string[] = [];
  for (const name of keys) {
    const type = await redis.type(name);
    if (type === "hash") parts.push(JSON.stringify(await redis.hgetall(name)));
    else if (type === "string") parts.push((await redis.get(name)) ?? "");
    else if (type === "list") parts.push(...(await redis.lrange(name, 0, -1)));
    else if (type === "set") parts.push(...(await redis.smembers(name)));
    else if (type === "zset") parts.push(...(await redis.zrange(name, "0", "-1")));
    else if (type === "stream") parts.push(JSON.stringify(await redis.xrange(name, "-", "+")));
  }
  return parts.join("\n");
}

describe("a source whose errors quote the person", () => {
  it("shows its text to staff on the task, while the failed job holds only the status and the task id, with an age limit", async () => {
    const { reference } = await fileAndApprove("quoted");
    const task = await failedTaskOf(reference);
    expect(task.lastError).toContain(canary.name);
    expect(task.lastError).toContain(canary.accountId);
    expect(task.lastError).toContain(`quoted-${runId}@example.test`);
    expect(task.lastError).toContain("answered 409");

    const job = await failedJobOf(task.id);
    expect(job?.failedReason).toBe(`Connector task ${task.id} failed: HttpConnectorError (status 409); the full message is on the task`);
    expect((job?.stacktrace ?? []).join("\n")).not.toContain(canary.accountId);
    expect(job?.opts.removeOnFail).toEqual({ age: expect.any(Number) });
    const finaliser = await getQueue(queueNames.fulfilment).getJob(`finalise-${task.requestId}`);
    expect(finaliser?.opts.removeOnFail).toEqual({ age: expect.any(Number) });

    const stored = await queueStoreText();
    expect(stored).toContain(task.id); // the store was read
    expect(stored).not.toContain(canary.name);
    expect(stored).not.toContain(canary.accountId);
    expect(stored).not.toContain(`quoted-${runId}`);
  });

  it("is retried to the end by staff after the age limit removed its failed job", async () => {
    healthy = false;
    const { reference } = await fileAndApprove("aged");
    const task = await failedTaskOf(reference);
    const job = await failedJobOf(task.id);
    await job?.remove(); // what the age limit does
    healthy = true;
    await retryConnectorTask(task.id, staff);
    const [done] = await waitForRequests([reference], "COMPLETED", 60_000);
    expect(done.tasks.map((t) => t.status)).toEqual(["SUCCEEDED"]);
  });

  it("leaves no job of a purged request in any queue", async () => {
    healthy = false;
    const { reference, id } = await fileAndApprove("purged");
    const task = await failedTaskOf(reference);
    await failedJobOf(task.id);
    const emails = await db().emailMessage.findMany({ where: { requestId: id }, select: { id: true } });
    const jobs = [
      { queue: connectorQueueName(key), jobId: `task-${task.id}` },
      { queue: queueNames.fulfilment, jobId: `finalise-${id}` },
      ...emails.map((email) => ({ queue: queueNames.email, jobId: `email-${email.id}` })),
    ];
    const before = await Promise.all(jobs.map(async ({ queue, jobId }) => Boolean(await getQueue(queue).getJob(jobId))));
    expect(before.filter(Boolean).length).toBeGreaterThanOrEqual(3); // the task, the finaliser, the confirmation email

    // Closed by hand long ago: past any retention period.
    const closedAt = new Date(Date.now() - 800 * DAY);
    await db().dsarRequest.update({ where: { id }, data: { status: "COMPLETED", closedAt, receivedAt: closedAt } });
    const run = await runRetentionPurge();
    expect(run.jobs).toBeGreaterThanOrEqual(3);
    const after = await Promise.all(jobs.map(async ({ queue, jobId }) => Boolean(await getQueue(queue).getJob(jobId))));
    expect(after).toEqual(jobs.map(() => false));
  });
});
