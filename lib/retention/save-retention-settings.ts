// Admins change how long personal data is kept. The change is audited with the values before and
// after (numbers of days and months, nothing personal).
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { RETENTION_SETTING_KEY, type RetentionSettings, readRetentionSettings, retentionSettingsSchema } from "./retention-settings.ts";

export async function saveRetentionSettings(options: { input: unknown; actor: Actor }): Promise<RetentionSettings> {
  const settings = retentionSettingsSchema.parse(options.input);
  const updatedById = options.actor.type === "STAFF" ? (options.actor.id ?? null) : null;
  await db().$transaction(async (tx: Tx) => {
    const before = await readRetentionSettings(tx).catch(() => null);
    await tx.setting.upsert({
      where: { key: RETENTION_SETTING_KEY },
      create: { key: RETENTION_SETTING_KEY, value: settings, updatedById },
      update: { value: settings, updatedById },
    });
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: "settings.retention-changed",
      data: {
        before: before ? { packageDays: before.packageDays, closedRequestMonths: before.closedRequestMonths, source: before.source } : null,
        after: settings,
      },
    });
  });
  return settings;
}
