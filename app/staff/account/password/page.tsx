import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { justSignedInWithOneTimePassword } from "@/lib/auth/change-staff-password.ts";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { AuthForm } from "../../_components/auth-form.tsx";
import { changePasswordAction } from "../../auth-actions.ts";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage === "second-factor") redirect("/staff/two-factor");
  const askCurrent = !(
    session.stage === "change-password" && (await justSignedInWithOneTimePassword(session.principal.userId, session.sessionId))
  );
  return (
    <div className="staff-narrow">
      <h1>Change your password</h1>
      {session.stage === "change-password" ? (
        <p className="notice">You signed in with a one-time password. Choose your own before you continue.</p>
      ) : null}
      <p>At least 12 characters. A few unrelated words make a password that is long and easy to remember.</p>
      <AuthForm
        action={changePasswordAction}
        submitLabel="Change password"
        fields={[
          // Just signed in with the one-time password: it is not asked again (lib/auth/change-staff-password.ts).
          ...(!askCurrent
            ? []
            : [{ name: "currentPassword", label: "Current password", type: "password" as const, autoComplete: "current-password" }]),
          { name: "newPassword", label: "New password", type: "password", autoComplete: "new-password" },
          { name: "confirmPassword", label: "New password again", type: "password", autoComplete: "new-password" },
        ]}
      />
    </div>
  );
}
