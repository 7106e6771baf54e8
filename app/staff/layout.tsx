// The staff side's root layout: the navigation shows only what the signed-in role may open.
// Every page still checks its own permission on the server (lib/auth/require-staff.ts). The
// language is the member's (lib/i18n/staff-locale.ts); client components get the catalogue from
// NextIntlClientProvider.
import "../globals.css";
import "./staff.css";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/auth/permissions.ts";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { StaffNav } from "./_components/staff-nav.tsx";
import { signOutAction } from "./auth-actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffShell");
  return {
    title: { template: t("titleTemplate", { page: "%s" }), default: t("titleDefault") },
    robots: { index: false, follow: false },
  };
}

const sections = [
  { href: "/staff/requests", key: "requests", permission: "requests.read" },
  { href: "/staff/reports", key: "reports", permission: "reports.read" },
  { href: "/staff/connectors", key: "connectors", permission: "connectors.read" },
  { href: "/staff/users", key: "users", permission: "users.manage" },
  { href: "/staff/agents", key: "agents", permission: "agents.manage" },
  { href: "/staff/settings", key: "settings", permission: "settings.manage" },
  { href: "/staff/queues", key: "queues", permission: "queues.manage" },
] as const satisfies ReadonlyArray<{ href: string; key: string; permission: Permission }>;

export default async function StaffLayout({ children }: { children: ReactNode }) {
  await connection();
  const session = await currentStaffSession();
  const me = session?.stage === "ready" ? session.principal : null;
  const locale = await getLocale();
  const t = await getTranslations("staffShell");
  return (
    <html lang={locale}>
      <body className="staff">
        <NextIntlClientProvider>
          <a href="#main" className="skip-link">
            {t("skipLink")}
          </a>
          <header className="staff-header">
            <div className="staff-header__inner">
              <Link href="/staff/requests" className="site-name">
                <span className="site-name__company">{env().COMPANY_NAME}</span>
                <span className="site-name__portal">{t("portalName")}</span>
              </Link>
              {me ? (
                <StaffNav
                  label={t("navLabel")}
                  items={sections.filter((s) => can(me.role, s.permission)).map(({ href, key }) => ({ href, label: t(`nav.${key}`) }))}
                />
              ) : null}
              {me ? (
                <div className="staff-user">
                  <Link href="/staff/account">{t("accountLink", { email: me.email, role: t(`role.${me.role}`) })}</Link>
                  <form action={signOutAction}>
                    <button type="submit" className="button button--secondary button--small">
                      {t("signOut")}
                    </button>
                  </form>
                </div>
              ) : null}
            </div>
          </header>
          <main id="main" className="staff-main" tabIndex={-1}>
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
