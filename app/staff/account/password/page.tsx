import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { justSignedInWithOneTimePassword } from "@/lib/auth/change-staff-password.ts";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy.ts";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { type AuthField, AuthForm } from "../../_components/auth-form.tsx";
import { changePasswordAction } from "../../auth-actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAccount.changePassword");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage === "second-factor") redirect("/staff/two-factor");
  const askCurrent = !(
    session.stage === "change-password" && (await justSignedInWithOneTimePassword(session.principal.userId, session.sessionId))
  );
  const t = await getTranslations("staffAccount.changePassword");
  // Just signed in with the one-time password: it is not asked again (lib/auth/change-staff-password.ts).
  const current: AuthField[] = askCurrent
    ? [{ name: "currentPassword", label: t("current"), type: "password", autoComplete: "current-password" }]
    : [];
  return (
    <div className="staff-narrow">
      <h1>{t("title")}</h1>
      {session.stage === "change-password" ? <p className="notice">{t("oneTime")}</p> : null}
      <p>{t("rules", { min: PASSWORD_MIN_LENGTH })}</p>
      <AuthForm
        action={changePasswordAction}
        submitLabel={t("submit")}
        fields={[
          ...current,
          { name: "newPassword", label: t("new"), type: "password", autoComplete: "new-password" },
          { name: "confirmPassword", label: t("again"), type: "password", autoComplete: "new-password" },
        ]}
      />
    </div>
  );
}
