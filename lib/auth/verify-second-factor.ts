// The second step of signing in: a code from the authenticator app, or a single-use recovery code.
// Wrong codes are counted per account before each comparison (second-factor-attempts.ts); a right
// one gives the session a new token, which the caller puts in the cookie.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { rotateStaffSessionToken } from "./create-staff-session.ts";
import { matchSecondFactorCode } from "./match-second-factor-code.ts";
import { revokeStaffSession } from "./revoke-staff-sessions.ts";
import { secondFactorFailure, takeSecondFactorAttempt } from "./second-factor-attempts.ts";
import { staffRefusal } from "./staff-refusal.ts";

export async function verifySecondFactor(options: { sessionId: string; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const session = await db().staffSession.findUnique({ where: { id: options.sessionId }, include: { user: true } });
  if (!session || session.revokedAt || !session.user.totpSecretEncrypted || !session.user.totpEnabledAt) {
    throw staffRefusal("UNAUTHORIZED", { key: "staffAuth.errors.signInAgain" });
  }
  const attempt = await takeSecondFactorAttempt(session.userId, session.id, now).catch(async (error: unknown) => {
    // Locked: this session, still waiting for its code, ends too.
    if (error instanceof AppError && error.code === "TOO_MANY_ATTEMPTS") await revokeStaffSession(session.id, now);
    throw error;
  });
  // Read after counting, so the comparison sees what earlier attempts used up.
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: session.userId } });
  const match = matchSecondFactorCode(user, options.code, now);
  if (!match) throw await secondFactorFailure(attempt, staffRefusal("INVALID_CODE", { key: "staffAuth.errors.codeInvalid" }));
  const rotated = await db().$transaction(async (tx: Tx) => {
    const updated = await tx.staffUser.updateMany({ where: { id: user.id, ...match.where }, data: match.data });
    if (updated.count === 0) throw staffRefusal("INVALID_CODE", { key: "staffAuth.errors.codeJustUsed" });
    const next = await rotateStaffSessionToken(tx, session.id, now);
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id },
      action: "staff.second-factor-passed",
      data: { method: match.method, recoveryCodesLeft: match.recoveryCodesLeft },
    });
    return next;
  });
  return { recoveryCodesLeft: match.recoveryCodesLeft, token: rotated.token, expiresAt: rotated.expiresAt };
}
