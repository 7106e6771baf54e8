// What a failing job leaves in the queue store: a processor's error that quotes the person (a
// database refusing a value, a mail server refusing an address) is stored scrubbed, as it would be
// logged, in the failed job and in the events stream the dashboard reads.
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { registerWorker } from "../../workers/register-worker.ts";

const { queueRuntime } = await import("../../lib/queue/backend.ts");
const { enqueue, getQueue } = await import("../../lib/queue/enqueue.ts");
const { queueNames } = await import("../../lib/queue/jobs.ts");
const { cleanOldFailedJobs } = await import("../../lib/retention/clean-old-failed-jobs.ts");

const person = { name: "Ottilie Scrubtest", email: "ottilie.scrubtest@example.test" };

const worker = registerWorker(queueNames.maintenance, {
  "maintenance.purge-expired-records": async () => {
    throw new Error(`duplicate key value violates unique constraint: Key (name)=(${person.name}); 550 <${person.email}> rejected`);
  },
});

afterAll(async () => {
  await worker.close();
});

describe("a processor's error in the queue store", () => {
  it("is kept without the values and addresses it quoted", async () => {
    const job = await enqueue("maintenance.purge-expired-records", {}, { jobId: `scrub-${Date.now()}` });
    const queue = getQueue(queueNames.maintenance);
    for (let tries = 0; tries < 100 && (await queue.getJobState(job.id as string)) !== "failed"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Read once failed: a copy read before would not have the reason.
    const failed = await queue.getJob(job.id as string);
    expect(failed?.failedReason).toBe("duplicate key value violates unique constraint: Key (name)=([redacted]); 550 <[email]> rejected");
    expect((failed?.stacktrace ?? []).join("\n")).not.toContain(person.name);
    const redis = queueRuntime().connection as Redis;
    const events = JSON.stringify(await redis.xrange(`${queueRuntime().prefix}:${queueNames.maintenance}:events`, "-", "+"));
    expect(events).toContain("[redacted]"); // the stream was read, and holds the failure
    expect(events).not.toContain(person.name);
    expect(events).not.toContain(person.email);
  });

  it("leaves the store once older than the age limit, even when nothing else fails in its queue", async () => {
    const job = await enqueue("maintenance.purge-expired-records", {}, { jobId: `aged-${Date.now()}` });
    const queue = getQueue(queueNames.maintenance);
    for (let tries = 0; tries < 100 && (await queue.getJobState(job.id as string)) !== "failed"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await queue.getJobState(job.id as string)).toBe("failed");
    await cleanOldFailedJobs(3_600_000); // younger than an hour: kept
    expect(await queue.getJobState(job.id as string)).toBe("failed");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await cleanOldFailedJobs(10)).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(job.id as string)).toBeUndefined();
  });
});
