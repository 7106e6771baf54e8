// Sign out (one session) and sign out everywhere (every session of the account).
import { db } from "../db.ts";

export async function revokeStaffSession(sessionId: string, now = new Date()) {
  await db().staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeAllStaffSessions(userId: string, now = new Date()): Promise<number> {
  const { count } = await db().staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
