// The person confirms their email address from the link (one button on the page, so that mail
// scanners that open links verify nothing).
import { keyedHash } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { autoApproveVerified } from "./auto-approve.ts";
import { markSubmissionVerified, type VerifiedSubmission } from "./mark-submission-verified.ts";
import { issueStatusToken } from "./status-links.ts";

export async function verifyByLink(token: string, now = new Date()): Promise<VerifiedSubmission & { statusToken: string }> {
  const result = await db().$transaction(async (tx: Tx) => {
    const challenge = await tx.verificationChallenge.findUnique({ where: { tokenHash: keyedHash("verify-token", token) } });
    if (!challenge) throw new AppError("NOT_FOUND", "This confirmation link is not valid. Check that you copied the whole link.");
    if (challenge.consumedAt) {
      // The link pressed again (the request may have moved on since): the emailed link is proof of the
      // address, so it opens the status page, which tells the state as it is now.
      const references = await tx.dsarRequest.findMany({ where: { submissionId: challenge.submissionId }, select: { reference: true } });
      return {
        submissionId: challenge.submissionId,
        references: references.map((r) => r.reference),
        alreadyVerified: true,
        emailIds: [],
        statusToken: await issueStatusToken(tx, challenge.submissionId),
      };
    }
    if (challenge.voidedAt) throw new AppError("GONE", "This confirmation link was replaced by a newer one: use the most recent email.");
    if (challenge.expiresAt <= now) {
      throw new AppError("GONE", "This confirmation link has expired.", { details: { expired: true } });
    }
    return markSubmissionVerified(tx, challenge.id, challenge.submissionId, "link", now);
  });
  for (const emailId of result.emailIds) {
    await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  }
  if (!result.alreadyVerified) await autoApproveVerified(result.references);
  return result;
}
