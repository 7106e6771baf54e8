// The answer cannot be built in any of its attempts (the storage folder unusable): the request
// stays in progress, and staff see why on its page, in their language, with a button that builds
// it again once the cause is fixed. Without this, the request sat "in progress" with nothing said.
//
// The fault: `STORAGE_DIR/packages` is a regular file, so the packages folder cannot be created.
// The finaliser job is given one attempt, so its first failure is its last.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createElement } from "react";
import { afterAll, describe, expect, it } from "vitest";

const storageDir = mkdtempSync(join(tmpdir(), "dsar-finalise-failure-"));
process.env.STORAGE_DIR = storageDir;
const packagesDir = join(storageDir, "packages");

const { db } = await import("../../lib/db.ts");
const { enqueue, getQueue } = await import("../../lib/queue/enqueue.ts");
const { queueNames } = await import("../../lib/queue/jobs.ts");
const { runFinaliseJob } = await import("../../lib/fulfilment/finalise-job.ts");
const { retryFinalise } = await import("../../lib/fulfilment/retry-finalise.ts");
const { getRequestDetails } = await import("../../lib/requests/get-request-details.ts");
const { seedRequests } = await import("../../lib/reports/report-seed.test-support.ts");
const { TasksSection } = await import("../../app/staff/requests/[id]/_components/tasks-section.tsx");
const { renderStaff } = await import("../support/render-staff.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { waitUntil } = await import("../support/wait-until.ts");

runWorkersDuringTests();
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };

/** An approved access request whose connector work is done (it has none): only its answer is left to build. */
async function requestToFinalise() {
  const reference = `FIN-${randomUUID().slice(0, 8)}`;
  await seedRequests([
    {
      reference,
      type: "ACCESS",
      status: "IN_PROGRESS",
      jurisdiction: "EU_GDPR",
      receivedAt: new Date().toISOString(),
      dueDate: "2027-01-07",
    },
  ]);
  return db().dsarRequest.update({ where: { reference }, data: { email: `${reference.toLowerCase()}@example.test`, locale: "en" } });
}

const failureOf = (id: string) =>
  db().dsarRequest.findUniqueOrThrow({ where: { id }, select: { status: true, finaliseFailedAt: true, finaliseError: true } });

describe("an answer that cannot be built", () => {
  it("is recorded on the request only when the last attempt fails", async () => {
    writeFileSync(packagesDir, "not a folder");
    try {
      const request = await requestToFinalise();
      await expect(runFinaliseJob(request.id, { attemptsMade: 0, opts: { attempts: 5 } })).rejects.toThrow(/STORAGE_DIR/);
      expect((await failureOf(request.id)).finaliseFailedAt).toBeNull();
      await expect(runFinaliseJob(request.id, { attemptsMade: 4, opts: { attempts: 5 } })).rejects.toThrow(/STORAGE_DIR/);
      const failed = await failureOf(request.id);
      expect(failed.status).toBe("IN_PROGRESS");
      expect(failed.finaliseFailedAt).toBeInstanceOf(Date);
      expect(failed.finaliseError).toContain("STORAGE_DIR");
      const events = await db().auditEvent.findMany({ where: { requestId: request.id, action: "request.finalise-failed" } });
      expect(events.map((event) => event.data)).toEqual([{ attempts: 5 }]);
    } finally {
      rmSync(packagesDir, { force: true });
    }
  });

  it("shows staff the cause in their language, and builds it again when they retry (the failed job itself)", async () => {
    writeFileSync(packagesDir, "not a folder");
    const request = await requestToFinalise();
    const jobId = `finalise-${request.id}`;
    await enqueue("fulfilment.finalise", { requestId: request.id }, { jobId, attempts: 1 });
    const failed = await waitUntil(async () => (await failureOf(request.id)).finaliseFailedAt, "the failure recorded by the worker");
    expect(failed).toBeInstanceOf(Date);
    expect(await (await getQueue(queueNames.fulfilment).getJob(jobId))?.isFailed()).toBe(true);

    const details = await getRequestDetails(request.reference, { locale: "fr" });
    expect(details.actions.retryFinalise).toBe(true);
    const html = renderStaff(createElement(TasksSection, { details, canManage: true, timeZone: "Europe/Paris" }), "fr");
    expect(html).toContain("La réponse n&#x27;a pas pu être préparée");
    expect(html).toContain("STORAGE_DIR");
    expect(html).toContain(">Relancer la préparation</button>");
    // A member without tasks.manage reads the cause but gets no button.
    const readOnly = renderStaff(createElement(TasksSection, { details, canManage: false, timeZone: "Europe/Paris" }), "fr");
    expect(readOnly).toContain("STORAGE_DIR");
    expect(readOnly).not.toContain("Relancer la préparation");

    // Fixed, then retried: the same job runs again and the request completes with its package.
    rmSync(packagesDir);
    mkdirSync(packagesDir);
    await retryFinalise(request.reference, staff);
    const done = await waitUntil(async () => {
      const now = await failureOf(request.id);
      return now.status === "COMPLETED" ? now : null;
    }, "the request completed");
    expect(done.finaliseFailedAt).toBeNull();
    expect(done.finaliseError).toBeNull();
    expect(await db().exportArtifact.count({ where: { requestId: request.id } })).toBe(1);
    const actions = (await db().auditEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["request.finalise-failed", "request.finalise-retried", "request.completed"]);
    // Nothing is left to retry.
    await expect(retryFinalise(request.reference, staff)).rejects.toThrow(/nothing to retry/);
  });

  it("adds the finaliser again when the queue store no longer holds the failed job", async () => {
    const request = await requestToFinalise();
    await db().dsarRequest.update({ where: { id: request.id }, data: { finaliseFailedAt: new Date(), finaliseError: "earlier failure" } });
    expect(await getQueue(queueNames.fulfilment).getJob(`finalise-${request.id}`)).toBeUndefined();
    await retryFinalise(request.reference, staff);
    await waitUntil(async () => (await failureOf(request.id)).status === "COMPLETED", "the request completed");
  });

  it("refuses a retry for a request whose answer has not failed", async () => {
    const request = await requestToFinalise();
    await expect(retryFinalise(request.reference, staff)).rejects.toThrow(/nothing to retry/);
    await expect(retryFinalise("NO-SUCH-REF", staff)).rejects.toThrow(/No request has the reference/);
  });
});
