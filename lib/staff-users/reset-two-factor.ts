// For someone who lost their authenticator and recovery codes: their two-factor setup and codes
// are erased and every session ends. At their next sign-in (password still needed) they set it up
// again; administrators cannot skip that step.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { lockStaffUser, revokeSessionsIn } from "./staff-admins.ts";

export async function resetTwoFactor(options: { userId: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  return db().$transaction(async (tx: Tx) => {
    const user = await lockStaffUser(tx, options.userId);
    if (!user.totpEnabledAt && !user.totpSecretEncrypted) {
      throw new AppError("INVALID_STATE", `${user.email} has no two-factor setup to reset.`, {
        text: { key: "staffUsers.errors.noTwoFactor", values: { email: user.email } },
      });
    }
    await tx.staffUser.update({
      where: { id: user.id },
      data: {
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastStep: null,
        recoveryCodeHashes: [],
        secondFactorFailures: 0,
        lockedUntil: null,
      },
    });
    const sessionsRevoked = await revokeSessionsIn(tx, user.id, now);
    await appendAuditEvent(tx, { actor: options.actor, action: "staff.two-factor-reset", data: { userId: user.id, sessionsRevoked } });
    return { userId: user.id, sessionsRevoked };
  });
}
