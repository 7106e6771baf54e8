// Where a person lives, as a reader sees it: the country's name and the state or province's, in the
// reader's language ("United States, California"), never the ISO codes stored on the request.
import { countryName } from "../data-map/data-map-labels.ts";
import { regionsByCountry } from "./regions.ts";

export function describePlace(country: string, region: string | null | undefined, locale: "en" | "fr"): string {
  const countryLabel = countryName(country, locale);
  if (!region) return countryLabel;
  const option = (regionsByCountry[country] ?? []).find((candidate) => candidate.code === region);
  return `${countryLabel}, ${option ? option[locale] : region}`;
}
