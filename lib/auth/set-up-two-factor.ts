// Two-factor setup: a new secret is kept (encrypted) until the person proves their app has it by
// entering a code; then two-factor is on, this session counts as verified (with a new token, as
// after the second factor at sign-in), and ten recovery codes are shown once. Turning it off and
// new recovery codes: turn-off-two-factor.ts, regenerate-recovery-codes.ts.
import { decryptString, encryptString } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { env } from "../env.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { rotateStaffSessionToken } from "./create-staff-session.ts";
import { generateRecoveryCodes } from "./recovery-codes.ts";
import { staffRefusal } from "./staff-refusal.ts";
import { generateTotpSecret, totpUri, verifyTotp } from "./totp.ts";

/** The pending secret (a new one unless one is already waiting) and its otpauth URI. */
export async function beginTwoFactorSetup(userId: string) {
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt) throw staffRefusal("INVALID_STATE", { key: "staffAuth.errors.twoFactorAlreadyOn" });
  let secret: string;
  if (user.totpSecretEncrypted) secret = decryptString(user.totpSecretEncrypted, "totp");
  else {
    secret = generateTotpSecret();
    await db().staffUser.update({ where: { id: userId }, data: { totpSecretEncrypted: encryptString(secret, "totp") } });
  }
  return { secret, uri: totpUri({ secret, account: user.email, issuer: env().COMPANY_NAME }) };
}

export async function confirmTwoFactorSetup(options: { userId: string; sessionId: string; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: options.userId } });
  if (user.totpEnabledAt) throw staffRefusal("INVALID_STATE", { key: "staffAuth.errors.twoFactorAlreadyOn" });
  if (!user.totpSecretEncrypted) throw staffRefusal("INVALID_STATE", { key: "staffAuth.errors.noSecretWaiting" });
  const step = verifyTotp(decryptString(user.totpSecretEncrypted, "totp"), options.code, now, null);
  if (step === null) throw staffRefusal("INVALID_CODE", { key: "staffAuth.errors.setupCodeMismatch" });
  const { codes, hashes } = generateRecoveryCodes();
  const session = await db().$transaction(async (tx: Tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: user.id, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpLastStep: step, recoveryCodeHashes: hashes, secondFactorFailures: 0, lockedUntil: null },
    });
    if (updated.count === 0) throw staffRefusal("INVALID_STATE", { key: "staffAuth.errors.twoFactorAlreadyOn" });
    const rotated = await rotateStaffSessionToken(tx, options.sessionId, now);
    await appendAuditEvent(tx, { actor: { type: "STAFF", id: user.id }, action: "staff.two-factor-enabled", data: {} });
    return rotated;
  });
  return { recoveryCodes: codes, token: session.token, expiresAt: session.expiresAt };
}
