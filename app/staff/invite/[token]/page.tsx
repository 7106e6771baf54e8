import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { findStaffInvite, INVALID_INVITE } from "@/lib/staff-users/find-staff-invite.ts";
import { AuthForm } from "../../_components/auth-form.tsx";
import { acceptInviteAction } from "./actions.ts";

export const metadata: Metadata = { title: "Set up your account" };

// Public, but only with a valid invitation link: no session is needed or read here.
export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const invite = await findStaffInvite(token);
  if (!invite) {
    return (
      <div className="staff-narrow">
        <h1>This invitation cannot be used</h1>
        <p className="message message--error" role="alert">
          {INVALID_INVITE}
        </p>
        <p>
          Already set up your password? <Link href="/staff/sign-in">Sign in</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="staff-narrow">
      <h1>Set up your account</h1>
      <p>
        You are invited as <strong>{invite.role.toLowerCase()}</strong> with the email address <strong>{invite.email}</strong>. Choose your
        password: at least 12 characters, not your email address, not a common password. A few unrelated words make one that is long and
        easy to remember.
      </p>
      {invite.role === "ADMIN" ? (
        <p>As an administrator, you will set up two-factor sign-in with an authenticator app when you first sign in.</p>
      ) : null}
      <AuthForm
        action={acceptInviteAction.bind(null, token)}
        submitLabel="Save my password"
        fields={[
          { name: "password", label: "New password", type: "password", autoComplete: "new-password" },
          { name: "confirmPassword", label: "New password again", type: "password", autoComplete: "new-password" },
        ]}
      />
      <p className="hint">Then sign in with your email address and this password.</p>
    </div>
  );
}
