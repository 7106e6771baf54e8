// The reminder settings as the staff form sends them (app/staff/settings/reminders): the points
// as one text field ("7, 3, 1"), the hour as a string, the escalation as a checkbox. Turned into
// the stored shape, then checked by the same schema as every other write.
import { z } from "zod";
import { reminderSettingsSchema } from "./reminder-settings.schema.ts";

const daysList = z
  .string({ message: "must be numbers of days separated by commas" })
  .default("")
  .transform((value, context) => {
    const parts = value
      .split(/[\s,;]+/)
      .map((part) => part.trim())
      .filter(Boolean);
    const notNumbers = parts.filter((part) => !/^\d+$/.test(part));
    if (notNumbers.length > 0) {
      context.addIssue({
        code: "custom",
        message: `${notNumbers.map((part) => `"${part}"`).join(", ")} ${notNumbers.length === 1 ? "is" : "are"} not a whole number of days`,
      });
      return z.NEVER;
    }
    return parts.map(Number);
  });

export const reminderSettingsFormSchema = z
  .object({
    daysBefore: daysList,
    digestHour: z
      .string({ message: "must be an hour from 0 to 23" })
      .regex(/^\d{1,2}$/, "must be an hour from 0 to 23")
      .transform(Number),
    // A ticked box arrives as "on"; an unticked one does not arrive at all.
    escalateOverdue: z
      .literal("on", { message: "must be ticked or not" })
      .optional()
      .transform((value) => value === "on"),
  })
  .pipe(reminderSettingsSchema);
