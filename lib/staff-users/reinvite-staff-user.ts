// "Send the invitation again" on the users page: a new link for someone who has not accepted
// yet (the old link stops working), with the role they were invited with.
import { staffEmailLocale } from "../auth/staff-email-locale.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { inviteStaffUser } from "./invite-staff-user.ts";

export async function reinviteStaffUser(options: { userId: string; actor: Actor; now?: Date }) {
  const user = await db().staffUser.findUnique({
    where: { id: options.userId },
    select: { email: true, role: true, inviteTokenHash: true, locale: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "There is no such staff account.", { text: { key: "staffUsers.errors.noSuchAccount" } });
  if (!user.inviteTokenHash) {
    throw new AppError("INVALID_STATE", `${user.email} has already accepted their invitation.`, {
      text: { key: "staffUsers.errors.alreadyAccepted", values: { email: user.email } },
    });
  }
  return inviteStaffUser({
    email: user.email,
    role: user.role.toLowerCase() as "admin",
    locale: staffEmailLocale(user.locale),
    actor: options.actor,
    now: options.now,
  });
}
