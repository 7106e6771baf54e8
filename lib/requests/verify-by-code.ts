// The person types the 6-digit code from the email. Five wrong codes void it.
import { keyedHash } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { autoApproveVerified } from "./auto-approve.ts";
import { markSubmissionVerified, type VerifiedSubmission } from "./mark-submission-verified.ts";

export const MAX_CODE_ATTEMPTS = 5;

export async function verifyByCode(reference: string, code: string, now = new Date()): Promise<VerifiedSubmission> {
  const request = await db().dsarRequest.findUnique({ where: { reference }, select: { submissionId: true, status: true } });
  if (!request) throw new AppError("NOT_FOUND", `No request has the reference ${reference}.`);
  const challenge = await db().verificationChallenge.findFirst({
    where: { submissionId: request.submissionId },
    orderBy: { createdAt: "desc" },
  });
  if (!challenge) throw new AppError("NOT_FOUND", `No confirmation is pending for ${reference}.`);
  if (challenge.consumedAt || request.status !== "SUBMITTED") {
    if (request.status === "EXPIRED")
      throw new AppError("GONE", `Request ${reference} expired because the email address was not confirmed in time.`);
    const references = await db().dsarRequest.findMany({ where: { submissionId: request.submissionId }, select: { reference: true } });
    return { submissionId: request.submissionId, references: references.map((r) => r.reference), alreadyVerified: true, emailIds: [] };
  }
  if (challenge.voidedAt || challenge.attempts >= MAX_CODE_ATTEMPTS) {
    throw new AppError(
      "TOO_MANY_ATTEMPTS",
      "Too many wrong codes: this code no longer works. Use the link in the email, or ask for a new code.",
      {
        details: { attemptsLeft: 0 },
      },
    );
  }
  if (challenge.expiresAt <= now) throw new AppError("GONE", "This code has expired. Ask for a new one.", { details: { expired: true } });

  if (keyedHash("verify-code", `${request.submissionId}:${code}`) !== challenge.codeHash) {
    // Counted atomically and outside any rolled-back transaction, so parallel guesses all count.
    const [counted] = await db().$queryRaw<Array<{ attempts: number }>>`
      UPDATE verification_challenges SET attempts = attempts + 1,
        "voidedAt" = CASE WHEN attempts + 1 >= ${MAX_CODE_ATTEMPTS} THEN ${now} ELSE "voidedAt" END
      WHERE id = ${challenge.id}::uuid RETURNING attempts`;
    const attemptsLeft = Math.max(0, MAX_CODE_ATTEMPTS - (counted?.attempts ?? MAX_CODE_ATTEMPTS));
    if (attemptsLeft === 0) {
      throw new AppError(
        "TOO_MANY_ATTEMPTS",
        "Too many wrong codes: this code no longer works. Use the link in the email, or ask for a new code.",
        {
          details: { attemptsLeft: 0 },
        },
      );
    }
    throw new AppError("INVALID_CODE", `This code is not right. ${attemptsLeft} attempt(s) left.`, { details: { attemptsLeft } });
  }

  const result = await db().$transaction(async (tx: Tx) => {
    // Re-read under the transaction: a concurrent guess may have voided it.
    const fresh = await tx.verificationChallenge.findUniqueOrThrow({ where: { id: challenge.id } });
    if (fresh.voidedAt)
      throw new AppError("TOO_MANY_ATTEMPTS", "Too many wrong codes: this code no longer works.", { details: { attemptsLeft: 0 } });
    return markSubmissionVerified(tx, challenge.id, request.submissionId, "code", now);
  });
  for (const emailId of result.emailIds) {
    await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  }
  if (!result.alreadyVerified) await autoApproveVerified(result.references);
  return result;
}
