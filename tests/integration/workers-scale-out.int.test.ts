// `npm run workers` twice on one Redis and one PostgreSQL, as two processes (or two machines) would
// run it: one maintenance schedule between them, each deadline reminder sent once however many
// sweeps race, each connector task run once, and a connector's concurrency held across both
// processes (it protects the source, so a second process must not double it).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedSource, startSignedSource } from "../support/signed-source.ts";

// Queues of this file's own: the two processes keep their maintenance schedule here, not where
// other files look.
process.env.QUEUE_PREFIX = `dsarscale${randomBytes(4).toString("hex")}`;

const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { closeFlowProducer } = await import("../../lib/fulfilment/start-fulfilment.ts");
const { closeQueues, getQueue } = await import("../../lib/queue/enqueue.ts");
const { queueNames } = await import("../../lib/queue/jobs.ts");
const { closeQueueRuntime } = await import("../../lib/queue/backend.ts");
const { controllerToday } = await import("../../lib/staff/dashboard-query.ts");
const { insertRequest } = await import("../../lib/staff/dashboard-fixtures.test-support.ts");
const { listEmails } = await import("../support/mailbox.ts");
const { createStaff } = await import("../support/staff-requests.ts");
const { fileVerifiedRequest, waitForRequests } = await import("../support/fulfilment-requests.ts");
const { startWorkerProcess, stopWorkerProcess } = await import("../support/worker-process.ts");
const { waitUntil } = await import("../support/wait-until.ts");

type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>;
const processes: WorkerProcess[] = [];
const staffActor = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };

// Each call held long enough for the other process to take the next task, were it allowed to.
let source: SignedSource;

beforeAll(async () => {
  source = await startSignedSource(() => ({ status: 200, holdMs: 2_000 }));
  const yaml = `connectors:
  - key: scale-source
    name: One call at a time
    type: http
    actions: [access]
    maxAttempts: 3
    concurrency: 1
    config: { url: "\${SOURCE_URL}", secret: "\${SOURCE_SECRET}", timeoutSeconds: 20 }
`;
  const { entries, problems } = await readConnectorsFile(yaml, { SOURCE_URL: source.url, SOURCE_SECRET: source.secret });
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
  // Two processes, started together as a deployment would start them.
  // Each compiles the workers with tsx first: slow on a busy machine.
  processes.push(...(await Promise.all([startWorkerProcess(process.env, 240_000), startWorkerProcess(process.env, 240_000)])));
}, 300_000);

afterAll(async () => {
  await Promise.all(processes.map((worker) => stopWorkerProcess(worker, "SIGTERM")));
  const maintenance = getQueue(queueNames.maintenance);
  for (const scheduler of await maintenance.getJobSchedulers()) await maintenance.removeJobScheduler(scheduler.key);
  await maintenance.obliterate({ force: true });
  await source.close();
  await closeFlowProducer();
  await closeQueues();
  await closeQueueRuntime();
}, 60_000);

describe("two worker processes on one Redis and one PostgreSQL", () => {
  it("keep one maintenance schedule: each scheduled sweep has one next run, not one per process", async () => {
    const maintenance = getQueue(queueNames.maintenance);
    const schedulers = await maintenance.getJobSchedulers();
    expect(schedulers.length).toBeGreaterThanOrEqual(9);
    const upcoming = await maintenance.getJobs(["delayed"]);
    for (const scheduler of schedulers) {
      const next = upcoming.filter((job) => job.repeatJobKey === scheduler.key);
      expect(next.length, scheduler.key).toBeLessThanOrEqual(1);
    }
  });

  it("send each deadline reminder once when both run the sweep at the same time, several times over", async () => {
    const today = controllerToday(new Date());
    const agent = await createStaff("AGENT");
    const requests = [];
    for (let i = 0; i < 5; i++) {
      requests.push(await insertRequest(today, { email: null, status: "VERIFIED", dueInDays: 3, assigneeId: agent.id }));
    }
    // Six sweeps at once: each process runs one at a time, so the two race each other throughout.
    const maintenance = getQueue(queueNames.maintenance);
    const sweeps = await Promise.all(
      Array.from({ length: 6 }, (_, i) => maintenance.add("maintenance.send-deadline-reminders", {}, { jobId: `race-${agent.id}-${i}` })),
    );
    await waitUntil(
      async () => (await Promise.all(sweeps.map((job) => job.getState()))).every((state) => state === "completed"),
      "sweeps done",
    );
    const ids = requests.map((request) => request.id);
    const notices = await db().staffNotification.findMany({ where: { dedupeKey: { startsWith: "due:" }, requestId: { in: ids } } });
    expect(notices.map((notice) => notice.requestId).sort()).toEqual([...ids].sort());
    const emails = await db().emailMessage.findMany({ where: { staffUserId: agent.id, template: "staff-deadline-reminder" } });
    expect(emails).toHaveLength(ids.length);
    await waitUntil(
      async () =>
        (await db().emailMessage.count({ where: { id: { in: emails.map((email) => email.id) }, status: "SENT" } })) === ids.length,
      "reminders delivered",
    );
    const received = await listEmails(process.env.MAIL_CATCHER_URL as string, agent.email);
    for (const request of requests) {
      expect(
        received.filter((message) => message.text.includes(request.reference)),
        request.reference,
      ).toHaveLength(1);
    }
  }, 120_000);

  it("run each connector task once, and never more of a connector's tasks at once than its concurrency", async () => {
    const references = [];
    for (let i = 0; i < 4; i++)
      references.push(await fileVerifiedRequest(`scale.${randomBytes(4).toString("hex")}@example.test`, "access"));
    // Approved together, so tasks wait while one is held: the other process would take one, were it allowed to.
    await Promise.all(references.map((reference) => approveRequest({ reference, actor: staffActor })));
    const done = await waitForRequests(references, "COMPLETED", 90_000);
    const tasks = done.flatMap((request) => request.tasks);
    expect(tasks).toHaveLength(references.length);
    for (const task of tasks) {
      expect(task.status).toBe("SUCCEEDED");
      expect(source.callsFor(task.id), task.id).toBe(1);
    }
    expect(source.mostAtOnce()).toBe(1);
  }, 150_000);
});
