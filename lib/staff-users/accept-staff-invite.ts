// The invited person chooses their password: the link is checked (and throttled per address), the
// password must pass the policy, and the invitation is used up. They then sign in as anyone does;
// administrators set up two-factor at that first sign-in.

import { hashPassword } from "../auth/password.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import { staffRefusal } from "../auth/staff-refusal.ts";
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { staffAddressLimit } from "../security/staff-address-limit.ts";
import { findStaffInvite } from "./find-staff-invite.ts";
import { staffInviteTokenHash } from "./invite-staff-user.ts";

export async function acceptStaffInvite(options: { token: string; password: string; address: string; now?: Date }) {
  const now = options.now ?? new Date();
  // Guessing links is hopeless (256 bits), but each try costs a password hash: keep them few.
  await consumeRateLimit(staffAddressLimit("staff-invite-address"), options.address, now);
  const invite = await findStaffInvite(options.token, now);
  if (!invite) throw staffRefusal("GONE", { key: "staffAuth.errors.inviteInvalid" });
  const problem = passwordProblem(options.password, invite.email);
  if (problem) throw staffRefusal("VALIDATION_FAILED", problem, { field: "password" });
  const passwordHash = await hashPassword(options.password);
  await db().$transaction(async (tx: Tx) => {
    // Conditional on the same link still pending, so two tabs cannot both use it.
    const used = await tx.staffUser.updateMany({
      where: { id: invite.userId, inviteTokenHash: staffInviteTokenHash(options.token), disabledAt: null },
      data: {
        passwordHash,
        inviteTokenHash: null,
        inviteExpiresAt: null,
        mustChangePassword: false,
        secondFactorFailures: 0,
        lockedUntil: null,
      },
    });
    if (used.count === 0) throw staffRefusal("GONE", { key: "staffAuth.errors.inviteInvalid" });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: invite.userId },
      action: "staff.invite-accepted",
      data: { userId: invite.userId },
    });
  });
  return { email: invite.email };
}
