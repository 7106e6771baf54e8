// Staff write to the person; the person reads it on the status page and answers there. Answers are
// kept for staff, audited without their text, limited per request, and the assignee is told.
import { describe, expect, it } from "vitest";
import { createStaff, fileRequest, nextEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { assignRequest } from "./assign-request.ts";
import { closeRequest } from "./close-request.ts";
import { getRequestDetails } from "./get-request-details.ts";
import { getSubmissionStatus } from "./get-submission-status.ts";
import { REPLIES_PER_DAY, replyToTeam } from "./reply-to-team.ts";
import { sendMessageToPerson } from "./send-message-to-person.ts";

runWorkersDuringTests();

const statusToken = (text: string) => /\/status\/([A-Za-z0-9_-]+)/.exec(text)?.[1] as string;

describe("messages between staff and the person", () => {
  it("emails the team's message in the person's language, shows it on the status page, and takes the answer", async () => {
    const [admin, agent] = [await createStaff("ADMIN"), await createStaff("AGENT")];
    const { reference, id, email } = await fileRequest({ locale: "fr" });
    await assignRequest({ reference, assigneeEmail: agent.email, actor: { type: "STAFF", id: admin.id } });
    await sendMessageToPerson({
      reference,
      input: { message: "Laquelle de vos deux adresses devons-nous garder ?" },
      actor: { type: "STAFF", id: admin.id },
    });
    const sent = await nextEmail(email, (m) => m.subject.startsWith("Un message de"));
    expect(sent.subject).toBe(`Un message de Example Company au sujet de votre demande ${reference}`);
    expect(sent.text).toContain("Laquelle de vos deux adresses devons-nous garder ?");
    const token = statusToken(sent.text);
    const before = (await getSubmissionStatus(token, "fr")).requests[0];
    expect(before.messages.map((m) => [m.direction, m.body])).toEqual([
      ["TO_SUBJECT", "Laquelle de vos deux adresses devons-nous garder ?"],
    ]);
    expect(before.canReply).toBe(true);

    await replyToTeam(token, reference, { answer: "Celle de Lyon, merci." });
    const details = await getRequestDetails(reference);
    expect(details.messages.map((m) => [m.direction, m.body, m.author])).toEqual([
      ["TO_SUBJECT", "Laquelle de vos deux adresses devons-nous garder ?", admin.email],
      ["FROM_SUBJECT", "Celle de Lyon, merci.", null],
    ]);
    const notice = await nextEmail(agent.email, (m) => m.subject.includes(`${reference}: the person`));
    expect(notice.subject).toBe(`[Example Company] ${reference}: the person wrote back`);
    expect(notice.text).not.toContain("Lyon");
    const audit = await db().auditEvent.findMany({
      where: { requestId: id, action: { in: ["request.message-sent", "request.person-replied"] } },
    });
    expect(audit.map((e) => e.action).sort()).toEqual(["request.message-sent", "request.person-replied"]);
    expect(JSON.stringify(audit.map((e) => e.data))).not.toMatch(/Lyon|adresses/);
  });

  it("refuses an answer where the team never wrote, through another submission's link, and beyond the day's limit", async () => {
    const admin = await createStaff("ADMIN");
    const quiet = await fileRequest();
    const first = await nextEmail(quiet.email, (m) => m.text.includes(quiet.reference));
    await expect(replyToTeam(statusToken(first.text), quiet.reference, { answer: "Hello?" })).rejects.toThrow(/no message to answer/);

    const { reference, email } = await fileRequest();
    await sendMessageToPerson({
      reference,
      input: { message: "Please tell us your customer number." },
      actor: { type: "STAFF", id: admin.id },
    });
    const sent = await nextEmail(email, (m) => m.subject.startsWith("A message from"));
    await expect(replyToTeam(statusToken(first.text), reference, { answer: "Not mine" })).rejects.toThrow(/No request/);
    const now = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 3_600_000);
    for (let i = 0; i < REPLIES_PER_DAY; i++) await replyToTeam(statusToken(sent.text), reference, { answer: `Answer ${i}` }, now);
    await expect(replyToTeam(statusToken(sent.text), reference, { answer: "One too many" }, now)).rejects.toThrow(/Too many/);
  });

  it("never writes to an address the person did not prove", async () => {
    const admin = await createStaff("ADMIN");
    const { reference } = await fileRequest({ verify: false });
    await expect(
      sendMessageToPerson({ reference, input: { message: "Hello there" }, actor: { type: "STAFF", id: admin.id } }),
    ).rejects.toThrow(/never confirmed/);
  });
});

describe("corrections left to staff when the request is closed", () => {
  it("are cancelled with the request's other work", async () => {
    const admin = await createStaff("ADMIN");
    const { reference, id } = await fileRequest({ type: "rectification" });
    await db().dsarRequest.update({ where: { id }, data: { status: "IN_PROGRESS" } });
    await db().correctionTask.create({ data: { requestId: id, items: [{ index: 0, reason: "free-text" }] } });
    await closeRequest({
      reference,
      outcome: "PARTIALLY_FULFILLED",
      message: "We corrected it by phone.",
      actor: { type: "STAFF", id: admin.id },
    });
    expect((await db().correctionTask.findUniqueOrThrow({ where: { requestId: id } })).status).toBe("CANCELLED");
  });
});
