// End to end: the sweeps' outbox rows go through the real delivery job to the mail catcher, and
// what staff read names the request and links to it, never the person.
import { afterAll, describe, expect, it } from "vitest";
import { waitForEmail } from "../../tests/support/mailbox.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db, disconnectDb } from "../db.ts";
import { createRequest, createStaff, PERSON, removeFixtures, staffRequestUrl } from "./reminder-fixtures.test-support.ts";
import { sendDailyDigests } from "./send-daily-digests.ts";
import { sendDeadlineReminders } from "./send-deadline-reminders.ts";

// A database of its own: the digest goes to every staff member of the database, and the shared
// test database holds hundreds from other files, whose digests would queue ahead of ours.
// Nothing reads the configuration before this line.
const database = await createTestDatabase("delivery");
process.env.DATABASE_URL = database.url;

// Registered before the workers' own hooks, so it runs after they stop (after-hooks run in reverse).
afterAll(async () => {
  await removeFixtures();
  await disconnectDb();
  await database.drop();
});
runWorkersDuringTests();

const catcher = () => process.env.MAIL_CATCHER_URL as string;

async function waitUntilSent(emailId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: emailId } });
    if (row.status === "SENT") return row;
    if (Date.now() > deadline) throw new Error(`email ${emailId} still ${row.status}: ${row.lastError ?? ""}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("staff emails, delivered", () => {
  it("a reminder reaches the assignee with the reference, the due date and the link, and nothing about the person", async () => {
    const agent = await createStaff("AGENT");
    const request = await createRequest({ dueDate: "2032-01-16", assigneeId: agent.id });
    const counts = await sendDeadlineReminders({ now: new Date("2032-01-13T08:00:00Z") });
    expect(counts.due.emails).toBeGreaterThanOrEqual(1);

    const email = await waitForEmail(catcher(), agent.email, (m) => m.subject.includes(request.reference));
    expect(email.subject).toBe(`[Example Company] ${request.reference} is due in 3 days`);
    expect(email.text).toContain("due on Friday 16 January 2032 (due in 3 days)");
    expect(email.text).toContain(staffRequestUrl(request.id));
    expect(email.text).toContain("member of the privacy team");
    expect(`${email.text} ${email.html}`).not.toMatch(new RegExp(`${PERSON.email}|Secretname|Zoé`));

    const [row] = await db().emailMessage.findMany({ where: { requestId: request.id, staffUserId: agent.id } });
    const sent = await waitUntilSent(row.id);
    expect(sent.props).toEqual({});
    expect(sent.textBody).toContain(request.reference);
  });

  it("the digest reaches the agent with each request listed", async () => {
    const agent = await createStaff("AGENT");
    const first = await createRequest({ dueDate: "2032-02-03", assigneeId: agent.id });
    const second = await createRequest({ dueDate: "2032-01-30", assigneeId: agent.id });
    await sendDailyDigests({ now: new Date("2032-02-01T08:00:00Z") });

    const email = await waitForEmail(catcher(), agent.email, (m) => m.subject.includes("Due soon"));
    expect(email.subject).toBe("[Example Company] Due soon: 2 requests, 1 overdue");
    const secondAt = email.text.indexOf(second.reference);
    expect(secondAt).toBeGreaterThan(-1);
    expect(email.text.indexOf(first.reference)).toBeGreaterThan(secondAt); // most urgent first
    expect(email.text).toContain("2 days overdue");
    expect(email.text).toContain("due in 2 days");
    expect(email.text).toContain(staffRequestUrl(first.id));
  });
});
