// Opens a staff session after a correct password. The cookie carries a random token; only its
// keyed hash is stored. The session still needs the second factor when the account has one.
import { keyedHash, randomToken } from "../crypto.ts";
import { db } from "../db.ts";
import { env } from "../env.ts";

export async function createStaffSession(userId: string, now = new Date()) {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + env().STAFF_SESSION_MAX_HOURS * 3_600_000);
  const session = await db().staffSession.create({
    data: { userId, tokenHash: staffSessionTokenHash(token), createdAt: now, lastSeenAt: now, expiresAt },
    select: { id: true, expiresAt: true },
  });
  return { token, sessionId: session.id, expiresAt: session.expiresAt };
}

export function staffSessionTokenHash(token: string): string {
  return keyedHash("staff-session", token);
}
