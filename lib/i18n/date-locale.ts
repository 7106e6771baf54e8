// Which Intl locale writes a date the way its reader expects: the language of the page or email,
// then the reader's country where the request says it. Pure: safe in the browser and in emails.
import type { Locale } from "../requests/request-input.schema.ts";

/**
 * English: month-day-year only for residents of the United States; everyone else, and readers whose
 * country is not known, get day-month-year (en-GB), because most laws this portal serves are GDPR-like
 * and their readers write dates that way. French: fr-CA for Canada (Quebec), fr-FR otherwise.
 * `region` (e.g. "CA-QC") is accepted so callers pass what they know; no rule needs it yet.
 */
export function dateLocaleFor(locale: Locale, country?: string | null, _region?: string | null): string {
  if (locale === "fr") return country === "CA" ? "fr-CA" : "fr-FR";
  return country === "US" ? "en-US" : "en-GB";
}

/** What a date is formatted for: the reader's country and region, and the time zone of an instant. */
export type DateReader = { country?: string | null; region?: string | null; timeZone?: string };
