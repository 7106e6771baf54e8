import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  return (
    <div className="staff-page">
      <h1>Settings</h1>
      <ul className="settings-list">
        <li>
          <Link href="/staff/settings/reminders">Reminders and escalation</Link>: when assignees are reminded of due dates, when admins hear
          of overdue requests, and the daily digest.
        </li>
        <li>
          <Link href="/staff/settings/auto-approval">Auto-approval</Link>: which rights are approved without review, per jurisdiction, once
          the email is verified.
        </li>
        <li>
          <Link href="/staff/settings/voluntary-rights">Rights offered to everyone</Link>: rights the company honours wherever people live,
          beyond what their law grants (for example the opt-out of sale or sharing).
        </li>
        <li>
          <Link href="/staff/settings/retention">Retention</Link>: how long download packages and the personal details of closed requests
          are kept, and what the purge removed.
        </li>
      </ul>
    </div>
  );
}
