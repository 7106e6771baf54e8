// Whether a code is the authenticator's current one or an unused recovery code, and the
// compare-and-set change that uses it up (a right code also clears the wrong-code count and lock).
// Callers count the attempt first (second-factor-attempts.ts).
import { decryptString } from "../crypto.ts";
import type { StaffUser } from "../generated/prisma/client.ts";
import { looksLikeRecoveryCode, recoveryCodeHash } from "./recovery-codes.ts";
import { verifyTotp } from "./totp.ts";

export type SecondFactorMatch = {
  method: "totp" | "recovery-code";
  /** The compare-and-set condition and change that use the code up (so two tabs cannot both use it). */
  where: { totpLastStep: number | null; recoveryCodeHashes: { equals: string[] } };
  data: { totpLastStep?: number; recoveryCodeHashes?: string[]; secondFactorFailures: 0; lockedUntil: null };
  recoveryCodesLeft: number;
};

/** Whether the code is the authenticator's current one or an unused recovery code; null when it is neither. */
export function matchSecondFactorCode(
  user: Pick<StaffUser, "totpSecretEncrypted" | "totpLastStep" | "recoveryCodeHashes">,
  code: string,
  now: Date,
): SecondFactorMatch | null {
  if (!user.totpSecretEncrypted) return null;
  const where = { totpLastStep: user.totpLastStep, recoveryCodeHashes: { equals: user.recoveryCodeHashes } };
  const cleared = { secondFactorFailures: 0 as const, lockedUntil: null };
  if (looksLikeRecoveryCode(code)) {
    const hash = recoveryCodeHash(code);
    if (!user.recoveryCodeHashes.includes(hash)) return null;
    const left = user.recoveryCodeHashes.filter((h) => h !== hash);
    return { method: "recovery-code", where, data: { recoveryCodeHashes: left, ...cleared }, recoveryCodesLeft: left.length };
  }
  const step = verifyTotp(decryptString(user.totpSecretEncrypted, "totp"), code, now, user.totpLastStep);
  if (step === null) return null;
  return { method: "totp", where, data: { totpLastStep: step, ...cleared }, recoveryCodesLeft: user.recoveryCodeHashes.length };
}
