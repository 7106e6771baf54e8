// The message catalogues (ICU MessageFormat, read by next-intl): one folder per language under
// messages/, one JSON file per part of the product, gathered by that folder's index.ts. English is
// the reference: lib/i18n/catalogue.test.ts fails when another language lacks a key, has one
// English lacks, or uses other arguments. Adding a language is one folder and one line here.
import en from "../../messages/en/index.ts";
import fr from "../../messages/fr/index.ts";

export const catalogues = { en, fr } as const;
export type Locale = keyof typeof catalogues;
export type Catalogue = typeof en;
export const catalogueLocales = Object.keys(catalogues) as Locale[];

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(catalogues, value);
}

/** Language names as each is written in itself, for language pickers. */
export const localeNames: Record<Locale, string> = { en: "English", fr: "Français" };
