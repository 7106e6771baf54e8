// The person types the 6-digit code from the email. Each code allows five tries, and a request
// allows MAX_CODE_ATTEMPTS_PER_REQUEST tries over all its codes; a try is counted before the code is
// compared, in one statement, so parallel guesses cannot get more comparisons than that. Wrong
// codes void the code only: the emailed link keeps working.
import { keyedHash } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { autoApproveVerified } from "./auto-approve.ts";
import { markSubmissionVerified, type VerifiedSubmission } from "./mark-submission-verified.ts";

export const MAX_CODE_ATTEMPTS = 5;
/** Tries over every code sent for one submission: five for each of the first two codes, two for a third. */
export const MAX_CODE_ATTEMPTS_PER_REQUEST = 12;

function codeUsedUp(): AppError {
  return new AppError(
    "TOO_MANY_ATTEMPTS",
    "Too many wrong codes: this code no longer works. Use the link in the email, or ask for a new code.",
    { details: { attemptsLeft: 0 } },
  );
}

export function requestCodesUsedUp(reference: string): AppError {
  return new AppError(
    "TOO_MANY_ATTEMPTS",
    `Too many wrong codes for request ${reference}: codes no longer work for it. Use the link in the most recent email, or file a new request.`,
    { details: { attemptsLeft: 0, startAgain: true } },
  );
}

/** Tries already made on every code of a submission. */
export async function codeAttemptsOf(submissionId: string, client: Pick<Tx, "$queryRaw"> = db()): Promise<number> {
  const [row] = await client.$queryRaw<Array<{ total: number }>>`
    SELECT COALESCE(SUM(attempts), 0)::int AS total FROM verification_challenges WHERE "submissionId" = ${submissionId}::uuid`;
  return row?.total ?? 0;
}

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
    // No code was compared (the reference alone reaches here): no status link.
    return {
      submissionId: request.submissionId,
      references: references.map((r) => r.reference),
      alreadyVerified: true,
      emailIds: [],
      statusToken: null,
    };
  }
  if (challenge.expiresAt <= now) throw new AppError("GONE", "This code has expired. Ask for a new one.", { details: { expired: true } });

  // Count the try first. The other challenges of the submission are voided or consumed, so only
  // this row's count can change under us, and PostgreSQL re-checks this row's condition after
  // waiting for a concurrent try: at most five tries per code and the request's total, exactly.
  const [claimed] = await db().$queryRaw<Array<{ attempts: number; others: number }>>`
    UPDATE verification_challenges c SET attempts = c.attempts + 1
    FROM (SELECT COALESCE(SUM(attempts), 0)::int AS others FROM verification_challenges
          WHERE "submissionId" = ${request.submissionId}::uuid AND id <> ${challenge.id}::uuid) o
    WHERE c.id = ${challenge.id}::uuid AND c."consumedAt" IS NULL AND c."voidedAt" IS NULL
      AND c.attempts < ${MAX_CODE_ATTEMPTS} AND o.others + c.attempts < ${MAX_CODE_ATTEMPTS_PER_REQUEST}
    RETURNING c.attempts, o.others`;
  if (!claimed) {
    const fresh = await db().verificationChallenge.findUniqueOrThrow({ where: { id: challenge.id } });
    if (fresh.consumedAt) return verifyByCode(reference, code, now);
    if (fresh.voidedAt) throw new AppError("GONE", "This code was replaced by a newer one: use the most recent email.");
    if (fresh.attempts >= MAX_CODE_ATTEMPTS) throw codeUsedUp();
    throw requestCodesUsedUp(reference);
  }

  if (keyedHash("verify-code", `${request.submissionId}:${code}`) !== challenge.codeHash) {
    const attemptsLeft = Math.max(
      0,
      Math.min(MAX_CODE_ATTEMPTS - claimed.attempts, MAX_CODE_ATTEMPTS_PER_REQUEST - claimed.others - claimed.attempts),
    );
    if (attemptsLeft > 0) {
      throw new AppError("INVALID_CODE", `This code is not right. ${attemptsLeft} attempt(s) left.`, { details: { attemptsLeft } });
    }
    throw claimed.others + claimed.attempts >= MAX_CODE_ATTEMPTS_PER_REQUEST ? requestCodesUsedUp(reference) : codeUsedUp();
  }

  const result = await db().$transaction(async (tx: Tx) => {
    // Re-read under the transaction: a new code may have replaced this one meanwhile.
    const fresh = await tx.verificationChallenge.findUniqueOrThrow({ where: { id: challenge.id } });
    if (fresh.voidedAt) throw new AppError("GONE", "This code was replaced by a newer one: use the most recent email.");
    return markSubmissionVerified(tx, challenge.id, request.submissionId, "code", now);
  });
  for (const emailId of result.emailIds) {
    await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  }
  if (!result.alreadyVerified) await autoApproveVerified(result.references);
  return result;
}
