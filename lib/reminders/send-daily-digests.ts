// The daily digest (scheduled every few minutes): from the configured hour of the controller's
// day, each active agent and admin gets one summary of what is due, once per local day.
import { env } from "../env.ts";
import { logger } from "../logger.ts";
import { readReminderSettings } from "./read-reminder-settings.ts";
import { dailyDigestQuery } from "./reminder-queries.ts";
import { DIGEST_MAX_ITEMS, DIGEST_WINDOW_DAYS } from "./reminder-settings.schema.ts";
import { runReminderQuery } from "./run-reminder-query.ts";

function localHour(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" }).format(now));
}

export async function sendDailyDigests(
  options: { now?: Date } = {},
): Promise<{ beforeDigestHour: boolean; staffCovered: number; emails: number }> {
  const now = options.now ?? new Date();
  const { CONTROLLER_TIME_ZONE: timeZone, APP_URL: appUrl } = env();
  const settings = await readReminderSettings();
  if (localHour(now, timeZone) < settings.digestHour) return { beforeDigestHour: true, staffCovered: 0, emails: 0 };
  const query = dailyDigestQuery({ now, timeZone, appUrl, windowDays: DIGEST_WINDOW_DAYS, maxItems: DIGEST_MAX_ITEMS });
  const { notices, emails } = await runReminderQuery(query);
  if (notices > 0) logger.info({ staffCovered: notices, emails }, "daily digests queued");
  return { beforeDigestHour: false, staffCovered: notices, emails };
}
