// A staff member replaces their password (the one-time password at first sign-in, or any time).
// Every other session of the account ends. The current password is asked for, so a stolen session
// cookie cannot set a new one; tries are limited per account (counted before the check, so
// parallel ones too), or the form would be a way to guess it.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { passwordProblem } from "./password-policy.ts";

export async function changeStaffPassword(options: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  await consumeRateLimit({ name: "staff-current-password", limit: 5, windowSeconds: 900 }, options.userId, now);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: options.userId } });
  if (!(await verifyPassword(user.passwordHash, options.currentPassword).catch(() => false))) {
    throw new AppError("VALIDATION_FAILED", "The current password is incorrect.", {
      issues: [{ path: "currentPassword", message: "The current password is incorrect." }],
    });
  }
  const problem =
    passwordProblem(options.newPassword, user.email) ??
    (options.newPassword === options.currentPassword ? "The new password must differ from the current one." : null);
  if (problem) throw new AppError("VALIDATION_FAILED", problem, { issues: [{ path: "newPassword", message: problem }] });
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
