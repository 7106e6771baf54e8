// Opens a staff session after a correct password, or a single sign-on (lib/auth/sso/). The cookie carries a random token; only its
// keyed hash is stored. The session still needs the second factor when the account has one; once
// it is passed the session gets a new token (rotateStaffSessionToken), so a token seen before the
// second factor never carries the rights gained after it.
import { keyedHash, randomToken } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";

export async function createStaffSession(
  userId: string,
  now = new Date(),
  /** A single sign-on owes no password change; with the provider's multi-factor, no local second factor. */
  via: { method: "PASSWORD" | "SSO"; identityProviderMfa: boolean } = { method: "PASSWORD", identityProviderMfa: false },
) {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + env().STAFF_SESSION_MAX_HOURS * 3_600_000);
  const session = await db().staffSession.create({
    data: {
      userId,
      tokenHash: staffSessionTokenHash(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      signInMethod: via.method,
      identityProviderMfa: via.method === "SSO" && via.identityProviderMfa,
    },
    select: { id: true, expiresAt: true },
  });
  return { token, sessionId: session.id, expiresAt: session.expiresAt };
}

/**
 * Marks the second factor passed and replaces the session's token, in the caller's transaction.
 * Refused when the session has ended meanwhile.
 */
export async function rotateStaffSessionToken(tx: Tx, sessionId: string, secondFactorAt: Date) {
  const token = randomToken();
  const updated = await tx.staffSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { tokenHash: staffSessionTokenHash(token), secondFactorAt },
  });
  if (updated.count === 0)
    throw new AppError("UNAUTHORIZED", "Sign in again to continue.", { text: { key: "staffAuth.errors.signInAgain" } });
  const { expiresAt } = await tx.staffSession.findUniqueOrThrow({ where: { id: sessionId }, select: { expiresAt: true } });
  return { token, expiresAt };
}

export function staffSessionTokenHash(token: string): string {
  return keyedHash("staff-session", token);
}
