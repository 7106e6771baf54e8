// The staff side's root layout: the navigation shows only what the signed-in role may open.
// Every page still checks its own permission on the server (lib/auth/require-staff.ts).
import "../globals.css";
import "./staff.css";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/auth/permissions.ts";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { StaffNav } from "./_components/staff-nav.tsx";
import { signOutAction } from "./auth-actions.ts";

export const metadata: Metadata = {
  title: { template: "%s · Staff", default: "Privacy requests · Staff" },
  robots: { index: false, follow: false },
};

const sections: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "/staff/requests", label: "Requests", permission: "requests.read" },
  { href: "/staff/reports", label: "Reports", permission: "reports.read" },
  { href: "/staff/connectors", label: "Connectors", permission: "connectors.read" },
  { href: "/staff/users", label: "Users", permission: "users.manage" },
  { href: "/staff/agents", label: "Authorized agents", permission: "agents.manage" },
  { href: "/staff/settings", label: "Settings", permission: "settings.manage" },
  { href: "/staff/queues", label: "Queues", permission: "queues.manage" },
];

export default async function StaffLayout({ children }: { children: ReactNode }) {
  await connection();
  const session = await currentStaffSession();
  const me = session?.stage === "ready" ? session.principal : null;
  return (
    <html lang="en">
      <body className="staff">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="staff-header">
          <div className="staff-header__inner">
            <Link href="/staff/requests" className="site-name">
              <span className="site-name__company">{env().COMPANY_NAME}</span>
              <span className="site-name__portal">Privacy requests · Staff</span>
            </Link>
            {me ? (
              <StaffNav items={sections.filter((s) => can(me.role, s.permission)).map(({ href, label }) => ({ href, label }))} />
            ) : null}
            {me ? (
              <div className="staff-user">
                <Link href="/staff/account">
                  {me.email} <span className="staff-user__role">({me.role.toLowerCase()})</span>
                </Link>
                <form action={signOutAction}>
                  <button type="submit" className="button button--secondary button--small">
                    Sign out
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" className="staff-main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
