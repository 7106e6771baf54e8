import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { ssoSettings } from "@/lib/auth/sso/sso-settings.ts";
import { AuthForm } from "../_components/auth-form.tsx";
import { signInAction } from "../auth-actions.ts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  await connection();
  const session = await currentStaffSession();
  if (session?.stage === "ready") redirect("/staff/requests");
  const sso = ssoSettings();
  const passwordForm = (
    <AuthForm
      action={signInAction}
      submitLabel="Sign in"
      fields={[
        { name: "email", label: "Email address", type: "email", autoComplete: "username" },
        { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
      ]}
    />
  );
  return (
    <div className="staff-narrow">
      <h1>Sign in</h1>
      <p>For the company's privacy team. People making a request about their own data use the public form instead.</p>
      {sso && (
        <p>
          {/* A plain link: the start route sets its cookie and sends the browser to the provider. */}
          <a className="button" href="/staff/sso/start">
            {sso.buttonLabel}
          </a>
        </p>
      )}
      {sso?.only ? (
        <details>
          <summary>Emergency sign-in with a one-time password from an operator</summary>
          {passwordForm}
        </details>
      ) : (
        passwordForm
      )}
    </div>
  );
}
