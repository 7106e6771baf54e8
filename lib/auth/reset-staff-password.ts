// An operator gives a staff member who lost their password a new one-time password: it must be
// changed at the next sign-in, and every session of the account ends. Two-factor stays as it is.
import { normaliseEmail } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { generateOneTimePassword, hashPassword } from "./password.ts";

export async function resetStaffPassword(options: { email: string; actor?: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  const email = normaliseEmail(options.email);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db().$transaction(async (tx: Tx) => {
    const user = await tx.staffUser.findUnique({ where: { email } });
    if (!user) throw new AppError("NOT_FOUND", `No staff account has the email ${email}.`);
    if (user.disabledAt) throw new AppError("INVALID_STATE", `The account ${email} is disabled: enable it first.`);
    await tx.staffUser.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, secondFactorFailures: 0, lockedUntil: null },
    });
    await tx.staffSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await appendAuditEvent(tx, { actor: options.actor ?? { type: "SYSTEM" }, action: "staff.password-reset", data: { userId: user.id } });
  });
  return { email, oneTimePassword };
}
