// New recovery codes replace the old ones (for someone who used or lost theirs). It takes the
// password and a current code (confirm-password-and-code.ts); every other session of the account
// ends and the holder is told by email (apply-two-factor-change.ts).
import { applyTwoFactorChange } from "./apply-two-factor-change.ts";
import { confirmPasswordAndCode } from "./confirm-password-and-code.ts";
import { generateRecoveryCodes } from "./recovery-codes.ts";

export async function regenerateRecoveryCodes(options: { userId: string; sessionId: string; password: string; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const proof = await confirmPasswordAndCode({ ...options, now });
  const { codes, hashes } = generateRecoveryCodes();
  const { sessionsRevoked } = await applyTwoFactorChange({
    userId: options.userId,
    sessionId: options.sessionId,
    now,
    proof,
    where: { totpEnabledAt: { not: null } },
    data: { recoveryCodeHashes: hashes },
    action: "staff.recovery-codes-regenerated",
    template: "staff-recovery-codes-replaced",
  });
  return { recoveryCodes: codes, sessionsRevoked };
}
