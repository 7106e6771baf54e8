// Lets a disabled account sign in again, with its role, password and two-factor as they were;
// a lock from failed sign-ins is lifted too.
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { lockStaffUser } from "./staff-admins.ts";

export async function enableStaffUser(options: { userId: string; actor: Actor }) {
  return db().$transaction(async (tx: Tx) => {
    const user = await lockStaffUser(tx, options.userId);
    if (!user.disabledAt) return { userId: user.id, changed: false };
    await tx.staffUser.update({ where: { id: user.id }, data: { disabledAt: null, secondFactorFailures: 0, lockedUntil: null } });
    await appendAuditEvent(tx, { actor: options.actor, action: "staff.user-enabled", data: { userId: user.id } });
    return { userId: user.id, changed: true };
  });
}
