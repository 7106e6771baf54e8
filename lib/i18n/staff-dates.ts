// Dates and times on the staff pages: in the member's language, written the way its readers
// expect (day-month-year in English too, see date-locale.ts), on the controller's clock. Pure: the
// caller passes the time zone (env().CONTROLLER_TIME_ZONE on the server), so client components use
// it too.
import type { Locale } from "./catalogue.ts";
import { dateLocaleFor } from "./date-locale.ts";

export function staffDateTime(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocaleFor(locale), { dateStyle: "medium", timeStyle: "short", timeZone });
}

export function staffDate(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocaleFor(locale), { dateStyle: "medium", timeZone });
}
