// The shared end of both proofs of email (link or code): the submission's requests become
// VERIFIED and the person is told what happens next and by when the answer is due.
import type { Tx } from "../db.ts";
import { readableExplanation } from "../deadlines/readable-explanation.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import { computeRequestDeadline, dayOf } from "./request-deadline.ts";
import { issueStatusToken } from "./status-links.ts";

export type VerifiedSubmission = {
  submissionId: string;
  references: string[];
  alreadyVerified: boolean;
  emailIds: string[];
  /**
   * A fresh private status link, given only to whoever proved the address (the right code or the
   * emailed link): the confirmation then shows the requests' real state. Null otherwise.
   */
  statusToken: string | null;
};

export async function markSubmissionVerified(
  tx: Tx,
  challengeId: string,
  submissionId: string,
  method: "link" | "code",
  now: Date,
): Promise<VerifiedSubmission & { statusToken: string }> {
  await tx.verificationChallenge.update({ where: { id: challengeId }, data: { consumedAt: now } });
  // Only SUBMITTED requests move: one withdrawn meanwhile stays withdrawn.
  const pending = await tx.dsarRequest.findMany({
    where: { submissionId, status: "SUBMITTED" },
    orderBy: { createdAt: "asc" },
  });
  const all = await tx.dsarRequest.findMany({ where: { submissionId }, select: { reference: true } });
  const statusToken = await issueStatusToken(tx, submissionId);
  if (pending.length === 0) {
    return { submissionId, references: all.map((r) => r.reference), alreadyVerified: true, emailIds: [], statusToken };
  }
  const moved = await tx.dsarRequest.updateMany({
    where: { id: { in: pending.map((r) => r.id) }, status: "SUBMITTED" },
    data: { status: "VERIFIED", verifiedAt: now, acknowledgedAt: now },
  });
  if (moved.count !== pending.length) {
    throw new Error("A request of this submission changed while it was being verified; try again.");
  }
  for (const request of pending) {
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: { type: "SUBJECT" },
      action: "request.verified",
      at: now,
      data: { method, submissionId },
    });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: { type: "SYSTEM" },
      action: "request.acknowledged",
      at: now,
      data: { dueDate: dayOf(request.dueDate), acknowledgeBy: dayOf(request.acknowledgeBy) },
    });
  }
  const first = pending[0];
  const earliestDue = pending.reduce((min, r) => (r.dueDate < min.dueDate ? r : min), first);
  const emailId = await queueRequestEmail(tx, first, "request-acknowledged", {
    references: pending.map((r) => r.reference),
    types: pending.map((r) => r.type.toLowerCase()),
    dueDate: dayOf(earliestDue.dueDate),
    dueDateReasons: await explanationIn(tx, earliestDue, first.locale),
    acknowledgeBy: dayOf(earliestDue.acknowledgeBy),
  });
  return { submissionId, references: all.map((r) => r.reference), alreadyVerified: false, emailIds: emailId ? [emailId] : [], statusToken };
}

/**
 * The explanation of the due date in the language of the email: the stored one is English, so a French
 * email gets the same computation explained in French (same inputs, same dates).
 */
async function explanationIn(
  tx: Tx,
  request: Parameters<typeof computeRequestDeadline>[0] & { id: string; deadlineExplanation: unknown },
  locale: string,
): Promise<string[]> {
  if (locale !== "fr") return readableExplanation(request.deadlineExplanation as string[], request.holidayRegion);
  const events = await tx.clockEvent.findMany({ where: { requestId: request.id } });
  return computeRequestDeadline(request, events, "fr").explanation;
}
