// How the request pages write dates, in the reader's language (lib/i18n/staff-dates.ts). Client-safe.
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { dateLocaleFor } from "@/lib/i18n/date-locale.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";

export function formatInstant(date: Date, locale: Locale, timeZone: string): string {
  return staffDateTime(locale, timeZone).format(date);
}

/** A stored calendar day (YYYY-MM-DD) as "Tue 26 May 2026" / "mar. 26 mai 2026", never shifted by a time zone. */
export function formatDay(day: string | null, locale: Locale): string {
  if (!day) return "—";
  return new Intl.DateTimeFormat(dateLocaleFor(locale), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}
