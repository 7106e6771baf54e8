"use server";
// The users page's changes; each needs users.manage (runStaffAction) and calls one service. The
// invitation link itself never comes back to the browser: it goes only to the invited address.
import { revalidatePath } from "next/cache";
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { changeStaffRole } from "@/lib/staff-users/change-staff-role.ts";
import { disableStaffUser } from "@/lib/staff-users/disable-staff-user.ts";
import { enableStaffUser } from "@/lib/staff-users/enable-staff-user.ts";
import { inviteStaffUser } from "@/lib/staff-users/invite-staff-user.ts";
import { reinviteStaffUser } from "@/lib/staff-users/reinvite-staff-user.ts";
import { resetTwoFactor } from "@/lib/staff-users/reset-two-factor.ts";
import { changeStaffRoleSchema, inviteStaffUserSchema, staffUserIdSchema } from "./actions.schema.ts";

const sentUntil = (expiresAt: Date) => `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function inviteStaffUserAction(_previous: unknown, formData: FormData) {
  const result = await runStaffAction("users.manage", inviteStaffUserSchema, formData, async (data, me) => {
    const { email, role, expiresAt, reinvited } = await inviteStaffUser({ ...data, actor: actorOf(me) });
    return {
      email,
      role,
      reinvited,
      message: `Invitation ${reinvited ? "sent again" : "sent"} to ${email}; the link works until ${sentUntil(expiresAt)}.`,
    };
  });
  if (result.ok) revalidatePath("/staff/users");
  return result;
}

export async function reinviteStaffUserAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { email, expiresAt } = await reinviteStaffUser({ userId, actor: actorOf(me) });
      return { message: `A new link was sent to ${email}; it works until ${sentUntil(expiresAt)}. The previous link no longer works.` };
    }),
  );
}

export async function changeStaffRoleAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", changeStaffRoleSchema, formData, async (data, me) => {
      const { changed, role } = await changeStaffRole({ ...data, actor: actorOf(me) });
      return {
        message: changed ? `Role changed to ${role.toLowerCase()}; it applies from their next page.` : "That is already their role.",
      };
    }),
  );
}

export async function disableStaffUserAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { changed, sessionsRevoked } = await disableStaffUser({ userId, actor: actorOf(me) });
      return { message: changed ? `Disabled; ${sessionsRevoked} open session(s) ended.` : "Already disabled." };
    }),
  );
}

export async function enableStaffUserAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { changed } = await enableStaffUser({ userId, actor: actorOf(me) });
      return { message: changed ? "Enabled: they can sign in again." : "Already enabled." };
    }),
  );
}

export async function resetTwoFactorAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { sessionsRevoked } = await resetTwoFactor({ userId, actor: actorOf(me) });
      return { message: `Two-factor reset; ${sessionsRevoked} open session(s) ended. They set it up again at their next sign-in.` };
    }),
  );
}

function done<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/staff/users");
  return result;
}
