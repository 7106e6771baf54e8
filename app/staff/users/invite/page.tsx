import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { catalogueLocales, localeNames } from "@/lib/i18n/catalogue.ts";
import { INVITE_VALID_HOURS } from "@/lib/staff-users/invite-staff-user.ts";
import { InviteForm } from "../_components/invite-form.tsx";

export const metadata: Metadata = { title: "Invite someone" };

export default async function InviteUserPage() {
  await requireStaffPage("users.manage");
  return (
    <div className="staff-narrow">
      <p>
        <Link href="/staff/users">← Users</Link>
      </p>
      <h1>Invite someone</h1>
      <p>
        They receive an email with a link, valid {INVITE_VALID_HOURS} hours, where they choose their password. Inviting again someone who
        has not accepted yet sends a new link and cancels the previous one.
      </p>
      <InviteForm defaultLocale={await getLocale()} languages={catalogueLocales.map((code) => ({ code, name: localeNames[code] }))} />
    </div>
  );
}
