import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { db } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { type AuthField, AuthForm } from "../_components/auth-form.tsx";
import { regenerateRecoveryCodesAction, signOutEverywhereAction, turnOffTwoFactorAction } from "../auth-actions.ts";
import { RolePermissions } from "./_components/role-permissions.tsx";

export const metadata: Metadata = { title: "Your account" };

// Turning two-factor off and new recovery codes take the password and a current code again.
const confirmFields: AuthField[] = [
  { name: "password", label: "Your password", type: "password", autoComplete: "current-password" },
  {
    name: "code",
    label: "Code from your authenticator app",
    type: "text",
    autoComplete: "one-time-code",
    inputMode: "text",
    hint: "Or one of your unused recovery codes.",
  },
];

export default async function AccountPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage !== "ready") redirect("/staff/requests");
  const now = new Date();
  // On the controller's clock, as every staff page, never the server's own zone.
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  const user = await db().staffUser.findUniqueOrThrow({
    where: { id: session.principal.userId },
    select: {
      email: true,
      role: true,
      totpEnabledAt: true,
      recoveryCodeHashes: true,
      sessions: {
        where: { revokedAt: null, expiresAt: { gt: now } },
        orderBy: { lastSeenAt: "desc" },
        select: { id: true, createdAt: true, lastSeenAt: true },
      },
    },
  });
  return (
    <div className="staff-page">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>
          <RolePermissions role={user.role} />
        </dd>
      </dl>
      <h2>Password</h2>
      <p>
        <Link href="/staff/account/password">Change your password</Link>
      </p>
      <h2>Two-factor</h2>
      {user.totpEnabledAt ? (
        <>
          <p>
            On since {dateTime.format(user.totpEnabledAt)}. {user.recoveryCodeHashes.length} recovery codes left.
          </p>
          <h3>New recovery codes</h3>
          <p>The codes you have now stop working, and your other sessions are signed out. Confirm it is you:</p>
          <AuthForm action={regenerateRecoveryCodesAction} fields={confirmFields} submitLabel="New recovery codes" idPrefix="codes" />
          {user.role !== "ADMIN" ? (
            <>
              <h3>Turn off two-factor</h3>
              <p>Your account will sign in with the password alone, and your other sessions are signed out. Confirm it is you:</p>
              <AuthForm action={turnOffTwoFactorAction} fields={confirmFields} submitLabel="Turn off two-factor" danger idPrefix="off" />
            </>
          ) : null}
        </>
      ) : (
        <p>
          Off. <Link href="/staff/account/two-factor">Set up two-factor</Link> to protect your account with a code from your phone.
        </p>
      )}
      <h2>Signed-in sessions</h2>
      <table className="staff-table">
        <caption className="visually-hidden">Your sessions (times in {timeZone})</caption>
        <thead>
          <tr>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
            <th scope="col">This browser</th>
          </tr>
        </thead>
        <tbody>
          {user.sessions.map((s) => (
            <tr key={s.id}>
              <td>{dateTime.format(s.createdAt)}</td>
              <td>{dateTime.format(s.lastSeenAt)}</td>
              <td>{s.id === session.sessionId ? "Yes" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button button--secondary">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
