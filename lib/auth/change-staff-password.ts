// A staff member replaces their password (the one-time password at first sign-in, or any time).
// Every other session of the account ends. The current password is asked for, so a stolen session
// cookie cannot set a new one; tries are limited per account (counted before the check, so
// parallel ones too), or the form would be a way to guess it. The one exception: a session that
// signed in with a one-time password less than ONE_TIME_PASSWORD_WINDOW_MINUTES ago has just
// proved it, so replacing it does not ask for it again (an older session must type it).
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { passwordProblem } from "./password-policy.ts";
import { staffRefusal } from "./staff-refusal.ts";

export const ONE_TIME_PASSWORD_WINDOW_MINUTES = 30;

export async function changeStaffPassword(options: {
  userId: string;
  sessionId: string;
  /** Left out only right after signing in with a one-time password (see above). */
  currentPassword?: string;
  newPassword: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  await consumeRateLimit({ name: "staff-current-password", limit: 5, windowSeconds: 900 }, options.userId, now);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: options.userId } });
  if (options.currentPassword === undefined) {
    if (!(await justSignedInWithOneTimePassword(user.id, options.sessionId, now))) {
      throw staffRefusal("VALIDATION_FAILED", { key: "staffAuth.validation.enterCurrentPassword" }, { field: "currentPassword" });
    }
  } else if (!(await verifyPassword(user.passwordHash, options.currentPassword).catch(() => false))) {
    throw staffRefusal("VALIDATION_FAILED", { key: "staffAuth.errors.currentPasswordWrong" }, { field: "currentPassword" });
  }
  const sameAsBefore = await verifyPassword(user.passwordHash, options.newPassword).catch(() => false);
  const problem = passwordProblem(options.newPassword, user.email) ?? (sameAsBefore ? { key: "staffAuth.errors.sameAsCurrent" } : null);
  if (problem) throw staffRefusal("VALIDATION_FAILED", problem, { field: "newPassword" });
  const passwordHash = await hashPassword(options.newPassword);
  await db().$transaction(async (tx: Tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await tx.staffSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: options.sessionId } },
      data: { revokedAt: now },
    });
    await appendAuditEvent(tx, { actor: { type: "STAFF", id: user.id }, action: "staff.password-changed", data: {} });
  });
}

/**
 * This session was opened with the account's one-time password (it still has one), recently enough
 * to count as proof. The password page asks the same question to decide whether to show the field.
 */
export async function justSignedInWithOneTimePassword(userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - ONE_TIME_PASSWORD_WINDOW_MINUTES * 60_000);
  const session = await db().staffSession.findFirst({
    where: { id: sessionId, userId, revokedAt: null, createdAt: { gte: since }, user: { mustChangePassword: true } },
    select: { id: true },
  });
  return session !== null;
}
