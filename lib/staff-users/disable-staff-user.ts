// Disables a staff account: it can no longer sign in and every session it has ends at once. Its
// history (notes, decisions, audit events) stays. Nobody disables their own account, and the
// last active administrator stays.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { lockStaffUser, refuseLastActiveAdmin, revokeSessionsIn } from "./staff-admins.ts";

export async function disableStaffUser(options: { userId: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  if (options.actor.type === "STAFF" && options.actor.id === options.userId) {
    throw new AppError("FORBIDDEN", "You cannot disable your own account. Ask another administrator.", {
      text: { key: "staffUsers.errors.disableSelf" },
    });
  }
  return db().$transaction(async (tx: Tx) => {
    const user = await lockStaffUser(tx, options.userId);
    if (user.disabledAt) return { userId: user.id, changed: false, sessionsRevoked: 0 };
    await refuseLastActiveAdmin(tx, user, "disabling this account", { key: "staffUsers.errors.lastAdminDisable" });
    await tx.staffUser.update({ where: { id: user.id }, data: { disabledAt: now } });
    const sessionsRevoked = await revokeSessionsIn(tx, user.id, now);
    await appendAuditEvent(tx, { actor: options.actor, action: "staff.user-disabled", data: { userId: user.id, sessionsRevoked } });
    return { userId: user.id, changed: true, sessionsRevoked };
  });
}
