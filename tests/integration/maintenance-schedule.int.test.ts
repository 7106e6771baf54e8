// The maintenance schedule's jobs keep an age limit like every enqueued job: a failed sweep (its
// error scrubbed, see job-errors.int.test.ts) leaves the queue store after FAILED_JOB_AGE_SECONDS.
import { afterAll, describe, expect, it } from "vitest";
import { FAILED_JOB_AGE_SECONDS, getQueue } from "../../lib/queue/enqueue.ts";
import { queueNames } from "../../lib/queue/jobs.ts";
import { scheduleMaintenance } from "../../workers/index.ts";

const maintenance = getQueue(queueNames.maintenance);

afterAll(async () => {
  // Later test files share this queue: no schedule and no sweep of this file may run there.
  for (const scheduler of await maintenance.getJobSchedulers()) await maintenance.removeJobScheduler(scheduler.key);
  await maintenance.drain(true);
});

describe("the maintenance schedule", () => {
  it("gives every scheduled job an age limit once failed or done", async () => {
    await scheduleMaintenance();
    const schedulers = await maintenance.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toContain("retention-purge");
    expect(schedulers.length).toBeGreaterThanOrEqual(8);
    for (const scheduler of schedulers) {
      expect(scheduler.template?.opts?.removeOnFail, scheduler.key).toEqual({ age: FAILED_JOB_AGE_SECONDS });
      expect(scheduler.template?.opts?.removeOnComplete, scheduler.key).toEqual({ age: 86_400, count: 1000 });
    }
  });
});
