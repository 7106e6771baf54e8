import { describe, expect, it } from "vitest";
import { codeIn, linkIn, tokenOf, waitForEmail } from "../../tests/support/mailbox.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { sealAllAuditEvents } from "../evidence/seal-audit-events.ts";
import { verifyAuditLog } from "../evidence/verify-audit-log.ts";
import { createSubmission } from "./create-submission.ts";
import { expireUnverifiedRequests } from "./expire-unverified-requests.ts";
import { getSubmissionStatus } from "./get-submission-status.ts";
import { resendVerification } from "./resend-verification.ts";
import { verifyByCode } from "./verify-by-code.ts";
import { verifyByLink } from "./verify-by-link.ts";
import { withdrawRequest } from "./withdraw-request.ts";

const catcher = () => process.env.MAIL_CATCHER_URL as string;
runWorkersDuringTests();

let counter = 0;
const uniqueEmail = () => `person${Date.now()}${counter++}@example.test`;

function file(email: string, overrides: Partial<Parameters<typeof createSubmission>[0]["input"]> = {}) {
  return createSubmission({
    input: { types: ["access"], email, country: "FR", locale: "en", ...overrides },
    channel: "WEB",
  });
}

describe("filing and verifying a request", () => {
  it("creates one request per right, all submitted, with a due date, and emails a link and a code", async () => {
    const email = uniqueEmail();
    const created = await file(email, { types: ["access", "erasure"], fullName: "Zoé Martin" });
    expect(created.requests.map((r) => r.type)).toEqual(["ACCESS", "ERASURE"]);
    const rows = await db().dsarRequest.findMany({ where: { submissionId: created.submissionId } });
    expect(rows.every((r) => r.status === "SUBMITTED" && r.jurisdiction === "EU_GDPR")).toBe(true);
    expect(rows[0].dueDate.getTime()).toBeGreaterThan(rows[0].receivedAt.getTime() - 86_400_000);
    const message = await waitForEmail(catcher(), email);
    expect(message.text).toContain(created.requests[0].reference);
    expect(message.text).toContain(created.requests[1].reference);
    expect(codeIn(message)).toMatch(/^\d{6}$/);
    linkIn(message, "verify");
    linkIn(message, "status");
  });

  it("never stores the token or the code in clear, and erases the email's secrets once sent", async () => {
    const email = uniqueEmail();
    const created = await file(email);
    const message = await waitForEmail(catcher(), email);
    const code = codeIn(message);
    const verifyToken = tokenOf(linkIn(message, "verify"));
    const statusToken = tokenOf(linkIn(message, "status"));
    const challenge = await db().verificationChallenge.findFirstOrThrow({ where: { submissionId: created.submissionId } });
    expect(JSON.stringify(challenge)).not.toContain(verifyToken);
    expect(JSON.stringify(challenge)).not.toContain(code);
    const request = await db().dsarRequest.findFirstOrThrow({ where: { submissionId: created.submissionId } });
    const links = await db().statusLinkToken.findMany({ where: { submissionId: created.submissionId } });
    expect(links).toHaveLength(1);
    expect(JSON.stringify(links)).not.toContain(statusToken);
    const outbox = await db().emailMessage.findFirstOrThrow({ where: { requestId: request.id, template: "verify-request" } });
    expect(outbox.status).toBe("SENT");
    const stored = JSON.stringify(outbox);
    expect(stored).not.toContain(verifyToken);
    expect(stored).not.toContain(statusToken);
    expect(stored).not.toContain(code);
    expect(outbox.textBody).toContain("[private]");
  });

  it("verifies with the link, acknowledges with the due date, and shows verified on the status page", async () => {
    const email = uniqueEmail();
    const created = await file(email, { locale: "fr" });
    const message = await waitForEmail(catcher(), email);
    const result = await verifyByLink(tokenOf(linkIn(message, "verify")));
    expect(result.alreadyVerified).toBe(false);
    const status = await getSubmissionStatus(tokenOf(linkIn(message, "status")));
    expect(status.locale).toBe("fr");
    expect(status.requests[0]).toMatchObject({ reference: created.requests[0].reference, status: "VERIFIED" });
    const ack = await waitForEmail(catcher(), email, (m) => m.id !== message.id);
    const dueDate = status.requests[0].dueDate;
    const [year] = dueDate.split("-");
    expect(ack.text).toContain(year);
    // How the date was computed, in French like the rest of the email.
    expect(ack.text).toContain("Reçue le ");
    expect(ack.text).toContain(`Réponse due au plus tard à la fin du ${dueDate}`);
    expect(ack.text).not.toMatch(/Received |Due by the end|in English|en anglais/);
    // The status page explains it in French too (and in English for the page in English).
    const shown = (await getSubmissionStatus(tokenOf(linkIn(message, "status")))).requests[0];
    expect(shown.explanationFr.at(-1)).toContain(`Réponse due au plus tard à la fin du ${dueDate}`);
    expect(shown.explanation.at(-1)).toContain(`Due by the end of ${dueDate}`);
    // A second click on the same link changes nothing.
    expect((await verifyByLink(tokenOf(linkIn(message, "verify")))).alreadyVerified).toBe(true);
    const events = await db().auditEvent.findMany({ where: { requestId: created.requests[0].id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["request.submitted", "request.verified", "request.acknowledged"]);
  });

  it("verifies with the code, counts wrong codes, and voids the code after five", async () => {
    const email = uniqueEmail();
    const created = await file(email);
    const reference = created.requests[0].reference;
    const code = codeIn(await waitForEmail(catcher(), email));
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(verifyByCode(reference, wrong)).rejects.toMatchObject({ code: "INVALID_CODE", details: { attemptsLeft: 4 } });
    const verified = await verifyByCode(reference, code);
    expect(verified.references).toEqual([reference]);

    const other = uniqueEmail();
    const second = await file(other);
    const ref2 = second.requests[0].reference;
    const code2 = codeIn(await waitForEmail(catcher(), other));
    const wrong2 = code2 === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      await expect(verifyByCode(ref2, wrong2)).rejects.toMatchObject({ code: "INVALID_CODE", details: { attemptsLeft: left } });
    }
    await expect(verifyByCode(ref2, wrong2)).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    // The right code no longer works either.
    await expect(verifyByCode(ref2, code2)).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    const row = await db().dsarRequest.findUniqueOrThrow({ where: { reference: ref2 } });
    expect(row.status).toBe("SUBMITTED");
  });

  it("refuses an expired link, and a new link works", async () => {
    const email = uniqueEmail();
    const created = await file(email);
    const first = await waitForEmail(catcher(), email);
    const in25Hours = new Date(Date.now() + 25 * 3_600_000);
    await expect(verifyByLink(tokenOf(linkIn(first, "verify")), in25Hours)).rejects.toMatchObject({ code: "GONE" });
    await expect(verifyByCode(created.requests[0].reference, codeIn(first), in25Hours)).rejects.toMatchObject({ code: "GONE" });
    await resendVerification(created.requests[0].reference);
    const second = await waitForEmail(catcher(), email, (m) => m.id !== first.id);
    await expect(verifyByLink(tokenOf(linkIn(first, "verify")))).rejects.toMatchObject({ code: "GONE" });
    expect((await verifyByLink(tokenOf(linkIn(second, "verify")))).alreadyVerified).toBe(false);
    // Both status links open the same requests.
    expect((await getSubmissionStatus(tokenOf(linkIn(first, "status")))).requests[0].status).toBe("VERIFIED");
    expect((await getSubmissionStatus(tokenOf(linkIn(second, "status")))).requests[0].status).toBe("VERIFIED");
  });

  it("expires requests never verified, once, and tells the person", async () => {
    const email = uniqueEmail();
    const created = await file(email, { types: ["access", "portability"] });
    await waitForEmail(catcher(), email);
    const later = new Date(Date.now() + 8 * 86_400_000);
    const first = await expireUnverifiedRequests(later);
    expect(first.expired).toBeGreaterThanOrEqual(2);
    const rows = await db().dsarRequest.findMany({ where: { submissionId: created.submissionId } });
    expect(rows.map((r) => r.status)).toEqual(["EXPIRED", "EXPIRED"]);
    // Other test files file requests too: "once" is checked on this submission's own records.
    await expireUnverifiedRequests(later);
    const expiries = await db().auditEvent.count({ where: { requestId: { in: rows.map((r) => r.id) }, action: "request.expired" } });
    expect(expiries).toBe(2);
    const notice = await waitForEmail(catcher(), email, (m) => m.text.includes(rows[0].reference) && !/\b\d{6}\b/.test(m.text));
    expect(notice.text).toContain(rows[1].reference);
  });

  it("expires a request with no address left without an email, and the rest of its batch with theirs", async () => {
    const email = uniqueEmail();
    const created = await file(email);
    await waitForEmail(catcher(), email);
    const orphan = await db().dsarRequest.update({
      where: { id: (await file(uniqueEmail())).requests[0].id },
      data: { email: null },
    });
    const later = new Date(Date.now() + 8 * 86_400_000);
    await expireUnverifiedRequests(later);
    const rows = await db().dsarRequest.findMany({ where: { id: { in: [orphan.id, created.requests[0].id] } } });
    expect(rows.map((r) => r.status)).toEqual(["EXPIRED", "EXPIRED"]);
    expect(await db().emailMessage.count({ where: { requestId: orphan.id, template: "request-expired" } })).toBe(0);
    await waitForEmail(catcher(), email, (m) => m.text.includes(created.requests[0].reference) && !/\b\d{6}\b/.test(m.text));
  });

  it("lets the person withdraw an open request with the status link only", async () => {
    const email = uniqueEmail();
    const created = await file(email);
    const message = await waitForEmail(catcher(), email);
    const statusToken = tokenOf(linkIn(message, "status"));
    const reference = created.requests[0].reference;
    await expect(withdrawRequest("not-the-token", reference)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await withdrawRequest(statusToken, reference);
    const status = await getSubmissionStatus(statusToken);
    expect(status.requests[0]).toMatchObject({ status: "WITHDRAWN", canWithdraw: false });
    await expect(verifyByCode(reference, codeIn(message))).resolves.toMatchObject({ alreadyVerified: true });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("WITHDRAWN");
  });
});

describe("the audit log", () => {
  it("chains every event to the previous one once sealed, and refuses changes", async () => {
    await sealAllAuditEvents();
    const events = await db().auditEvent.findMany({ orderBy: { chainSeq: "asc" } });
    expect(events.length).toBeGreaterThan(3);
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    expect(await verifyAuditLog()).toMatchObject({ problems: [], pending: 0 });
    await expect(db().$executeRawUnsafe(`UPDATE audit_events SET action = 'x' WHERE id = ${events[0].id}`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM audit_events WHERE id = ${events[0].id}`)).rejects.toThrow(/append-only/);
  });
});
