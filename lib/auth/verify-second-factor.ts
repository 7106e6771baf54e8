// The second step of signing in: a code from the authenticator app, or a single-use recovery code.
import { decryptString } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { looksLikeRecoveryCode, recoveryCodeHash } from "./recovery-codes.ts";
import { verifyTotp } from "./totp.ts";

export async function verifySecondFactor(options: { sessionId: string; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  // Six digits leave a million guesses: five tries per five minutes per session keeps that out of reach.
  await consumeRateLimit({ name: "staff-second-factor", limit: 5, windowSeconds: 300 }, options.sessionId, now);
  const session = await db().staffSession.findUnique({ where: { id: options.sessionId }, include: { user: true } });
  if (!session || session.revokedAt || !session.user.totpSecretEncrypted || !session.user.totpEnabledAt) {
    throw new AppError("UNAUTHORIZED", "Sign in again to continue.");
  }
  const { user } = session;
  const usedRecoveryCode = looksLikeRecoveryCode(options.code);
  let data: { totpLastStep?: number; recoveryCodeHashes?: string[] };
  if (usedRecoveryCode) {
    const hash = recoveryCodeHash(options.code);
    if (!user.recoveryCodeHashes.includes(hash)) throw new AppError("INVALID_CODE", "This code is not valid. Check it and try again.");
    data = { recoveryCodeHashes: user.recoveryCodeHashes.filter((h) => h !== hash) };
  } else {
    const step = verifyTotp(decryptString(user.totpSecretEncrypted as string, "totp"), options.code, now, user.totpLastStep);
    if (step === null) throw new AppError("INVALID_CODE", "This code is not valid. Check it and try again.");
    data = { totpLastStep: step };
  }
  await db().$transaction(async (tx: Tx) => {
    // The recovery code list and the last step are compared-and-set, so two tabs cannot both use one code.
    const updated = await tx.staffUser.updateMany({
      where: { id: user.id, totpLastStep: user.totpLastStep, recoveryCodeHashes: { equals: user.recoveryCodeHashes } },
      data,
    });
    if (updated.count === 0) throw new AppError("INVALID_CODE", "This code was just used. Wait for the next one.");
    await tx.staffSession.update({ where: { id: session.id }, data: { secondFactorAt: now } });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id },
      action: "staff.second-factor-passed",
      data: {
        method: usedRecoveryCode ? "recovery-code" : "totp",
        recoveryCodesLeft: data.recoveryCodeHashes?.length ?? user.recoveryCodeHashes.length,
      },
    });
  });
  return { recoveryCodesLeft: data.recoveryCodeHashes?.length ?? user.recoveryCodeHashes.length };
}
