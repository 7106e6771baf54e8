// Admins set when assignees are reminded of due dates, the hour of the daily digest and whether
// overdue requests are escalated (lib/reminders). The sweeps read the setting each time they run.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { readReminderSettings } from "@/lib/reminders/read-reminder-settings.ts";
import { DIGEST_WINDOW_DAYS, EXTENSION_NOTICE_DAYS_BEFORE } from "@/lib/reminders/reminder-settings.schema.ts";
import { ReminderSettingsForm } from "./_components/reminder-settings-form.tsx";
import { saveReminderSettingsAction } from "./actions.ts";

export const metadata: Metadata = { title: "Reminders and escalation" };

export default async function ReminderSettingsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const { stored, ...settings } = await readReminderSettings();
  const timeZone = env().CONTROLLER_TIME_ZONE;
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">Settings</Link>
      </p>
      <h1>Reminders and escalation</h1>
      <p className="lead">
        Staff are emailed about deadlines so none passes unnoticed. Emails name the request by its reference and link to it; they never
        carry the person's name or address.
      </p>
      <ul>
        <li>
          Before a due date, the assignee is reminded at the points set below (every active admin when nobody is assigned). A missed day
          sends the most urgent reminder only, once. Requests waiting for the person with the clock paused get none.
        </li>
        <li>
          When the last day to announce an extension comes before the due date, the assignee is also reminded{" "}
          {EXTENSION_NOTICE_DAYS_BEFORE.join(" and ")} days before it, until the request is extended.
        </li>
        <li>
          Each agent and admin gets one digest a day of their open requests due within {DIGEST_WINDOW_DAYS} days or overdue; admins also see
          the unassigned ones. Nobody gets an empty digest.
        </li>
      </ul>
      <p role="status">
        {stored ? "These settings were saved by an admin." : "These are the defaults: no admin has saved reminder settings yet."} Days are
        counted on the controller's calendar ({timeZone}).
      </p>
      <ReminderSettingsForm action={saveReminderSettingsAction} current={settings} timeZone={timeZone} />
    </div>
  );
}
