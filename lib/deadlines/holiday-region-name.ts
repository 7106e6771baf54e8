// The region whose public holidays a deadline skips, as a person reads it: "France", "California",
// "Québec", "England", in the reader's language where we have it, never the date-holidays code
// ("FR", "US-CA", "GB-ENG") the engine works with.
import Holidays from "date-holidays";
import { countryName } from "../data-map/data-map-labels.ts";
import { regionsByCountry } from "../geo/regions.ts";

const GB_NATIONS: Record<string, { en: string; fr: string }> = {
  ENG: { en: "England", fr: "Angleterre" },
  SCT: { en: "Scotland", fr: "Écosse" },
  WLS: { en: "Wales", fr: "pays de Galles" },
  NIR: { en: "Northern Ireland", fr: "Irlande du Nord" },
};

export function holidayRegionName(region: string, locale: "en" | "fr"): string {
  const [country, state] = region.split("-");
  if (!state) return countryName(country, locale);
  const listed = (regionsByCountry[country] ?? []).find((option) => option.code === `${country}-${state}`);
  if (listed) return listed[locale];
  if (country === "GB" && GB_NATIONS[state]) return GB_NATIONS[state][locale];
  const named = new Holidays().getStates(country, locale)?.[state];
  return named ? `${named} (${countryName(country, locale)})` : region;
}
