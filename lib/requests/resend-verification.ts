// A new link and code for a submission still waiting for its proof of email (the first expired,
// was voided by wrong codes, or never arrived). Older challenges stop working; the email also
// carries a new private status link (earlier ones keep working). At most MAX_RESENDS_PER_DAY new
// codes in any 24 hours, and none once the request's code tries are used up: the person then uses
// the link of the most recent email or files a new request.
import { keyedHash, randomCode, randomToken } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { publicUrls } from "./public-urls.ts";
import type { Locale } from "./request-input.schema.ts";
import { issueStatusToken } from "./status-links.ts";
import { codeAttemptsOf, MAX_CODE_ATTEMPTS_PER_REQUEST, requestCodesUsedUp } from "./verify-by-code.ts";

export const MAX_RESENDS_PER_DAY = 5;
const DAY_MS = 86_400_000;

export async function resendVerification(reference: string, now = new Date()): Promise<{ references: string[] }> {
  const config = env();
  const result = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({ where: { reference } });
    if (!request) throw new AppError("NOT_FOUND", `No request has the reference ${reference}.`);
    const requests = await tx.dsarRequest.findMany({
      where: { submissionId: request.submissionId, status: "SUBMITTED" },
      orderBy: { createdAt: "asc" },
    });
    if (requests.length === 0) {
      throw new AppError("INVALID_STATE", `Request ${reference} is not waiting for a proof of email.`);
    }
    if (request.verifyBy <= now) throw new AppError("GONE", `Request ${reference} has expired: please file a new request.`);
    // One resend at a time per submission, so the count below cannot be passed by parallel calls.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`verification-resend:${request.submissionId}`}, 0))`;
    const challenges = await tx.verificationChallenge.findMany({
      where: { submissionId: request.submissionId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    // Every challenge after the first was a resend.
    const resentToday = challenges.slice(1).filter((c) => c.createdAt.getTime() > now.getTime() - DAY_MS).length;
    if (resentToday >= MAX_RESENDS_PER_DAY) {
      throw new AppError(
        "TOO_MANY_ATTEMPTS",
        `${MAX_RESENDS_PER_DAY} new codes were already sent for request ${reference} today. Use the link in the most recent email, or file a new request.`,
        { details: { startAgain: true, resendLimit: true } },
      );
    }
    if ((await codeAttemptsOf(request.submissionId, tx)) >= MAX_CODE_ATTEMPTS_PER_REQUEST) throw requestCodesUsedUp(reference);
    await tx.verificationChallenge.updateMany({
      where: { submissionId: request.submissionId, consumedAt: null, voidedAt: null },
      data: { voidedAt: now },
    });
    const verifyToken = randomToken();
    const code = randomCode();
    await tx.verificationChallenge.create({
      data: {
        submissionId: request.submissionId,
        tokenHash: keyedHash("verify-token", verifyToken),
        codeHash: keyedHash("verify-code", `${request.submissionId}:${code}`),
        expiresAt: new Date(now.getTime() + config.VERIFICATION_TTL_HOURS * 3_600_000),
      },
    });
    const statusToken = await issueStatusToken(tx, request.submissionId);
    for (const r of requests) {
      await appendAuditEvent(tx, { requestId: r.id, actor: { type: "SUBJECT" }, action: "verification.resent", data: {} });
    }
    const locale = request.locale as Locale;
    // A new code for a request an agent filed says again who filed it.
    const agent = await tx.agentAuthorization.findUnique({
      where: { requestId: request.id },
      select: { agentName: true, agentOrganisation: true },
    });
    const verifyUrl = publicUrls.verify(locale, verifyToken);
    const statusUrl = publicUrls.status(locale, statusToken);
    const emailId = await queueEmail(tx, {
      template: "verify-request",
      locale,
      to: request.email as string,
      requestId: request.id,
      props: {
        references: requests.map((r) => r.reference),
        types: requests.map((r) => r.type.toLowerCase()),
        verifyUrl,
        code,
        statusUrl,
        expiresInHours: config.VERIFICATION_TTL_HOURS,
        ...(agent?.agentName
          ? { agent: { name: agent.agentName, ...(agent.agentOrganisation ? { organisation: agent.agentOrganisation } : {}) } }
          : {}),
      },
      secrets: [verifyUrl, statusUrl, verifyToken, statusToken, code],
    });
    return { references: requests.map((r) => r.reference), emailId };
  });
  await enqueueAfterCommit("email.deliver", { emailId: result.emailId }, { jobId: `email-${result.emailId}` });
  return { references: result.references };
}
