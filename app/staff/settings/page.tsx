import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffSettings");
  return { title: t("title") };
}

const pages = [
  { href: "/staff/settings/reminders", key: "reminders" },
  { href: "/staff/settings/auto-approval", key: "autoApproval" },
  { href: "/staff/settings/voluntary-rights", key: "voluntaryRights" },
  { href: "/staff/settings/retention", key: "retention" },
] as const;

export default async function SettingsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const t = await getTranslations("staffSettings");
  return (
    <div className="staff-page">
      <h1>{t("title")}</h1>
      <ul className="settings-list">
        {pages.map(({ href, key }) => (
          <li key={key}>{t.rich(`index.${key}`, { link: (chunks) => <Link href={href}>{chunks}</Link> })}</li>
        ))}
      </ul>
    </div>
  );
}
