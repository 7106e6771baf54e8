// The outbox loses nothing: an SMTP server that is down gets the message once it is back, and a
// message whose job was never enqueued is picked up by the redelivery sweep.
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type MailCatcher, startMailCatcher } from "../../scripts/dev/mail-catcher.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// This file talks to an SMTP server of its own, which the test stops and starts again.
const smtpPort = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}?tls=off`;

const { runWorkersDuringTests } = await import("../../tests/support/use-workers.ts");
const { db } = await import("../db.ts");
const { createSubmission } = await import("../requests/create-submission.ts");
const { queueEmail } = await import("./queue-email.ts");
const { redeliverPendingEmails } = await import("./redeliver-pending-emails.ts");
const { getQueue } = await import("../queue/enqueue.ts");
const { queueNames } = await import("../queue/jobs.ts");

runWorkersDuringTests();
let catcher: MailCatcher | undefined;
afterAll(async () => {
  await catcher?.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not there within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the email outbox", () => {
  it("keeps retrying while SMTP is down and delivers once it is back", async () => {
    const email = `outage${Date.now()}@example.test`;
    const created = await createSubmission({ input: { types: ["access"], email, country: "FR" }, channel: "WEB" });
    const row = await waitFor(async () => {
      const message = await db().emailMessage.findFirst({ where: { requestId: created.requests[0].id } });
      return message && message.attempts >= 1 ? message : undefined;
    }, 15_000);
    expect(row.status).toBe("PENDING");
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);

    catcher = await startMailCatcher({ smtpPort, httpPort: 0 });
    const delivered = await waitFor(async () => {
      const message = await db().emailMessage.findUniqueOrThrow({ where: { id: row.id } });
      return message.status === "SENT" ? message : undefined;
    }, 45_000);
    expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    expect(catcher.messages().filter((m) => m.to.includes(email))).toHaveLength(1);
  }, 60_000);

  it("delivers a message whose job was lost, once, through the redelivery sweep", async () => {
    catcher ??= await startMailCatcher({ smtpPort, httpPort: 0 });
    const email = `lost${Date.now()}@example.test`;
    const emailId = await db().$transaction((tx) =>
      queueEmail(tx, {
        template: "request-withdrawn",
        locale: "en",
        to: email,
        props: { reference: "DSR-TEST-0001", type: "access", statusUrl: "http://localhost:3000/en/status/x" },
      }),
    );
    const inThreeMinutes = new Date(Date.now() + 3 * 60_000);
    expect((await redeliverPendingEmails(inThreeMinutes)).requeued).toBeGreaterThanOrEqual(1);
    // A second sweep while the job exists adds nothing.
    expect((await redeliverPendingEmails(inThreeMinutes)).requeued).toBe(0);
    await waitFor(
      async () => ((await db().emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status === "SENT" ? true : undefined),
      20_000,
    );
    // Settled, without waiting an arbitrary time: the message's one job (its id is the message's)
    // has completed and no other job for it is queued, so no second delivery can still come.
    const queue = getQueue(queueNames.email);
    await waitFor(async () => ((await (await queue.getJob(`email-${emailId}`))?.getState()) === "completed" ? true : undefined), 20_000);
    const queued = await queue.getJobs(["waiting", "active", "delayed", "prioritized", "waiting-children"]);
    expect(queued.filter((job) => job.data?.emailId === emailId)).toEqual([]);
    expect(catcher.messages().filter((m) => m.to.includes(email))).toHaveLength(1);
  }, 40_000);
});
