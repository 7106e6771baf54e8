// The legal clock of stored requests: computed at receipt, moved by pauses, restarts and
// extensions, each recorded as a row with its audit event, and told to the person.
import { describe, expect, it } from "vitest";
import { linkIn, tokenOf, waitForEmail } from "../../tests/support/mailbox.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { answerInformationRequest } from "./answer-information-request.ts";
import { askForInformation } from "./ask-for-information.ts";
import { createSubmission } from "./create-submission.ts";
import { extendDeadline } from "./extend-deadline.ts";
import { getSubmissionStatus } from "./get-submission-status.ts";
import { recordInformationReceived } from "./record-information-received.ts";
import { verifyByLink } from "./verify-by-link.ts";

runWorkersDuringTests();
const catcher = () => process.env.MAIL_CATCHER_URL as string;
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000001" };
let n = 0;

async function fileAndVerify(country: string, receivedAt: Date, region?: string) {
  const email = `clock${Date.now()}${n++}@example.test`;
  const created = await createSubmission({
    input: { types: ["access"], email, country, region, locale: "fr" },
    channel: "WEB",
    now: receivedAt,
  });
  const first = await waitForEmail(catcher(), email);
  await verifyByLink(tokenOf(linkIn(first, "verify")), receivedAt);
  return { email, reference: created.requests[0].reference, statusToken: tokenOf(linkIn(first, "status")), firstEmailId: first.id };
}

describe("a request filed from Paris on a Saturday evening", () => {
  // Saturday 25 April 2026, 21:30 in Paris. One month later is Monday 25 May 2026, Whit Monday,
  // a public holiday in France: the deadline moves to Tuesday 26 May 2026.
  const saturdayEvening = new Date("2026-04-25T21:30:00+02:00");

  it("shows the due date and the reasons on the status page", async () => {
    const { statusToken } = await fileAndVerify("FR", saturdayEvening);
    const status = await getSubmissionStatus(statusToken);
    expect(status.requests[0].jurisdiction).toBe("EU_GDPR");
    expect(status.requests[0].dueDate).toBe("2026-05-26");
    const reasons = status.requests[0].explanation.join("\n");
    expect(reasons).toMatch(/2026-04-25/);
    expect(reasons).toMatch(/Art\. 12\(3\)/);
    expect(reasons).toMatch(/2026-05-25/);
  });

  it("extends to the maximum with reasons, emails the person and moves the date", async () => {
    const { email, reference, firstEmailId } = await fileAndVerify("FR", saturdayEvening);
    const result = await extendDeadline({
      reference,
      input: { reason: "Your data is held in several systems that we must search one by one." },
      actor: staff,
      now: new Date("2026-05-10T10:00:00+02:00"),
    });
    // Three months from receipt: Saturday 25 July 2026, moved to Monday 27 July 2026.
    expect(result).toEqual({ previousDueDate: "2026-05-26", dueDate: "2026-07-27" });
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { reference }, include: { clockEvents: true } });
    expect(stored.extended).toBe(true);
    expect(stored.dueDate.toISOString().slice(0, 10)).toBe("2026-07-27");
    expect(stored.clockEvents.map((e) => e.type)).toEqual(["EXTEND"]);
    const notice = await waitForEmail(catcher(), email, (m) => m.id !== firstEmailId && /several systems/.test(m.text));
    expect(notice.text).toMatch(/27 juillet 2026/);
    expect(notice.text).toMatch(/26 mai 2026/);
    const audit = await db().auditEvent.findMany({ where: { requestId: stored.id, action: "clock.extend" } });
    expect(audit[0].data).toMatchObject({ previousDueDate: "2026-05-26", dueDate: "2026-07-27" });
  });

  it("refuses an extension notified after the first month, and changes nothing", async () => {
    const { reference } = await fileAndVerify("FR", saturdayEvening);
    await expect(
      extendDeadline({
        reference,
        input: { reason: "Too many requests at once this month." },
        actor: staff,
        now: new Date("2026-05-27T09:00:00+02:00"),
      }),
    ).rejects.toMatchObject({ code: "DEADLINE_REFUSED", message: expect.stringMatching(/2026-05-26/) });
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { reference }, include: { clockEvents: true } });
    expect(stored.clockEvents).toHaveLength(0);
    expect(stored.extended).toBe(false);
  });
});

describe("asking the person for information", () => {
  it("pauses an EU clock until the answer on the status page, then moves the date by the days waited", async () => {
    // Received Wednesday 4 March 2026 in Paris: due Saturday 4 April, moved to Monday 6 April... which is
    // Easter Monday, a public holiday: Tuesday 7 April 2026.
    const { email, reference, statusToken, firstEmailId } = await fileAndVerify("FR", new Date("2026-03-04T10:00:00+01:00"));
    expect((await getSubmissionStatus(statusToken)).requests[0].dueDate).toBe("2026-04-07");
    const asked = await askForInformation({
      reference,
      input: { message: "Which customer account do you mean? You have two.", kind: "clarification" },
      actor: staff,
      now: new Date("2026-03-10T10:00:00+01:00"),
    });
    expect(asked.clockPaused).toBe(true);
    const question = await waitForEmail(catcher(), email, (m) => m.id !== firstEmailId && /two/.test(m.text));
    const newLink = tokenOf(linkIn(question, "status"));
    const waiting = await getSubmissionStatus(newLink);
    expect(waiting.requests[0]).toMatchObject({ status: "AWAITING_SUBJECT", clockPaused: true });
    expect(waiting.requests[0].messages[0]).toMatchObject({ direction: "TO_SUBJECT" });
    // Answered 5 days later: 4 April + 5 days = Thursday 9 April 2026.
    const answered = await answerInformationRequest(
      statusToken,
      reference,
      { answer: "The one ending in 42." },
      new Date("2026-03-15T18:00:00+01:00"),
    );
    expect(answered).toEqual({ dueDate: "2026-04-09", restarted: false });
    const after = await getSubmissionStatus(statusToken);
    expect(after.requests[0]).toMatchObject({ status: "VERIFIED", clockPaused: false, dueDate: "2026-04-09" });
    expect(after.requests[0].messages.map((m) => m.direction)).toEqual(["TO_SUBJECT", "FROM_SUBJECT"]);
  });

  it("restarts a UK clock when identity arrives", async () => {
    // Received Monday 25 November 2024 (ICO's example; due Friday 27 December 2024). Identity asked
    // on 2 December, received Thursday 5 December 2024: one month from then is Sunday 5 January 2025,
    // moved to Monday 6 January 2025.
    const { reference } = await fileAndVerify("GB", new Date("2024-11-25T09:00:00Z"));
    await askForInformation({
      reference,
      input: { message: "Please send a copy of a utility bill in your name.", kind: "identity" },
      actor: staff,
      now: new Date("2024-12-02T09:00:00Z"),
    });
    const received = await recordInformationReceived({ reference, actor: staff, now: new Date("2024-12-05T09:00:00Z") });
    expect(received.restarted).toBe(true);
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { reference }, include: { clockEvents: { orderBy: { at: "asc" } } } });
    expect(stored.clockEvents.map((e) => e.type)).toEqual(["PAUSE", "RESTART"]);
  });

  it("records but does not pause a California clock", async () => {
    const { reference } = await fileAndVerify("US", new Date("2026-01-30T17:00:00Z"), "US-CA");
    const before = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    const asked = await askForInformation({
      reference,
      input: { message: "Please confirm the address on your account.", kind: "clarification" },
      actor: staff,
      now: new Date("2026-02-02T17:00:00Z"),
    });
    expect(asked.clockPaused).toBe(false);
    const after = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    expect(after.dueDate).toEqual(before.dueDate);
    expect((after.deadlineExplanation as string[]).join(" ")).toMatch(/does not stop the clock/);
  });
});
