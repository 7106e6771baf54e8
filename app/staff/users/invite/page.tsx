import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { catalogueLocales, localeNames } from "@/lib/i18n/catalogue.ts";
import { INVITE_VALID_HOURS } from "@/lib/staff-users/invite-staff-user.ts";
import { InviteForm } from "../_components/invite-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffUsers.invite");
  return { title: t("title") };
}

export default async function InviteUserPage() {
  await requireStaffPage("users.manage");
  const t = await getTranslations("staffUsers.invite");
  return (
    <div className="staff-narrow">
      <p>
        <Link href="/staff/users">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro", { hours: INVITE_VALID_HOURS })}</p>
      <InviteForm defaultLocale={await getLocale()} languages={catalogueLocales.map((code) => ({ code, name: localeNames[code] }))} />
    </div>
  );
}
