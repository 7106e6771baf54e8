import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { listStaffUsers } from "@/lib/staff-users/list-staff-users.ts";
import { RoleForm, UserActionButton } from "./_components/user-controls.tsx";
import { disableStaffUserAction, enableStaffUserAction, reinviteStaffUserAction, resetTwoFactorAction } from "./actions.ts";
import "./users.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffUsers");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = await requireStaffPage("users.manage");
  await connection();
  const t = await getTranslations("staffUsers");
  const roles = await getTranslations("staffShell.role");
  const dateTime = staffDateTime(await getLocale(), env().CONTROLLER_TIME_ZONE);
  const users = await listStaffUsers();
  const stateOf = (user: (typeof users)[number]) => {
    if (user.disabledAt) return t("state.disabledSince", { when: dateTime.format(user.disabledAt) });
    if (user.invitation === "pending" && user.inviteExpiresAt) return t("state.invited", { when: dateTime.format(user.inviteExpiresAt) });
    if (user.invitation === "expired") return t("state.inviteExpired");
    return user.locked ? t("state.locked") : t("state.active");
  };
  return (
    <div className="staff-page">
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p>
        <Link href="/staff/users/invite" className="button">
          {t("inviteLink")}
        </Link>
      </p>
      <table className="staff-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("column.email")}</th>
            <th scope="col">{t("column.role")}</th>
            <th scope="col">{t("column.twoFactor")}</th>
            <th scope="col">{t("column.lastActive")}</th>
            <th scope="col">{t("column.state")}</th>
            <th scope="col">{t("column.manage")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === me.userId;
            return (
              <tr key={user.id}>
                <td>{self ? t("you", { email: user.email }) : user.email}</td>
                <td>
                  <RoleForm
                    userId={user.id}
                    email={user.email}
                    role={user.role}
                    roles={{ admin: roles("ADMIN"), agent: roles("AGENT"), auditor: roles("AUDITOR") }}
                  />
                </td>
                <td>{user.twoFactor ? t("twoFactorOn") : t("twoFactorOff")}</td>
                <td>{user.lastSeenAt ? dateTime.format(user.lastSeenAt) : t("never")}</td>
                <td>{stateOf(user)}</td>
                <td>
                  {user.invitation && !user.disabledAt ? (
                    <UserActionButton userId={user.id} action={reinviteStaffUserAction} label={t("action.reinvite")} />
                  ) : null}
                  {user.twoFactor ? (
                    <UserActionButton
                      userId={user.id}
                      action={resetTwoFactorAction}
                      label={t("action.resetTwoFactor")}
                      confirm={{ question: t("action.resetTwoFactorConfirm", { email: user.email }), yes: t("action.resetTwoFactorYes") }}
                      danger
                    />
                  ) : null}
                  {user.disabledAt ? (
                    <UserActionButton userId={user.id} action={enableStaffUserAction} label={t("action.enable")} />
                  ) : self ? null : (
                    <UserActionButton
                      userId={user.id}
                      action={disableStaffUserAction}
                      label={t("action.disable")}
                      confirm={{ question: t("action.disableConfirm", { email: user.email }), yes: t("action.disableYes") }}
                      danger
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
