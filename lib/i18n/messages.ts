// Every string of the public pages, in English and French, and the Intl helpers that format
// them. Pure data: safe in the browser.
import type { Locale } from "../requests/request-input.schema.ts";
import { type DateReader, dateLocaleFor } from "./date-locale.ts";
import { en, type Messages } from "./messages-en.ts";
import { fr } from "./messages-fr.ts";

export type { Messages };

export const messages: Record<Locale, Messages> = { en, fr };

/** The strings of the public pages in one language. */
export function t(locale: Locale): Messages {
  return messages[locale];
}

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
