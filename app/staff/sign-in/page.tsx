import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { AuthForm } from "../_components/auth-form.tsx";
import { signInAction } from "../auth-actions.ts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  await connection();
  const session = await currentStaffSession();
  if (session?.stage === "ready") redirect("/staff/requests");
  return (
    <div className="staff-narrow">
      <h1>Sign in</h1>
      <p>For the company's privacy team. People making a request about their own data use the public form instead.</p>
      <AuthForm
        action={signInAction}
        submitLabel="Sign in"
        fields={[
          { name: "email", label: "Email address", type: "email", autoComplete: "username" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
    </div>
  );
}
