// Saving the reminder settings: validated, stored, audited; a bad stored value never stops the sweep.
import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../db.ts";
import { readReminderSettings } from "./read-reminder-settings.ts";
import { REMINDER_SETTINGS_KEY } from "./reminder-settings.schema.ts";
import { updateReminderSettings } from "./update-reminder-settings.ts";

afterAll(() => db().setting.deleteMany({ where: { key: REMINDER_SETTINGS_KEY } }));

const admin = { type: "STAFF" as const, id: "6f1c7c2a-0000-4000-8000-0000000000aa" };

describe("reminder settings", () => {
  it("are the defaults until an admin saves some, then what was saved, audited with before and after", async () => {
    await db().setting.deleteMany({ where: { key: REMINDER_SETTINGS_KEY } });
    expect(await readReminderSettings()).toEqual({ daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true, stored: false });

    await updateReminderSettings({ input: { daysBefore: [2, 10], digestHour: 7, escalateOverdue: false }, actor: admin });
    expect(await readReminderSettings()).toEqual({ daysBefore: [10, 2], digestHour: 7, escalateOverdue: false, stored: true });
    const row = await db().setting.findUniqueOrThrow({ where: { key: REMINDER_SETTINGS_KEY } });
    expect(row.updatedById).toBe(admin.id);

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "settings.reminders-updated" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorType: "STAFF", actorId: admin.id, requestId: null });
    expect(event.data).toEqual({
      before: { daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true },
      after: { daysBefore: [10, 2], digestHour: 7, escalateOverdue: false },
      wasStored: false,
    });
  });

  it("refuses bad values, naming the field, and changes nothing", async () => {
    const before = await readReminderSettings();
    const attempt = updateReminderSettings({ input: { daysBefore: [3, 3], digestHour: 25, escalateOverdue: true }, actor: admin });
    await expect(attempt).rejects.toBeInstanceOf(ZodError);
    await expect(attempt).rejects.toThrow(/each reminder point must be given once \(3 repeated\)[\s\S]*must be an hour from 0 to 23/);
    expect(await readReminderSettings()).toEqual(before);
  });

  it("falls back to the defaults when the stored value is not valid", async () => {
    await db().setting.update({ where: { key: REMINDER_SETTINGS_KEY }, data: { value: { daysBefore: [0] } } });
    expect(await readReminderSettings()).toEqual({ daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true, stored: false });
  });
});
