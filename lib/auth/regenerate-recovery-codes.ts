// New recovery codes replace the old ones (for someone who used or lost theirs). It takes the
// password and a current code (confirm-password-and-code.ts); every other session of the account
// ends and the holder is told by email.
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { confirmPasswordAndCode } from "./confirm-password-and-code.ts";
import { generateRecoveryCodes } from "./recovery-codes.ts";
import { staffSignInUrl } from "./second-factor-attempts.ts";

export async function regenerateRecoveryCodes(options: { userId: string; sessionId: string; password: string; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const proof = await confirmPasswordAndCode({ ...options, now });
  const { codes, hashes } = generateRecoveryCodes();
  const { emailId, sessionsRevoked } = await db().$transaction(async (tx: Tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: options.userId, totpEnabledAt: { not: null }, ...proof.where },
      data: { ...proof.data, recoveryCodeHashes: hashes },
    });
    if (updated.count === 0) throw new AppError("INVALID_CODE", "This code was just used. Wait for the next one.");
    const user = await tx.staffUser.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
    const { count } = await tx.staffSession.updateMany({
      where: { userId: options.userId, revokedAt: null, id: { not: options.sessionId } },
      data: { revokedAt: now },
    });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: options.userId },
      action: "staff.recovery-codes-regenerated",
      data: { method: proof.method, sessionsRevoked: count },
    });
    const queued = await queueEmail(tx, {
      template: "staff-recovery-codes-replaced",
      locale: "en",
      to: user.email,
      staffUserId: options.userId,
      props: { signInUrl: staffSignInUrl() },
    });
    return { emailId: queued, sessionsRevoked: count };
  });
  await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return { recoveryCodes: codes, sessionsRevoked };
}
