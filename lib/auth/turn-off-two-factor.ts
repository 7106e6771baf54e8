// Agents and auditors may turn two-factor off; admins must keep it. It takes the password and a
// current code (confirm-password-and-code.ts); every other session of the account ends and the
// holder is told by email (apply-two-factor-change.ts), so a change they did not make does not go
// unnoticed.
import { db } from "../db.ts";
import { applyTwoFactorChange } from "./apply-two-factor-change.ts";
import { confirmPasswordAndCode } from "./confirm-password-and-code.ts";
import { staffRefusal } from "./staff-refusal.ts";

export async function turnOffTwoFactor(options: { userId: string; sessionId: string; password: string; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const { role } = await db().staffUser.findUniqueOrThrow({ where: { id: options.userId }, select: { role: true } });
  if (role === "ADMIN") throw staffRefusal("FORBIDDEN", { key: "staffAuth.errors.adminsKeepTwoFactor" });
  const proof = await confirmPasswordAndCode({ ...options, now });
  return applyTwoFactorChange({
    userId: options.userId,
    sessionId: options.sessionId,
    now,
    proof,
    where: { role: { not: "ADMIN" } },
    data: {
      totpSecretEncrypted: null,
      totpEnabledAt: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
      secondFactorFailures: 0,
      lockedUntil: null,
    },
    action: "staff.two-factor-disabled",
    template: "staff-two-factor-turned-off",
  });
}
