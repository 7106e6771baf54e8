import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { ssoSettings } from "@/lib/auth/sso/sso-settings.ts";
import { AuthForm } from "../_components/auth-form.tsx";
import { signInAction } from "../auth-actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAuth.signIn");
  return { title: t("title") };
}

// Before sign-in there is no account: the language is the public pages' choice (the `locale`
// cookie) or the browser's (lib/i18n/staff-locale.ts).
export default async function SignInPage() {
  await connection();
  const session = await currentStaffSession();
  if (session?.stage === "ready") redirect("/staff/requests");
  const t = await getTranslations("staffAuth.signIn");
  const sso = ssoSettings();
  const passwordForm = (
    <AuthForm
      action={signInAction}
      submitLabel={t("submit")}
      fields={[
        { name: "email", label: t("email"), type: "email", autoComplete: "username" },
        { name: "password", label: t("password"), type: "password", autoComplete: "current-password" },
      ]}
    />
  );
  return (
    <div className="staff-narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {sso && (
        <p>
          {/* A plain link: the start route sets its cookie and sends the browser to the provider. */}
          <a className="button" href="/staff/sso/start">
            {sso.buttonLabels[await getLocale()] ?? t("ssoButton")}
          </a>
        </p>
      )}
      {sso?.only ? (
        <details>
          <summary>{t("emergency")}</summary>
          {passwordForm}
        </details>
      ) : (
        passwordForm
      )}
    </div>
  );
}
