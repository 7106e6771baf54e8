// Checks a staff member's email and password and opens a session. Nothing in the answers tells an
// account from an unknown email: the same message, in the same time (a decoy hash), and the same
// growing delays, which are kept per (email, client address) pair whether or not the email is an
// account (lib/security/sign-in-throttle.ts), so nobody can lock the holder out from their own
// address. Attempts are also limited per address. The one lock on an account is set by wrong
// second-factor codes (second-factor-attempts.ts), and it is shown only to someone who typed the
// right password. With OIDC_ONLY=true staff sign in through their identity provider, and a password
// is accepted only while it is a one-time password given by an operator (`npm run admin --
// reset-password`), the way back in when the provider is out of reach.
import { keyedHash, normaliseEmail } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { env } from "../env.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { clearSignInAttempts, takeSignInAttempt } from "../security/sign-in-throttle.ts";
import { staffAddressLimit } from "../security/staff-address-limit.ts";
import { createStaffSession } from "./create-staff-session.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { englishText, staffRefusal } from "./staff-refusal.ts";

const signInRefused = { key: "staffAuth.errors.signInRefused" };
export const SIGN_IN_REFUSED = englishText(signInRefused);

// A real argon2id hash of a random string, so an unknown email costs the same time as a known one.
let decoyHash: Promise<string> | null = null;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

export async function signInStaff(options: { email: string; password: string; address: string; now?: Date }) {
  const now = options.now ?? new Date();
  await consumeRateLimit(staffAddressLimit("staff-sign-in-address"), options.address, now);
  const email = normaliseEmail(options.email);
  // Counted before the password is checked, so parallel guesses wait like serial ones.
  await takeSignInAttempt(email, options.address, now);
  const user = await db().staffUser.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoy()), options.password).catch(() => false);
  // With OIDC_ONLY, only a one-time password from `npm run admin` (break glass) signs in here.
  const passwordRefused = env().OIDC_ONLY && !user?.mustChangePassword;
  if (!user || user.disabledAt || user.inviteTokenHash || !passwordOk || passwordRefused) {
    // Every refusal is audited, an unknown email too (by a keyed hash, never the address): the same
    // work either way, so the time taken tells nothing either.
    await auditMiss(user?.id ?? null, email);
    throw staffRefusal("UNAUTHORIZED", signInRefused);
  }
  await clearSignInAttempts(email, options.address);
  if (user.lockedUntil && user.lockedUntil > now) {
    const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw staffRefusal("TOO_MANY_ATTEMPTS", { key: "staffAuth.errors.accountLocked", values: { minutes } }, { retryAfterSeconds });
  }
  await db().$transaction(async (tx: Tx) => {
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id },
      action: "staff.signed-in",
      data: { secondFactorPending: Boolean(user.totpEnabledAt) },
    });
  });
  return createStaffSession(user.id, now);
}

async function auditMiss(userId: string | null, email: string) {
  await db().$transaction(async (tx: Tx) => {
    await appendAuditEvent(tx, {
      actor: { type: "SYSTEM" },
      action: "staff.sign-in-failed",
      data: { userId, emailHash: keyedHash("staff-sign-in-email", email) },
    });
  });
}
