// The language of an email to a staff member: the one saved on their account page, else English
// (an email has no browser to follow). The account page says so next to the language choice.
import { isLocale, type Locale } from "../i18n/catalogue.ts";

export function staffEmailLocale(saved: string | null | undefined): Locale {
  return saved && isLocale(saved) ? saved : "en";
}
