// Dates and waits in words for the pages a person reads, in the order its reader expects
// (lib/i18n/date-locale.ts: en-GB unless the reader lives in the United States). The catalogues take
// the result as an argument ("until {date}"), since ICU's own date format would follow the page's
// language only. Pure: safe in the browser.
import type { Locale } from "./catalogue.ts";
import { type DateReader, dateLocaleFor } from "./date-locale.ts";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in words in the reader's order ("7 December 2026"; "December 7, 2026" for a US resident;
 * "7 décembre 2026"): see dateLocaleFor. Calendar days (YYYY-MM-DD) are read in UTC so they never
 * shift by a day; instants are shown in `reader.timeZone` (the controller's, by default UTC).
 */
export function formatDate(locale: Locale, isoOrDay: string, reader: DateReader = {}): string {
  const isDay = dayPattern.test(isoOrDay);
  const date = new Date(isDay ? `${isoOrDay}T00:00:00Z` : isoOrDay);
  if (Number.isNaN(date.getTime())) return isoOrDay;
  return new Intl.DateTimeFormat(dateLocaleFor(locale, reader.country, reader.region), {
    dateStyle: "long",
    timeZone: isDay ? "UTC" : (reader.timeZone ?? "UTC"),
  }).format(date);
}

/** A wait such as "12 minutes" or "2 heures", rounded up to the unit a person would use. */
export function formatWait(locale: Locale, seconds: number): string {
  const [value, unit] =
    seconds < 90
      ? [Math.max(1, Math.ceil(seconds)), "second"]
      : seconds < 5400
        ? [Math.ceil(seconds / 60), "minute"]
        : [Math.ceil(seconds / 3600), "hour"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
