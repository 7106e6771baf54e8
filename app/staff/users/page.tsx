import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { listStaffUsers } from "@/lib/staff-users/list-staff-users.ts";
import { RoleForm, UserActionButton } from "./_components/user-controls.tsx";
import { disableStaffUserAction, enableStaffUserAction, reinviteStaffUserAction, resetTwoFactorAction } from "./actions.ts";
import "./users.css";

export const metadata: Metadata = { title: "Users" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function UsersPage() {
  const me = await requireStaffPage("users.manage");
  await connection();
  const users = await listStaffUsers();
  return (
    <div className="staff-page">
      <h1>Users</h1>
      <p>
        Everyone who works in the staff workspace. Roles: <strong>agents</strong> handle requests, <strong>auditors</strong> read everything
        and change nothing, <strong>administrators</strong> also manage staff, connectors and settings. A role change applies from the
        person's next page; disabling an account or resetting its two-factor ends its sessions at once.
      </p>
      <p>
        <Link href="/staff/users/invite" className="button">
          Invite someone
        </Link>
      </p>
      <table className="staff-table">
        <caption className="visually-hidden">Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Two-factor</th>
            <th scope="col">Last active</th>
            <th scope="col">State</th>
            <th scope="col">Manage</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === me.userId;
            return (
              <tr key={user.id}>
                <td>
                  {user.email}
                  {self ? " (you)" : ""}
                </td>
                <td>
                  <RoleForm userId={user.id} email={user.email} role={user.role} />
                </td>
                <td>{user.twoFactor ? "On" : "Off"}</td>
                <td>{user.lastSeenAt ? `${dateTime.format(user.lastSeenAt)} UTC` : "Never"}</td>
                <td>
                  {user.disabledAt
                    ? `Disabled since ${dateTime.format(user.disabledAt)} UTC`
                    : user.invitation === "pending"
                      ? `Invited; link valid until ${user.inviteExpiresAt ? dateTime.format(user.inviteExpiresAt) : "?"} UTC`
                      : user.invitation === "expired"
                        ? "Invitation expired"
                        : user.locked
                          ? "Locked for a few minutes (failed sign-ins)"
                          : "Active"}
                </td>
                <td>
                  {user.invitation && !user.disabledAt ? (
                    <UserActionButton userId={user.id} action={reinviteStaffUserAction} label="Send the invitation again" />
                  ) : null}
                  {user.twoFactor ? (
                    <UserActionButton
                      userId={user.id}
                      action={resetTwoFactorAction}
                      label="Reset two-factor"
                      confirm={`${user.email} will be signed out and must set up two-factor again.`}
                      danger
                    />
                  ) : null}
                  {user.disabledAt ? (
                    <UserActionButton userId={user.id} action={enableStaffUserAction} label="Enable" />
                  ) : self ? null : (
                    <UserActionButton
                      userId={user.id}
                      action={disableStaffUserAction}
                      label="Disable"
                      confirm={`${user.email} will be signed out and unable to sign in.`}
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
