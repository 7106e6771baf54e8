// Gives a staff member another role. The change applies at their next page (roles are read with
// the session each time). The last active administrator cannot be demoted.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { lockStaffUser, refuseLastActiveAdmin } from "./staff-admins.ts";

export const changeStaffRoleSchema = z.object({
  userId: z.uuid({ message: "staffUsers.validation.account" }),
  role: z.enum(["admin", "agent", "auditor"], { message: "staffUsers.validation.role" }),
});

export async function changeStaffRole(options: z.input<typeof changeStaffRoleSchema> & { actor: Actor }) {
  const { userId, role } = changeStaffRoleSchema.parse(options);
  const to = role.toUpperCase() as "ADMIN" | "AGENT" | "AUDITOR";
  return db().$transaction(async (tx: Tx) => {
    const user = await lockStaffUser(tx, userId);
    if (user.role === to) return { userId, role: to, changed: false };
    if (to !== "ADMIN") {
      await refuseLastActiveAdmin(tx, user, `making them ${role}`, { key: "staffUsers.errors.lastAdminRole", role: to });
    }
    await tx.staffUser.update({ where: { id: userId }, data: { role: to } });
    await appendAuditEvent(tx, { actor: options.actor, action: "staff.role-changed", data: { userId, from: user.role, to } });
    return { userId, role: to, changed: true };
  });
}
