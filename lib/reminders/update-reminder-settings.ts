// Admins set the reminder points, the digest hour and the overdue escalation. One transaction:
// the setting row and one audit event naming the old and new values (none of them personal).
import type { z } from "zod";
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import {
  defaultReminderSettings,
  REMINDER_SETTINGS_KEY,
  type ReminderSettings,
  reminderSettingsSchema,
} from "./reminder-settings.schema.ts";

export async function updateReminderSettings(options: {
  input: z.input<typeof reminderSettingsSchema>;
  actor: Actor;
}): Promise<ReminderSettings> {
  const settings = reminderSettingsSchema.parse(options.input);
  const updatedById = options.actor.type === "STAFF" ? (options.actor.id ?? null) : null;
  return db().$transaction(async (tx: Tx) => {
    // Locks the row (when there is one) so two admins saving at once are recorded in order.
    const [previous] = await tx.$queryRaw<Array<{ value: unknown }>>`
      SELECT value FROM settings WHERE key = ${REMINDER_SETTINGS_KEY} FOR UPDATE`;
    await tx.setting.upsert({
      where: { key: REMINDER_SETTINGS_KEY },
      create: { key: REMINDER_SETTINGS_KEY, value: settings, updatedById },
      update: { value: settings, updatedById },
    });
    const before = reminderSettingsSchema.safeParse(previous?.value);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: "settings.reminders-updated",
      data: { before: before.success ? before.data : defaultReminderSettings, after: settings, wasStored: previous !== undefined },
    });
    return settings;
  });
}
