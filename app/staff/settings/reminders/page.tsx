// Admins set when assignees are reminded of due dates, the hour of the daily digest and whether
// overdue requests are escalated (lib/reminders). The sweeps read the setting each time they run.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { readReminderSettings } from "@/lib/reminders/read-reminder-settings.ts";
import { DIGEST_WINDOW_DAYS, EXTENSION_NOTICE_DAYS_BEFORE } from "@/lib/reminders/reminder-settings.schema.ts";
import { ReminderSettingsForm } from "./_components/reminder-settings-form.tsx";
import { saveReminderSettingsAction } from "./actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffSettings");
  return { title: t("reminders.title") };
}

export default async function ReminderSettingsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const { stored, ...settings } = await readReminderSettings();
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const t = await getTranslations("staffSettings");
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">{t("back")}</Link>
      </p>
      <h1>{t("reminders.title")}</h1>
      <p className="lead">{t("reminders.lead")}</p>
      <ul>
        <li>{t("reminders.before")}</li>
        <li>
          {t("reminders.extension", {
            days: t("reminders.and", { first: EXTENSION_NOTICE_DAYS_BEFORE[0], second: EXTENSION_NOTICE_DAYS_BEFORE[1] }),
          })}
        </li>
        <li>{t("reminders.digest", { days: DIGEST_WINDOW_DAYS })}</li>
      </ul>
      <p role="status">
        {stored ? t("reminders.stored") : t("reminders.defaults")} {t("reminders.calendar", { timeZone })}
      </p>
      <ReminderSettingsForm action={saveReminderSettingsAction} current={settings} timeZone={timeZone} />
    </div>
  );
}
