// Checks a staff member's email and password and opens a session. A wrong email and a wrong
// password get the same answer, in the same time; attempts are throttled per address and per
// account (five misses lock the account for 15 minutes).
import { normaliseEmail } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { createStaffSession } from "./create-staff-session.ts";
import { hashPassword, verifyPassword } from "./password.ts";

const MAX_MISSES = 5;
const LOCK_MINUTES = 15;
export const SIGN_IN_REFUSED = "The email or password is incorrect.";

// A real argon2id hash of a random string, so an unknown email costs the same time as a known one.
let decoyHash: Promise<string> | null = null;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

export async function signInStaff(options: { email: string; password: string; address: string; now?: Date }) {
  const now = options.now ?? new Date();
  await consumeRateLimit({ name: "staff-sign-in-address", limit: 30, windowSeconds: 900 }, options.address, now);
  const email = normaliseEmail(options.email);
  await consumeRateLimit({ name: "staff-sign-in-account", limit: 10, windowSeconds: 900 }, email, now);
  const user = await db().staffUser.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoy()), options.password).catch(() => false);
  if (!user || user.disabledAt || user.inviteTokenHash) throw new AppError("UNAUTHORIZED", SIGN_IN_REFUSED);
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError("TOO_MANY_ATTEMPTS", "Too many attempts for this account: try again in a few minutes.", {
      retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  if (!passwordOk) {
    await recordMiss(user.id, user.failedSignIns + 1, now);
    throw new AppError("UNAUTHORIZED", SIGN_IN_REFUSED);
  }
  await db().$transaction(async (tx: Tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id },
      action: "staff.signed-in",
      data: { secondFactorPending: Boolean(user.totpEnabledAt) },
    });
  });
  return createStaffSession(user.id, now);
}

async function recordMiss(userId: string, misses: number, now: Date) {
  const locked = misses >= MAX_MISSES;
  await db().$transaction(async (tx: Tx) => {
    await tx.staffUser.update({
      where: { id: userId },
      data: locked ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : { failedSignIns: misses },
    });
    await appendAuditEvent(tx, { actor: { type: "SYSTEM" }, action: "staff.sign-in-failed", data: { userId, locked } });
  });
}
