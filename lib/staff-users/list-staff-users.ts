// The users page: every staff account with its role, two-factor, last activity (the latest
// session's last use) and state. Secrets and hashes never leave this query.
import { db } from "../db.ts";

export type StaffUserRow = Awaited<ReturnType<typeof listStaffUsers>>[number];

export async function listStaffUsers(now = new Date()) {
  const [users, lastSeen] = await Promise.all([
    db().staffUser.findMany({
      orderBy: { email: "asc" },
      select: {
        id: true,
        email: true,
        role: true,
        totpEnabledAt: true,
        disabledAt: true,
        lockedUntil: true,
        inviteTokenHash: true,
        inviteExpiresAt: true,
        createdAt: true,
      },
    }),
    db().staffSession.groupBy({ by: ["userId"], _max: { lastSeenAt: true } }),
  ]);
  const seen = new Map(lastSeen.map((row) => [row.userId, row._max.lastSeenAt]));
  return users.map(({ inviteTokenHash, inviteExpiresAt, lockedUntil, ...user }) => ({
    ...user,
    twoFactor: user.totpEnabledAt !== null,
    lastSeenAt: seen.get(user.id) ?? null,
    locked: lockedUntil !== null && lockedUntil > now,
    invitation: inviteTokenHash ? (inviteExpiresAt && inviteExpiresAt > now ? ("pending" as const) : ("expired" as const)) : null,
    inviteExpiresAt: inviteTokenHash ? inviteExpiresAt : null,
  }));
}
