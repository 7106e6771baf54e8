// The deadline sweep (scheduled every few minutes): reminders before due dates and before
// extension-notice dates, and the escalation of overdue requests to the admins. Each notice is
// sent once however many workers run it (reminder-queries.ts); three statements in all.
import { env } from "../env.ts";
import { logger } from "../logger.ts";
import { readReminderSettings } from "./read-reminder-settings.ts";
import { deadlineReminderQueries } from "./reminder-queries.ts";
import { EXTENSION_NOTICE_DAYS_BEFORE } from "./reminder-settings.schema.ts";
import { runReminderQuery } from "./run-reminder-query.ts";

type KindCount = { notices: number; emails: number };

export async function sendDeadlineReminders(options: { now?: Date } = {}): Promise<{
  due: KindCount;
  extensionNotice: KindCount;
  overdue: KindCount;
}> {
  const settings = await readReminderSettings();
  const queries = deadlineReminderQueries({
    now: options.now ?? new Date(),
    timeZone: env().CONTROLLER_TIME_ZONE,
    appUrl: env().APP_URL,
    daysBefore: settings.daysBefore,
    extensionNoticeDaysBefore: EXTENSION_NOTICE_DAYS_BEFORE,
    escalateOverdue: settings.escalateOverdue,
  });
  const due = await runReminderQuery(queries.due);
  const extensionNotice = await runReminderQuery(queries.extensionNotice);
  const overdue = queries.overdue ? await runReminderQuery(queries.overdue) : { notices: 0, emails: 0 };
  const counts = { due, extensionNotice, overdue };
  if (due.notices + extensionNotice.notices + overdue.notices > 0) logger.info(counts, "deadline reminders queued");
  return counts;
}
