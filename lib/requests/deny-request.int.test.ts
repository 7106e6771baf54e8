// Staff refuse a request: the reason is recorded, the person is told why, where to complain and,
// where the law gives one, how to appeal, in their own language.
import { describe, expect, it } from "vitest";
import { createIdleConnector, fileRequest, nextEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { denyRequest } from "./deny-request.ts";
import { previewDenialEmail } from "./preview-denial-email.ts";

runWorkersDuringTests();
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000001" };

describe("denying a request", () => {
  it("records the reason, closes the request, writes one audit event and emails the reasons and the CNIL", async () => {
    const { email, reference, id } = await fileRequest({ country: "FR" });
    const now = new Date("2030-01-15T10:00:00Z");
    const message = "Our records show the account was closed and its data deleted in 2021.";
    const result = await denyRequest({ reference, reason: "NO_DATA_HELD", message, actor: staff, now });
    expect(result).toEqual({ reference, status: "DENIED", reason: "NO_DATA_HELD" });

    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      status: "DENIED",
      outcome: "DENIED",
      denialReason: "NO_DATA_HELD",
      denialMessage: message,
      decidedAt: now,
      closedAt: now,
    });
    const audit = await db().auditEvent.findMany({ where: { requestId: id, action: "request.denied" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "STAFF", actorId: staff.id });
    expect(audit[0].data).toMatchObject({ reason: "NO_DATA_HELD", from: "VERIFIED", messageLength: message.length });
    expect(JSON.stringify(audit[0].data)).not.toContain("2021");

    const outbox = await db().emailMessage.findFirstOrThrow({ where: { requestId: id, template: "request-denied" } });
    expect(outbox.locale).toBe("en");
    const sent = await nextEmail(email, (m) => m.subject.includes("cannot act"));
    expect(sent.subject).toContain(reference);
    expect(sent.text).toContain("found none");
    expect(sent.text).toContain(message);
    expect(sent.text).toContain("Commission nationale de l’informatique et des libertés (CNIL)");
    expect(sent.text).toContain("https://www.cnil.fr");
    expect(sent.text).toContain("judicial remedy");
    expect(sent.text).toContain("ask us to reconsider");
  });

  it("writes to a person in French, naming the ICO for someone in the United Kingdom", async () => {
    const { email, reference } = await fileRequest({ country: "GB", locale: "fr" });
    await denyRequest({
      reference,
      reason: "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE",
      message: "Vous avez déposé la même demande quarante fois cette semaine.",
      actor: staff,
    });
    const outbox = await db().emailMessage.findFirstOrThrow({ where: { request: { reference }, template: "request-denied" } });
    expect(outbox.locale).toBe("fr");
    const sent = await nextEmail(email, (m) => m.subject.includes("ne peut pas donner suite"));
    expect(sent.text).toContain("manifestement infondée ou excessive");
    expect(sent.text).toContain("Information Commissioner’s Office (ICO)");
    expect(sent.text).toContain("recours juridictionnel");
    expect(sent.text).toContain("quarante fois");
  });

  it("tells a Virginia resident how to appeal and that the Attorney General hears complaints after the appeal", async () => {
    const { email, reference } = await fileRequest({ country: "US", region: "US-VA" });
    await denyRequest({ reference, reason: "EXEMPTION_APPLIES", message: "We must keep invoices for seven years.", actor: staff });
    const sent = await nextEmail(email, (m) => m.subject.includes(reference) && m.subject.includes("cannot act"));
    expect(sent.text).toContain("right to appeal");
    expect(sent.text).toContain("Virginia Attorney General");
    expect(sent.text).not.toContain("judicial remedy");
  });

  it("offers a Californian no appeal the law does not give, and names the CPPA", async () => {
    const { email, reference } = await fileRequest({ country: "US", region: "US-CA" });
    await denyRequest({ reference, reason: "IDENTITY_NOT_VERIFIED", actor: staff });
    const sent = await nextEmail(email, (m) => m.subject.includes(reference) && m.subject.includes("cannot act"));
    expect(sent.text).not.toContain("right to appeal");
    expect(sent.text).toContain("California Privacy Protection Agency");
  });

  it("refuses OTHER without an explanation, and a message that is too long", async () => {
    const { reference } = await fileRequest();
    await expect(denyRequest({ reference, reason: "OTHER", actor: staff })).rejects.toThrow(/explain the refusal/);
    await expect(denyRequest({ reference, reason: "OTHER", message: "  short ", actor: staff })).rejects.toThrow(/at least 10/);
    await expect(denyRequest({ reference, reason: "NO_DATA_HELD", message: "x".repeat(5001), actor: staff })).rejects.toThrow(/under 5000/);
    await expect(denyRequest({ reference, reason: "BECAUSE" as never, actor: staff })).rejects.toThrow(/Choose a reason/);
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("VERIFIED");
  });

  it("refuses a manifestly unfounded request or an exemption without an explanation", async () => {
    const { reference } = await fileRequest();
    for (const reason of ["MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", "EXEMPTION_APPLIES"] as const)
      await expect(denyRequest({ reference, reason, actor: staff })).rejects.toThrow(/needs an explanation/);
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("VERIFIED");
  });

  it("previews the email in the person's language without sending or changing anything", async () => {
    const { reference, id } = await fileRequest({ country: "GB", locale: "fr" });
    const preview = await previewDenialEmail({ reference, reason: "NO_DATA_HELD", message: "Aucun compte à cette adresse." });
    expect(preview.locale).toBe("fr");
    expect(preview.subject).toContain("ne peut pas donner suite");
    expect(preview.text).toContain("Aucun compte à cette adresse.");
    expect(preview.text).toContain("Information Commissioner’s Office (ICO)");
    expect(preview.text).toContain("[private status link]");
    expect(preview.text).not.toContain("status-link-issued-when-sent");
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id } })).status).toBe("VERIFIED");
    expect(await db().emailMessage.count({ where: { requestId: id, template: "request-denied" } })).toBe(0);
    await expect(previewDenialEmail({ reference, reason: "OTHER" })).rejects.toThrow(/needs an explanation/);
  });

  it("denies an unverified request only because the identity could not be verified", async () => {
    const { reference } = await fileRequest({ verify: false });
    await expect(denyRequest({ reference, reason: "NO_DATA_HELD", actor: staff })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("IDENTITY_NOT_VERIFIED"),
    });
    await denyRequest({ reference, reason: "IDENTITY_NOT_VERIFIED", actor: staff });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("DENIED");
  });

  it("denies a request waiting for the person's answer", async () => {
    const { reference, id } = await fileRequest();
    await db().dsarRequest.update({ where: { id }, data: { status: "AWAITING_SUBJECT" } });
    await denyRequest({ reference, reason: "IDENTITY_NOT_VERIFIED", actor: staff });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.denied" } });
    expect(audit.data).toMatchObject({ from: "AWAITING_SUBJECT" });
  });

  it("refuses once work has started, pointing to a partial close, and refuses a closed request", async () => {
    const { reference, id } = await fileRequest();
    const connector = await createIdleConnector();
    await db().dsarRequest.update({ where: { id }, data: { status: "IN_PROGRESS" } });
    await db().connectorTask.create({ data: { requestId: id, connectorId: connector.id, action: "ACCESS", status: "FAILED" } });
    await expect(
      denyRequest({ reference, reason: "EXEMPTION_APPLIES", message: "Legal privilege covers these files.", actor: staff }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("partially fulfilled"),
    });
    const closed = await fileRequest();
    await denyRequest({ reference: closed.reference, reason: "NO_DATA_HELD", actor: staff });
    await expect(denyRequest({ reference: closed.reference, reason: "NO_DATA_HELD", actor: staff })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: `Request ${closed.reference} is already closed (denied).`,
    });
    expect(await db().auditEvent.count({ where: { requestId: closed.id, action: "request.denied" } })).toBe(1);
  });

  it("answers NOT_FOUND for an unknown reference", async () => {
    await expect(denyRequest({ reference: "DSR-NOPE-NOPE", reason: "NO_DATA_HELD", actor: staff })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
