// Every pair of changes to one request, run at the same moment against the real database: a
// request is in one state at a time. Each pair gets a fresh request in a state where the two could
// race. A gate (another connection holding the request's and its tasks' rows) lets both services
// read the request and reach their first write before either may write, then lets them go: the
// interleaving the issue describes, every time, without depending on timing. Then the table's rule
// for the pair is checked (one wins and the other gets a CONFLICT; or both may succeed, in an order
// the outcome shows), and the audit log, the emails and the status must match the winner(s); a
// request that ends closed has no open task, no queued job and no staging file.
import { randomBytes, randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../tests/support/staff-requests.ts";
import { sealConnectorConfig } from "../connectors/connector-config.ts";
import { signPayload } from "../connectors/http/index.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { finaliseRequest } from "../fulfilment/finalise-request.ts";
import { receiveConnectorCallback } from "../fulfilment/receive-connector-callback.ts";
import { removeRequestJobs } from "../fulfilment/remove-request-jobs.ts";
import { retryConnectorTask } from "../fulfilment/retry-connector-task.ts";
import { readStagingFile, storagePath } from "../fulfilment/staging-file.ts";
import { closeFlowProducer } from "../fulfilment/start-fulfilment.ts";
import type { RequestStatus } from "../generated/prisma/enums.ts";
import { closeQueueRuntime } from "../queue/backend.ts";
import { closeQueues, getQueue } from "../queue/enqueue.ts";
import { connectorQueueName, queueNames } from "../queue/jobs.ts";
import { answerInformationRequest } from "./answer-information-request.ts";
import { approveRequest } from "./approve-request.ts";
import { askForInformation } from "./ask-for-information.ts";
import { closeRequest } from "./close-request.ts";
import { createSubmission } from "./create-submission.ts";
import { denyRequest } from "./deny-request.ts";
import { extendDeadline } from "./extend-deadline.ts";
import { issueStatusToken } from "./status-links.ts";
import { withdrawRequest } from "./withdraw-request.ts";

const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000031" };
const secret = randomBytes(24).toString("hex");
let httpConnector: { id: string; key: string };
let idleConnector: { id: string; key: string };
let gate: pg.Client;
let watcher: pg.Client;
const created: string[] = [];

beforeAll(async () => {
  const suffix = randomBytes(3).toString("hex");
  // Disabled, so no approval picks them: tasks are hung on them by hand. One enabled connector
  // gives an approval something to start.
  httpConnector = await db().connector.create({
    data: {
      key: `race-http-${suffix}`,
      name: "Race CRM",
      type: "http",
      actions: ["ACCESS"],
      enabled: false,
      configEncrypted: sealConnectorConfig({ url: "http://127.0.0.1:9/dsar", secret }),
    },
  });
  idleConnector = await db().connector.create({
    data: {
      key: `race-idle-${suffix}`,
      name: "Race archive",
      type: "manual",
      actions: ["ACCESS"],
      enabled: false,
      configEncrypted: sealConnectorConfig({ instructions: "Look in the drawer." }),
    },
  });
  await db().connector.create({
    data: {
      key: `race-manual-${suffix}`,
      name: "Race paper forms",
      type: "manual",
      actions: ["ACCESS"],
      enabled: true,
      configEncrypted: sealConnectorConfig({ instructions: "Look in the cabinet." }),
    },
  });
  gate = new pg.Client({ connectionString: process.env.DATABASE_URL });
  watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  await watcher.connect();
});

afterAll(async () => {
  await gate?.end();
  await watcher?.end();
  // The jobs approvals and retries queued here are not left for the workers of later files.
  const tasks = await db().connectorTask.findMany({ where: { requestId: { in: created } }, include: { connector: true } });
  for (const requestId of created) {
    const own = tasks.filter((task) => task.requestId === requestId);
    await removeRequestJobs(
      requestId,
      own.map((task) => ({ id: task.id, connectorKey: task.connector.key })),
    );
  }
  // No request of this file stays approved with work to do for a later file's workers.
  await db().connector.updateMany({ where: { key: { startsWith: "race-" } }, data: { enabled: false } });
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
});

// ---------------------------------------------------------------------------------------------
// Where a pair starts.

type Start = "verified" | "awaiting" | "failed-task" | "waiting-callback" | "all-done" | "callback-and-failed";

type Fixture = {
  id: string;
  reference: string;
  statusToken: string;
  start: RequestStatus;
  callbackTaskId?: string;
  failedTaskId?: string;
};

async function prepare(start: Start): Promise<Fixture> {
  const submission = await createSubmission({
    input: { types: ["access"], email: uniqueEmail("race"), country: "FR", locale: "en" },
    channel: "WEB",
  });
  const { id, reference } = submission.requests[0];
  created.push(id);
  const statusToken = await issueStatusToken(db() as never, submission.submissionId);
  await db().dsarRequest.update({ where: { id }, data: { status: "VERIFIED", verifiedAt: new Date() } });
  const fixture: Fixture = { id, reference, statusToken, start: "VERIFIED" };
  if (start === "verified") return fixture;
  if (start === "awaiting") {
    await askForInformation({ reference, input: { message: "Which account did you use with us?" }, actor: staff });
    return { ...fixture, start: "AWAITING_SUBJECT" };
  }
  await db().dsarRequest.update({ where: { id }, data: { status: "IN_PROGRESS", decidedAt: new Date() } });
  if (start === "all-done") {
    const receipt = { records: 0, categories: {} };
    await db().connectorTask.create({
      data: { requestId: id, connectorId: idleConnector.id, action: "ACCESS", status: "SUCCEEDED", receipt },
    });
  }
  if (start === "failed-task" || start === "callback-and-failed") {
    const failed = await db().connectorTask.create({
      data: { requestId: id, connectorId: idleConnector.id, action: "ACCESS", status: "FAILED", attempts: 5, lastError: "down" },
    });
    fixture.failedTaskId = failed.id;
  }
  if (start === "waiting-callback" || start === "callback-and-failed") {
    const waiting = await db().connectorTask.create({
      data: {
        requestId: id,
        connectorId: httpConnector.id,
        action: "ACCESS",
        status: "WAITING_CALLBACK",
        callbackDeadline: new Date(Date.now() + 3_600_000),
        attempts: 1,
      },
    });
    fixture.callbackTaskId = waiting.id;
  }
  return { ...fixture, start: "IN_PROGRESS" };
}

// ---------------------------------------------------------------------------------------------
// The ten changes. Each answers "ok" when it changed the request, "noop" when it found nothing to
// do (a finaliser with tasks still open, a callback already received), or throws.

const opNames = ["approve", "deny", "withdraw", "ask", "answer", "extend", "close", "finalise", "callback", "retry"] as const;
type Op = (typeof opNames)[number];
type Outcome = "ok" | "noop";

function callbackCall(taskId: string) {
  const body = JSON.stringify({ records: [{ category: "contacts", fields: { email: "race@example.test", plan: "gold" } }] });
  const { timestamp, signature } = signPayload(secret, body);
  return receiveConnectorCallback(taskId, body, new Headers({ "x-dsar-timestamp": timestamp, "x-dsar-signature": signature }));
}

/** A change that returns once done. */
const ok = (call: Promise<unknown>): Promise<Outcome> => call.then(() => "ok");

const run: Record<Op, (f: Fixture, now: Date) => Promise<Outcome>> = {
  approve: (f, now) => ok(approveRequest({ reference: f.reference, actor: staff, now })),
  deny: (f, now) => ok(denyRequest({ reference: f.reference, reason: "NO_DATA_HELD", actor: staff, now })),
  withdraw: (f, now) => ok(withdrawRequest(f.statusToken, f.reference, now)),
  ask: (f, now) =>
    ok(askForInformation({ reference: f.reference, input: { message: "Please send your order number." }, actor: staff, now })),
  answer: (f, now) => ok(answerInformationRequest(f.statusToken, f.reference, { answer: "It is 1234." }, now)),
  extend: (f, now) =>
    ok(extendDeadline({ reference: f.reference, input: { reason: "Many sources hold data to search." }, actor: staff, now })),
  close: (f, now) => ok(closeRequest({ reference: f.reference, outcome: "FULFILLED", actor: staff, now })),
  finalise: async (f) => ((await finaliseRequest(f.id)) === "completed" ? "ok" : "noop"),
  // Without a task waiting for one (before approval), the callback names a task that does not exist.
  callback: async (f) => ((await callbackCall(f.callbackTaskId ?? randomUUID())).status === "accepted" ? "ok" : "noop"),
  retry: (f) => ok(retryConnectorTask(f.failedTaskId ?? randomUUID(), staff, { reference: f.reference })),
};

/** What each change leaves in the audit log and the outbox, and the status it moves the request to. */
const effects: Record<Op, { audit: string; email?: string; status?: RequestStatus }> = {
  approve: { audit: "request.approved", status: "IN_PROGRESS" },
  deny: { audit: "request.denied", email: "request-denied", status: "DENIED" },
  withdraw: { audit: "request.withdrawn", email: "request-withdrawn", status: "WITHDRAWN" },
  ask: { audit: "request.information-requested", email: "information-requested", status: "AWAITING_SUBJECT" },
  answer: { audit: "request.information-received", status: "VERIFIED" },
  extend: { audit: "clock.extend", email: "deadline-extended" },
  close: { audit: "request.closed", email: "request-closed", status: "COMPLETED" },
  finalise: { audit: "request.completed", email: "package-ready", status: "COMPLETED" },
  callback: { audit: "connector.task-succeeded" },
  retry: { audit: "connector.task-retried" },
};

// ---------------------------------------------------------------------------------------------
// The table. Rules:
//   one        exactly one succeeds; the other is refused with one of `loser` (CONFLICT unless said)
//   both       both succeed (compatible: each leaves the other's condition true)
//   first      `a` always succeeds; `b` succeeds if it went first, else CONFLICT (both orders valid)
//   only       `a` succeeds; `b` is refused (or finds nothing to do) whatever the order: the start
//              state allows `a` only (`b` needs a state no state shared with `a` gives)
//   once       both answer success, but the change is made (and audited, and emailed) once

type Rule = { rule: "one"; loser?: string[] } | { rule: "both" } | { rule: "first" } | { rule: "only"; refusal: string } | { rule: "once" };
type Row = { a: Op; b: Op; start: Start; why: string } & Rule;

const table: Row[] = [
  { a: "approve", b: "approve", start: "verified", rule: "one", why: "a double click approves once" },
  { a: "approve", b: "deny", start: "verified", rule: "one", why: "approved or denied, not both" },
  { a: "approve", b: "withdraw", start: "verified", rule: "one", why: "both read VERIFIED" },
  { a: "approve", b: "ask", start: "verified", rule: "one", why: "approved or awaiting the person" },
  { a: "approve", b: "answer", start: "verified", rule: "only", refusal: "INVALID_STATE", why: "nothing was asked" },
  { a: "approve", b: "extend", start: "verified", rule: "both", why: "an extension holds whatever the request's open status" },
  { a: "approve", b: "close", start: "verified", rule: "only", refusal: "INVALID_STATE", why: "close needs an approved request" },
  { a: "approve", b: "finalise", start: "verified", rule: "only", refusal: "noop", why: "nothing to finalise before approval" },
  { a: "approve", b: "callback", start: "verified", rule: "only", refusal: "UNAUTHORIZED", why: "no task exists before approval" },
  { a: "approve", b: "retry", start: "verified", rule: "only", refusal: "NOT_FOUND", why: "no task exists before approval" },
  { a: "deny", b: "deny", start: "verified", rule: "one", why: "denied once, one email" },
  { a: "deny", b: "withdraw", start: "awaiting", rule: "one", why: "denied or withdrawn" },
  { a: "deny", b: "ask", start: "verified", rule: "one", why: "a denied request must not await the person" },
  { a: "answer", b: "deny", start: "awaiting", rule: "one", why: "a denial racing the answer must not be reopened" },
  { a: "deny", b: "extend", start: "verified", rule: "first", why: "an extension before the denial stands" },
  { a: "deny", b: "close", start: "verified", rule: "only", refusal: "INVALID_STATE", why: "close needs an approved request" },
  { a: "finalise", b: "deny", start: "all-done", rule: "only", refusal: "INVALID_STATE", why: "an approved request is not denied" },
  { a: "callback", b: "deny", start: "waiting-callback", rule: "only", refusal: "INVALID_STATE", why: "an approved request is not denied" },
  { a: "retry", b: "deny", start: "failed-task", rule: "only", refusal: "INVALID_STATE", why: "an approved request is not denied" },
  { a: "withdraw", b: "withdraw", start: "verified", rule: "once", why: "two tabs withdraw once" },
  { a: "withdraw", b: "ask", start: "verified", rule: "one", why: "a withdrawn request must not await the person" },
  { a: "withdraw", b: "answer", start: "awaiting", rule: "one", why: "withdrawn or answered" },
  { a: "withdraw", b: "extend", start: "verified", rule: "first", why: "an extension before the withdrawal stands" },
  { a: "withdraw", b: "close", start: "failed-task", rule: "one", why: "withdrawn or closed" },
  { a: "withdraw", b: "finalise", start: "all-done", rule: "one", loser: ["CONFLICT", "noop"], why: "withdrawn or completed" },
  { a: "withdraw", b: "callback", start: "waiting-callback", rule: "first", why: "a result received before stands" },
  { a: "withdraw", b: "retry", start: "failed-task", rule: "first", why: "a retry before is cancelled with its job" },
  { a: "ask", b: "ask", start: "verified", rule: "one", why: "both read VERIFIED: one question pauses the clock" },
  { a: "answer", b: "ask", start: "awaiting", rule: "first", why: "asking again before the answer stands" },
  { a: "ask", b: "extend", start: "verified", rule: "both", why: "the request stays open either way" },
  { a: "close", b: "ask", start: "failed-task", rule: "only", refusal: "INVALID_STATE", why: "an approved request asks nothing" },
  { a: "finalise", b: "ask", start: "all-done", rule: "only", refusal: "INVALID_STATE", why: "an approved request asks nothing" },
  { a: "callback", b: "ask", start: "waiting-callback", rule: "only", refusal: "INVALID_STATE", why: "an approved request asks nothing" },
  { a: "retry", b: "ask", start: "failed-task", rule: "only", refusal: "INVALID_STATE", why: "an approved request asks nothing" },
  { a: "answer", b: "answer", start: "awaiting", rule: "one", why: "a double-submitted answer resumes the clock once" },
  { a: "answer", b: "extend", start: "awaiting", rule: "both", why: "the request stays open either way" },
  { a: "close", b: "answer", start: "failed-task", rule: "only", refusal: "INVALID_STATE", why: "nothing was asked" },
  { a: "finalise", b: "answer", start: "all-done", rule: "only", refusal: "INVALID_STATE", why: "nothing was asked" },
  { a: "callback", b: "answer", start: "waiting-callback", rule: "only", refusal: "INVALID_STATE", why: "nothing was asked" },
  { a: "retry", b: "answer", start: "failed-task", rule: "only", refusal: "INVALID_STATE", why: "nothing was asked" },
  { a: "extend", b: "extend", start: "verified", rule: "one", loser: ["DEADLINE_REFUSED"], why: "the law allows one extension" },
  { a: "close", b: "extend", start: "failed-task", rule: "first", why: "an extension before the close stands" },
  { a: "finalise", b: "extend", start: "all-done", rule: "first", why: "an extension before completion stands" },
  { a: "callback", b: "extend", start: "waiting-callback", rule: "both", why: "a task's result and the deadline are independent" },
  { a: "retry", b: "extend", start: "failed-task", rule: "both", why: "a task's retry and the deadline are independent" },
  { a: "close", b: "close", start: "failed-task", rule: "one", why: "closed once, one email" },
  { a: "close", b: "finalise", start: "all-done", rule: "one", loser: ["CONFLICT", "noop"], why: "one closing email, never two" },
  { a: "close", b: "callback", start: "waiting-callback", rule: "first", why: "a result received before the close stands" },
  { a: "close", b: "retry", start: "failed-task", rule: "one", why: "closed, or the task queued again (then close waits)" },
  { a: "finalise", b: "finalise", start: "all-done", rule: "one", loser: ["noop"], why: "one package, one email" },
  { a: "callback", b: "finalise", start: "waiting-callback", rule: "only", refusal: "noop", why: "the finaliser read the task open" },
  { a: "retry", b: "finalise", start: "failed-task", rule: "only", refusal: "noop", why: "the finaliser read the task failed" },
  { a: "callback", b: "callback", start: "waiting-callback", rule: "one", loser: ["CONFLICT", "noop"], why: "one file, one key" },
  { a: "callback", b: "retry", start: "callback-and-failed", rule: "both", why: "two different tasks" },
  { a: "retry", b: "retry", start: "failed-task", rule: "one", why: "queued once" },
];

// ---------------------------------------------------------------------------------------------

const closedStatuses: RequestStatus[] = ["WITHDRAWN", "COMPLETED", "DENIED"];

function codeOf(result: PromiseSettledResult<Outcome>): string {
  if (result.status === "fulfilled") return result.value;
  if (result.reason instanceof AppError) return result.reason.code;
  throw result.reason;
}

async function snapshot(requestId: string) {
  const [audit, emails] = await Promise.all([
    db().auditEvent.findMany({ where: { requestId }, select: { id: true, action: true }, orderBy: { id: "asc" } }),
    db().emailMessage.findMany({ where: { requestId }, select: { id: true, template: true } }),
  ]);
  return { audit, emails };
}

/** Both calls read the request and reach their first write before either may write. */
async function race(fixture: Fixture, a: Op, b: Op): Promise<[string, string]> {
  const now = new Date();
  await gate.query("BEGIN");
  await gate.query("SELECT id FROM requests WHERE id = $1 FOR UPDATE", [fixture.id]);
  await gate.query(`SELECT id FROM connector_tasks WHERE "requestId" = $1 FOR UPDATE`, [fixture.id]);
  const settled = [false, false];
  const calls = [a, b].map((op, i) =>
    run[op](fixture, now).finally(() => {
      settled[i] = true;
    }),
  );
  const results = Promise.allSettled(calls);
  const deadline = Date.now() + 20_000;
  try {
    for (;;) {
      const { rows } = await watcher.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (rows[0].n + settled.filter(Boolean).length >= 2) break;
      if (Date.now() > deadline) throw new Error(`${a} × ${b}: the calls never reached their first write`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    await gate.query("COMMIT");
  }
  const [first, second] = await results;
  return [codeOf(first), codeOf(second)];
}

async function queuedJobs(requestId: string): Promise<string[]> {
  const tasks = await db().connectorTask.findMany({ where: { requestId }, include: { connector: true } });
  const found: string[] = [];
  const jobs = [
    ...tasks.map((task) => ({ queue: connectorQueueName(task.connector.key), id: `task-${task.id}` })),
    { queue: queueNames.fulfilment, id: `finalise-${requestId}` },
  ];
  for (const { queue, id } of jobs) {
    const job = await getQueue(queue as never).getJob(id);
    const state = job ? await job.getState() : "none";
    if (!["none", "unknown", "completed", "failed"].includes(state)) found.push(`${id} ${state}`);
  }
  return found;
}

async function stagingFilesOf(taskIds: string[]): Promise<string[]> {
  const names = await readdir(storagePath("staging")).catch(() => [] as string[]);
  return names.filter((name) => taskIds.some((id) => name.startsWith(id)));
}

describe("two changes to one request at the same moment", () => {
  it("lists every pair of the ten changes once", () => {
    const pairs = new Set(table.map((row) => [row.a, row.b].sort().join(" × ")));
    expect(pairs.size).toBe(table.length);
    expect(table).toHaveLength((opNames.length * (opNames.length + 1)) / 2);
  });

  for (const row of table) {
    it(`${row.a} × ${row.b} from ${row.start}: ${row.rule} (${row.why})`, async () => {
      const fixture = await prepare(row.start);
      const before = await snapshot(fixture.id);
      const [codeA, codeB] = await race(fixture, row.a, row.b);
      const label = `${row.a}=${codeA} ${row.b}=${codeB}`;

      // The rule of the pair.
      const won = [codeA === "ok", codeB === "ok"];
      if (row.rule === "one") {
        expect(won.filter(Boolean), label).toHaveLength(1);
        expect(row.loser ?? ["CONFLICT"], label).toContain(won[0] ? codeB : codeA);
      } else if (row.rule === "both" || row.rule === "once") {
        expect([codeA, codeB], label).toEqual(["ok", "ok"]);
      } else if (row.rule === "first") {
        expect(codeA, label).toBe("ok");
        expect(["ok", "CONFLICT"], label).toContain(codeB);
      } else {
        expect(codeA, label).toBe("ok");
        expect(codeB, label).toBe(row.refusal);
      }

      // The audit log and the outbox hold what the winners did, once each.
      const after = await snapshot(fixture.id);
      const newAudit = after.audit.filter((event) => !before.audit.some((old) => old.id === event.id));
      const newEmails = after.emails.filter((email) => !before.emails.some((old) => old.id === email.id));
      const succeeded = row.a === row.b ? { [row.a]: won.filter(Boolean).length } : { [row.a]: won[0] ? 1 : 0, [row.b]: won[1] ? 1 : 0 };
      if (row.rule === "once") succeeded[row.a] = 1;
      for (const [op, times] of Object.entries(succeeded)) {
        const effect = effects[op as Op];
        expect(newAudit.filter((event) => event.action === effect.audit).length, `${label}: ${effect.audit}`).toBe(times);
        if (effect.email)
          expect(newEmails.filter((email) => email.template === effect.email).length, `${label}: ${effect.email}`).toBe(times);
      }

      // The status is the one the last winner (in the audit log's order) moved it to.
      const movers = newAudit.filter((event) =>
        Object.entries(succeeded).some(([op, times]) => times > 0 && effects[op as Op].audit === event.action && effects[op as Op].status),
      );
      const last = movers.at(-1);
      const expected = last
        ? (Object.values(effects).find((effect) => effect.audit === last.action)?.status as RequestStatus)
        : fixture.start;
      const request = await db().dsarRequest.findUniqueOrThrow({ where: { id: fixture.id }, include: { tasks: true } });
      expect(request.status, label).toBe(expected);

      // A closed request has nothing left running, queued or staged.
      if (closedStatuses.includes(request.status)) {
        const open = request.tasks.filter((task) => ["PENDING", "RUNNING", "WAITING_CALLBACK", "AWAITING_STAFF"].includes(task.status));
        expect(open, label).toEqual([]);
        expect(await queuedJobs(fixture.id), label).toEqual([]);
        expect(
          request.tasks.filter((task) => task.resultPath !== null),
          label,
        ).toEqual([]);
        expect(await stagingFilesOf(request.tasks.map((task) => task.id)), label).toEqual([]);
      }
      // A received result is one file, which the key kept opens.
      const received = request.tasks.find((task) => task.id === fixture.callbackTaskId && task.status === "SUCCEEDED");
      if (received && !closedStatuses.includes(request.status)) {
        expect(await stagingFilesOf([received.id]), label).toHaveLength(1);
        const records = [];
        for await (const record of readStagingFile(received.resultPath as string, received.resultKeyWrapped as string, "crm")) {
          records.push(record);
        }
        expect(records, label).toEqual([{ source: "crm", category: "contacts", fields: { email: "race@example.test", plan: "gold" } }]);
      }
    });
  }
});
