"use server";
// Admins save the retention settings (settings.manage).
import { revalidatePath } from "next/cache";
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { retentionSettingsSchema } from "@/lib/retention/retention-settings.ts";
import { saveRetentionSettings } from "@/lib/retention/save-retention-settings.ts";

export async function saveRetentionSettingsAction(_previous: unknown, formData: FormData) {
  const result = await runStaffAction("settings.manage", retentionSettingsSchema, formData, (data, me) =>
    saveRetentionSettings({ input: data, actor: actorOf(me) }),
  );
  if (result.ok) revalidatePath("/staff/settings/retention");
  return result;
}
