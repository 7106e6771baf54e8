// A request filed at a given moment (an import, the demo's seed) tells that moment everywhere: its
// timeline's "received" and "verified" events carry the request's own times, not the moment the
// rows were written (the demo's timeline said "received today" beside "received 28 October").
import { describe, expect, it } from "vitest";
import { db, type Tx } from "../db.ts";
import { createSubmission } from "./create-submission.ts";
import { markSubmissionVerified } from "./mark-submission-verified.ts";

describe("a request filed at a past moment", () => {
  it("records its received and verified events at the request's own times", async () => {
    const receivedAt = new Date("2026-10-28T09:15:00.000Z");
    const verifiedAt = new Date("2026-10-28T10:15:00.000Z");
    const created = await createSubmission({
      input: { types: ["access"], email: `filed-at-${Date.now()}@example.test`, country: "FR", locale: "en" },
      channel: "WEB",
      now: receivedAt,
    });
    await db().$transaction(async (tx: Tx) => {
      const challenge = await tx.verificationChallenge.findFirstOrThrow({ where: { submissionId: created.submissionId } });
      await markSubmissionVerified(tx, challenge.id, created.submissionId, "link", verifiedAt);
    });
    const [request] = created.requests;
    const events = await db().auditEvent.findMany({
      where: { requestId: request.id },
      orderBy: { id: "asc" },
      select: { action: true, at: true },
    });
    expect(events).toEqual([
      { action: "request.submitted", at: receivedAt },
      { action: "request.verified", at: verifiedAt },
      { action: "request.acknowledged", at: verifiedAt },
    ]);
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id: request.id } })).receivedAt).toEqual(receivedAt);
  });
});
