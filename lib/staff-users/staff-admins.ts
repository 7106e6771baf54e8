// The guard every role change and every disable goes through: the portal always keeps at least
// one administrator who can sign in. Changes that could remove the last one are serialised, so
// two admins demoting each other at the same moment cannot both succeed.
import type { Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import type { StaffUser } from "../generated/prisma/client.ts";
import type { StaffRole } from "../generated/prisma/enums.ts";

// Any fixed 64-bit number, distinct from the audit chain's lock.
const STAFF_ADMINS_LOCK = 5_310_772_418;

/** Locks the set of administrators until the transaction ends, and returns the user (or NOT_FOUND). */
export async function lockStaffUser(tx: Tx, userId: string): Promise<StaffUser> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STAFF_ADMINS_LOCK}::bigint)`;
  const user = await tx.staffUser.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "There is no such staff account.", { text: { key: "staffUsers.errors.noSuchAccount" } });
  return user;
}

/** An administrator who can sign in: not disabled, invitation accepted. */
function isActiveAdmin(user: Pick<StaffUser, "role" | "disabledAt" | "inviteTokenHash">): boolean {
  return user.role === "ADMIN" && !user.disabledAt && !user.inviteTokenHash;
}

/** How a staff page says the refusal: one of staffUsers.errors.lastAdmin*, with the role given for a role change. */
type LastAdminText = { key: "staffUsers.errors.lastAdminDisable" } | { key: "staffUsers.errors.lastAdminRole"; role: StaffRole };

/**
 * Refuses `what` (English, for logs and the API) when `user` is the only active administrator left.
 * Call after lockStaffUser. `text` names the refusal for the staff pages.
 */
export async function refuseLastActiveAdmin(tx: Tx, user: StaffUser, what: string, text?: LastAdminText): Promise<void> {
  if (!isActiveAdmin(user)) return;
  const others = await tx.staffUser.count({
    where: { role: "ADMIN", disabledAt: null, inviteTokenHash: null, id: { not: user.id } },
  });
  if (others === 0) {
    throw new AppError(
      "INVALID_STATE",
      `${user.email} is the last active administrator: ${what} would leave nobody able to manage the portal. Make someone else an administrator first.`,
      text ? { text: { key: text.key, values: { email: user.email, ...("role" in text ? { role: text.role } : {}) } } } : {},
    );
  }
}

/** Ends every open session of the account, inside the caller's transaction. */
export async function revokeSessionsIn(tx: Tx, userId: string, now: Date): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
