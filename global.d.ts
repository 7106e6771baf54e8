// next-intl's keys and arguments are checked by tsc against the English catalogue.
import type { Catalogue, Locale } from "./lib/i18n/catalogue.ts";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Catalogue;
  }
}
