// The reminder settings in force: the stored row when it is valid, else the defaults (a sweep must
// keep reminding even if a bad value ever reached the table; the problem is logged, without values).
import { db } from "../db.ts";
import { logger } from "../logger.ts";
import {
  defaultReminderSettings,
  REMINDER_SETTINGS_KEY,
  type ReminderSettings,
  reminderSettingsSchema,
} from "./reminder-settings.schema.ts";

export async function readReminderSettings(): Promise<ReminderSettings & { stored: boolean }> {
  const row = await db().setting.findUnique({ where: { key: REMINDER_SETTINGS_KEY } });
  if (!row) return { ...defaultReminderSettings, stored: false };
  const parsed = reminderSettingsSchema.safeParse(row.value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(value)");
    logger.warn({ key: REMINDER_SETTINGS_KEY, fields }, "stored reminder settings are invalid; the defaults apply");
    return { ...defaultReminderSettings, stored: false };
  }
  return { ...parsed.data, stored: true };
}
