"use server";
// Admins save the reminder points, the digest hour and the overdue escalation.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { reminderSettingsFormSchema } from "@/lib/reminders/reminder-settings-form.schema.ts";
import { updateReminderSettings } from "@/lib/reminders/update-reminder-settings.ts";

export async function saveReminderSettingsAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", reminderSettingsFormSchema, formData, async (input, me) => {
    const saved = await updateReminderSettings({ input, actor: actorOf(me) });
    revalidatePath("/staff/settings/reminders");
    const t = translator(await staffLocale());
    const points =
      saved.daysBefore.length === 0
        ? t("staffSettings.reminders.savedNoPoints")
        : t("staffSettings.reminders.savedPoints", { days: saved.daysBefore.join(", ") });
    return t("staffSettings.reminders.saved", {
      points,
      hour: `${String(saved.digestHour).padStart(2, "0")}:00`,
      escalated: saved.escalateOverdue ? "yes" : "no",
    });
  });
}
