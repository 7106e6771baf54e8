import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { AuthForm } from "../_components/auth-form.tsx";
import { verifySecondFactorAction } from "../auth-actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAuth.twoFactor");
  return { title: t("title") };
}

export default async function TwoFactorPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage !== "second-factor") redirect("/staff/requests");
  const t = await getTranslations("staffAuth.twoFactor");
  return (
    <div className="staff-narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AuthForm
        action={verifySecondFactorAction}
        submitLabel={t("submit")}
        fields={[{ name: "code", label: t("code"), type: "text", autoComplete: "one-time-code", inputMode: "text", hint: t("codeHint") }]}
      />
    </div>
  );
}
