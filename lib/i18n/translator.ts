// A translator for one language outside a page (emails, workers, server actions): next-intl's
// createTranslator over our catalogues, with the same ICU plurals and arguments as the pages.
import { createTranslator } from "next-intl";
import { type Catalogue, catalogues, type Locale } from "./catalogue.ts";

export function translator(locale: Locale) {
  return createTranslator<Catalogue>({ locale, messages: catalogues[locale] });
}

/** For keys known only at run time (an error's MessageRef): translates when the key exists. */
export function translateKey(locale: Locale, key: string, values?: Record<string, string | number>): string | undefined {
  const t = createTranslator({ locale, messages: catalogues[locale] as unknown as Record<string, unknown> }) as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  return t.has(key) ? t(key, values) : undefined;
}
