// The invitation behind a link, if it can still be used: for the page that shows whose account
// it is before asking for a password.
import { db } from "../db.ts";
import { staffInviteTokenHash } from "./invite-staff-user.ts";

export async function findStaffInvite(token: string, now = new Date()) {
  if (!token || token.length > 200) return null;
  const user = await db().staffUser.findUnique({
    where: { inviteTokenHash: staffInviteTokenHash(token) },
    select: { id: true, email: true, role: true, inviteExpiresAt: true, disabledAt: true },
  });
  if (!user || user.disabledAt || !user.inviteExpiresAt || user.inviteExpiresAt <= now) return null;
  return { userId: user.id, email: user.email, role: user.role, expiresAt: user.inviteExpiresAt };
}
