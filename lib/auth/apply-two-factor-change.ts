// The common end of a two-factor change the holder proved with the password and a current code
// (turning it off, new recovery codes): in one transaction, the change itself (only if the proof's
// code was not used meanwhile), every other session of the account ended, an audit event and an
// email telling the holder; the email's delivery is queued after the commit.

import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import type { SecondFactorMatch } from "./match-second-factor-code.ts";
import { staffSignInUrl } from "./second-factor-attempts.ts";
import { staffEmailLocale } from "./staff-email-locale.ts";
import { staffRefusal } from "./staff-refusal.ts";

export async function applyTwoFactorChange(change: {
  userId: string;
  /** The session making the change: it stays; every other one ends. */
  sessionId: string;
  now: Date;
  /** What confirmPasswordAndCode returned: the code is used only if no one used it meanwhile. */
  proof: SecondFactorMatch;
  /** Conditions the account must still meet (e.g. two-factor on), beside the proof's own. */
  where: Prisma.StaffUserWhereInput;
  data: Prisma.StaffUserUpdateManyMutationInput;
  action: "staff.two-factor-disabled" | "staff.recovery-codes-regenerated";
  template: "staff-two-factor-turned-off" | "staff-recovery-codes-replaced";
}): Promise<{ sessionsRevoked: number }> {
  const { emailId, sessionsRevoked } = await db().$transaction(async (tx: Tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: change.userId, ...change.where, ...change.proof.where },
      data: { ...change.proof.data, ...change.data },
    });
    if (updated.count === 0) throw staffRefusal("INVALID_CODE", { key: "staffAuth.errors.codeJustUsed" });
    const user = await tx.staffUser.findUniqueOrThrow({ where: { id: change.userId }, select: { email: true, locale: true } });
    const { count } = await tx.staffSession.updateMany({
      where: { userId: change.userId, revokedAt: null, id: { not: change.sessionId } },
      data: { revokedAt: change.now },
    });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: change.userId },
      action: change.action,
      data: { method: change.proof.method, sessionsRevoked: count },
    });
    const queued = await queueEmail(tx, {
      template: change.template,
      locale: staffEmailLocale(user.locale),
      to: user.email,
      staffUserId: change.userId,
      props: { signInUrl: staffSignInUrl() },
    });
    return { emailId: queued, sessionsRevoked: count };
  });
  await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return { sessionsRevoked };
}
