"use server";
// The users page's changes; each needs users.manage (runStaffAction) and calls one service. The
// invitation link itself never comes back to the browser: it goes only to the invited address.
// What happened is said in the member's language.
import { revalidatePath } from "next/cache";
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { env } from "@/lib/env.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { changeStaffRole } from "@/lib/staff-users/change-staff-role.ts";
import { disableStaffUser } from "@/lib/staff-users/disable-staff-user.ts";
import { enableStaffUser } from "@/lib/staff-users/enable-staff-user.ts";
import { inviteStaffUser } from "@/lib/staff-users/invite-staff-user.ts";
import { reinviteStaffUser } from "@/lib/staff-users/reinvite-staff-user.ts";
import { resetTwoFactor } from "@/lib/staff-users/reset-two-factor.ts";
import { changeStaffRoleSchema, inviteStaffUserSchema, staffUserIdSchema } from "./actions.schema.ts";

async function words() {
  const locale = await staffLocale();
  const dateTime = staffDateTime(locale, env().CONTROLLER_TIME_ZONE);
  return { t: translator(locale), until: (date: Date) => dateTime.format(date) };
}

export async function inviteStaffUserAction(_previous: unknown, formData: FormData) {
  const result = await runStaffAction("users.manage", inviteStaffUserSchema, formData, async (data, me) => {
    const { email, role, expiresAt, reinvited } = await inviteStaffUser({ ...data, actor: actorOf(me) });
    const { t, until } = await words();
    const values = { email, until: until(expiresAt) };
    return {
      email,
      role,
      reinvited,
      message: reinvited ? t("staffUsers.outcome.reinvited", values) : t("staffUsers.outcome.invited", values),
    };
  });
  if (result.ok) revalidatePath("/staff/users");
  return result;
}

export async function reinviteStaffUserAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { email, expiresAt } = await reinviteStaffUser({ userId, actor: actorOf(me) });
      const { t, until } = await words();
      return { message: t("staffUsers.outcome.newLink", { email, until: until(expiresAt) }) };
    }),
  );
}

export async function changeStaffRoleAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", changeStaffRoleSchema, formData, async (data, me) => {
      const { changed, role } = await changeStaffRole({ ...data, actor: actorOf(me) });
      const { t } = await words();
      return {
        message: changed
          ? t("staffUsers.outcome.roleChanged", { role: t(`staffShell.role.${role}`) })
          : t("staffUsers.outcome.roleUnchanged"),
      };
    }),
  );
}

export async function disableStaffUserAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { changed, sessionsRevoked } = await disableStaffUser({ userId, actor: actorOf(me) });
      const { t } = await words();
      return {
        message: changed ? t("staffUsers.outcome.disabled", { sessions: sessionsRevoked }) : t("staffUsers.outcome.alreadyDisabled"),
      };
    }),
  );
}

export async function enableStaffUserAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { changed } = await enableStaffUser({ userId, actor: actorOf(me) });
      const { t } = await words();
      return { message: changed ? t("staffUsers.outcome.enabled") : t("staffUsers.outcome.alreadyEnabled") };
    }),
  );
}

export async function resetTwoFactorAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("users.manage", staffUserIdSchema, formData, async ({ userId }, me) => {
      const { sessionsRevoked } = await resetTwoFactor({ userId, actor: actorOf(me) });
      const { t } = await words();
      return { message: t("staffUsers.outcome.twoFactorReset", { sessions: sessionsRevoked }) };
    }),
  );
}

function done<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/staff/users");
  return result;
}
