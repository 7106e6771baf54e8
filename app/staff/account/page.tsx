import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { db } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { catalogueLocales, isLocale, localeNames } from "@/lib/i18n/catalogue.ts";
import { preferredLocale } from "@/lib/i18n/preferred-locale.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { type AuthField, AuthForm } from "../_components/auth-form.tsx";
import { chooseLanguageAction, regenerateRecoveryCodesAction, signOutEverywhereAction, turnOffTwoFactorAction } from "../auth-actions.ts";
import { LanguageForm } from "./_components/language-form.tsx";
import { RolePermissions } from "./_components/role-permissions.tsx";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAccount");
  return { title: t("title") };
}

export default async function AccountPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage !== "ready") redirect("/staff/requests");
  const now = new Date();
  const locale = await getLocale();
  const t = await getTranslations("staffAccount");
  // On the controller's clock, as every staff page, never the server's own zone.
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const dateTime = staffDateTime(locale, timeZone);
  const user = await db().staffUser.findUniqueOrThrow({
    where: { id: session.principal.userId },
    select: {
      email: true,
      role: true,
      locale: true,
      totpEnabledAt: true,
      recoveryCodeHashes: true,
      sessions: {
        where: { revokedAt: null, expiresAt: { gt: now } },
        orderBy: { lastSeenAt: "desc" },
        select: { id: true, createdAt: true, lastSeenAt: true },
      },
    },
  });
  // What "follow my browser" gives now: the public pages' choice, else the browser's.
  const browserLocale = preferredLocale((await cookies()).get("locale")?.value, (await headers()).get("accept-language"));
  // Turning two-factor off and new recovery codes take the password and a current code again.
  const confirmFields: AuthField[] = [
    { name: "password", label: t("twoFactor.yourPassword"), type: "password", autoComplete: "current-password" },
    {
      name: "code",
      label: t("twoFactor.code"),
      type: "text",
      autoComplete: "one-time-code",
      inputMode: "text",
      hint: t("twoFactor.codeHint"),
    },
  ];
  return (
    <div className="staff-page">
      <h1>{t("title")}</h1>
      <dl className="facts">
        <dt>{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("role")}</dt>
        <dd>
          <RolePermissions role={user.role} locale={locale} />
        </dd>
      </dl>
      <h2>{t("language.heading")}</h2>
      <LanguageForm
        action={chooseLanguageAction}
        current={user.locale && isLocale(user.locale) ? user.locale : "browser"}
        legend={t("language.legend")}
        note={t("language.emailsNote")}
        submitLabel={t("language.save")}
        options={[
          { value: "browser", label: t("language.browser", { current: localeNames[browserLocale] }) },
          ...catalogueLocales.map((code) => ({ value: code, label: localeNames[code], lang: code })),
        ]}
      />
      <h2>{t("password.heading")}</h2>
      <p>
        <Link href="/staff/account/password">{t("password.change")}</Link>
      </p>
      <h2>{t("twoFactor.heading")}</h2>
      {user.totpEnabledAt ? (
        <>
          <p>{t("twoFactor.on", { since: dateTime.format(user.totpEnabledAt), codes: user.recoveryCodeHashes.length })}</p>
          <h3>{t("twoFactor.newCodes")}</h3>
          <p>{t("twoFactor.newCodesIntro")}</p>
          <AuthForm action={regenerateRecoveryCodesAction} fields={confirmFields} submitLabel={t("twoFactor.newCodes")} idPrefix="codes" />
          {user.role !== "ADMIN" ? (
            <>
              <h3>{t("twoFactor.turnOff")}</h3>
              <p>{t("twoFactor.turnOffIntro")}</p>
              <AuthForm action={turnOffTwoFactorAction} fields={confirmFields} submitLabel={t("twoFactor.turnOff")} danger idPrefix="off" />
            </>
          ) : null}
        </>
      ) : (
        <p>{t.rich("twoFactor.off", { link: (chunks) => <Link href="/staff/account/two-factor">{chunks}</Link> })}</p>
      )}
      <h2>{t("sessions.heading")}</h2>
      <table className="staff-table">
        <caption className="visually-hidden">{t("sessions.caption", { timeZone })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sessions.signedIn")}</th>
            <th scope="col">{t("sessions.lastActive")}</th>
            <th scope="col">{t("sessions.thisBrowser")}</th>
          </tr>
        </thead>
        <tbody>
          {user.sessions.map((s) => (
            <tr key={s.id}>
              <td>{dateTime.format(s.createdAt)}</td>
              <td>{dateTime.format(s.lastSeenAt)}</td>
              <td>{s.id === session.sessionId ? t("sessions.yes") : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button button--secondary">
          {t("sessions.signOutEverywhere")}
        </button>
      </form>
    </div>
  );
}
