// A fresh proof of identity before a change that weakens sign-in (two-factor off, new recovery
// codes), so a stolen session cookie alone cannot make it: the password and a current code (the
// authenticator's, or an unused recovery code). The attempt is counted with the wrong sign-in
// codes before anything is compared, and a wrong password counts too, so the cookie cannot be
// used to guess either (second-factor-attempts.ts).
import { db } from "../db.ts";
import { matchSecondFactorCode, type SecondFactorMatch } from "./match-second-factor-code.ts";
import { verifyPassword } from "./password.ts";
import { secondFactorFailure, takeSecondFactorAttempt } from "./second-factor-attempts.ts";
import { staffRefusal } from "./staff-refusal.ts";

/** The code's compare-and-set use (see matchSecondFactorCode) once both are right; throws otherwise. */
export async function confirmPasswordAndCode(options: {
  userId: string;
  sessionId: string;
  password: string;
  code: string;
  now: Date;
}): Promise<SecondFactorMatch> {
  const before = await db().staffUser.findUniqueOrThrow({ where: { id: options.userId }, select: { totpEnabledAt: true } });
  if (!before.totpEnabledAt) throw staffRefusal("INVALID_STATE", { key: "staffAuth.errors.twoFactorNotOn" });
  const attempt = await takeSecondFactorAttempt(options.userId, options.sessionId, options.now);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: options.userId } });
  const passwordOk = options.password.length > 0 && (await verifyPassword(user.passwordHash, options.password).catch(() => false));
  if (!passwordOk) {
    throw await secondFactorFailure(
      attempt,
      staffRefusal("VALIDATION_FAILED", { key: "staffAuth.errors.wrongPassword" }, { field: "password" }),
    );
  }
  const match = matchSecondFactorCode(user, options.code, options.now);
  if (!match) {
    throw await secondFactorFailure(
      attempt,
      staffRefusal("VALIDATION_FAILED", { key: "staffAuth.errors.wrongConfirmCode" }, { field: "code" }),
    );
  }
  return match;
}
