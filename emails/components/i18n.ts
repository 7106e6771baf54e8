import { createTranslator } from "next-intl";
import { type Catalogue, catalogues } from "../../lib/i18n/catalogue.ts";
import { dateLocaleFor } from "../../lib/i18n/date-locale.ts";

export const EMAIL_LOCALES = ["en", "fr"] as const;

export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/**
 * One part of the customer emails' catalogue (messages/<locale>/emails.json: a template, or a shared
 * part such as `statusLink`) in one language, with ICU plurals and typed arguments.
 */
export function emailTexts<const Part extends keyof Catalogue["emails"]>(locale: EmailLocale, part: Part) {
  return createTranslator<Catalogue, `emails.${Part}`>({ locale, messages: catalogues[locale], namespace: `emails.${part}` });
}

/**
 * Shows a `YYYY-MM-DD` deadline as a sentence-ready date in the reader's order ("Friday 27 December
 * 2024", "Friday, December 27, 2024" for a US resident, "vendredi 27 décembre 2024"; see
 * lib/i18n/date-locale.ts). `country`: the request's, when the email is about one (staff emails have
 * none). The date is read at noon UTC and formatted in UTC so no reader's or server's time zone can
 * move it to the day before or after.
 */
export function formatEmailDate(isoDate: string, locale: EmailLocale, country?: string | null): string {
  const dateLocale = dateLocaleFor(locale, country);
  const noonUtc = new Date(`${isoDate}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat(dateLocale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).formatToParts(noonUtc);
  // Recent ICU versions put a comma after the weekday in en-GB; British usage and our copy leave it out
  // (American usage keeps it).
  if (dateLocale === "en-US") return parts.map((part) => part.value).join("");
  return parts.map((part) => (part.type === "literal" && part.value.trim() === "," ? " " : part.value)).join("");
}
