// The reminder settings admins change at run time (Setting row "reminders"): when assignees are
// reminded before a due date, the hour of the daily digest, and whether overdue requests are
// escalated to the admins.
import { z } from "zod";

export const REMINDER_SETTINGS_KEY = "reminders";

/** Days before an extension-notice date (the last day to tell the person of an extension). */
export const EXTENSION_NOTICE_DAYS_BEFORE = [3, 1] as const;

/** The digest lists what is due within this many days, plus everything overdue. */
export const DIGEST_WINDOW_DAYS = 7;

/** A digest lists at most this many requests per section; the counts still cover them all. */
export const DIGEST_MAX_ITEMS = 50;

export const reminderSettingsSchema = z.strictObject({
  daysBefore: z
    .array(
      z
        .number({ message: "each reminder point must be a whole number of days" })
        .int("each reminder point must be a whole number of days")
        .min(1, "each reminder point must be at least 1 day before the due date")
        .max(60, "each reminder point must be at most 60 days before the due date"),
      { message: "must be a list of numbers of days" },
    )
    .max(6, "at most 6 reminder points")
    .superRefine((days, context) => {
      const repeated = days.filter((day, index) => days.indexOf(day) !== index);
      if (repeated.length > 0) {
        context.addIssue({
          code: "custom",
          message: `each reminder point must be given once (${[...new Set(repeated)].join(", ")} repeated)`,
        });
      }
    })
    // Stored and shown furthest first, the order in which they fire.
    .transform((days) => [...days].sort((a, b) => b - a)),
  digestHour: z
    .number({ message: "must be an hour from 0 to 23" })
    .int("must be a whole hour from 0 to 23")
    .min(0, "must be an hour from 0 to 23")
    .max(23, "must be an hour from 0 to 23"),
  escalateOverdue: z.boolean({ message: "must be true or false" }),
});

export type ReminderSettings = z.output<typeof reminderSettingsSchema>;

export const defaultReminderSettings: ReminderSettings = { daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true };
