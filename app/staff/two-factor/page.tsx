import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { AuthForm } from "../_components/auth-form.tsx";
import { verifySecondFactorAction } from "../auth-actions.ts";

export const metadata: Metadata = { title: "Two-factor code" };

export default async function TwoFactorPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage !== "second-factor") redirect("/staff/requests");
  return (
    <div className="staff-narrow">
      <h1>Two-factor code</h1>
      <p>Open your authenticator app and enter the 6-digit code it shows for this portal.</p>
      <AuthForm
        action={verifySecondFactorAction}
        submitLabel="Continue"
        fields={[
          {
            name: "code",
            label: "Code",
            type: "text",
            autoComplete: "one-time-code",
            inputMode: "text",
            hint: "Lost your phone? Enter one of your recovery codes (like abcde-fghjk) instead.",
          },
        ]}
      />
    </div>
  );
}
