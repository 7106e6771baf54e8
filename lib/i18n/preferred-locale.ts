// The language a visitor prefers among the portal's: a saved choice first, then the browser's
// Accept-Language ranking, then English. Pure, so the proxy and the staff pages share it.
import { isLocale, type Locale } from "./catalogue.ts";

export function preferredLocale(saved: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (saved && isLocale(saved)) return saved;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((entry) => isLocale(entry.lang));
  return found ? (found.lang as Locale) : "en";
}
