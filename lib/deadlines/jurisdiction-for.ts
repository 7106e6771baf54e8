import { DeadlineError } from "./errors.ts";
import { isJurisdictionCode, type JurisdictionCode, jurisdictionRules } from "./rules.ts";

/** Built from the rows' `appliesTo`, so adding a law's row is enough to route people to it. */
const byPlace = new Map<string, JurisdictionCode>();
for (const [code, rule] of Object.entries(jurisdictionRules) as [JurisdictionCode, { appliesTo: readonly string[] }][]) {
  for (const place of rule.appliesTo) byPlace.set(place, code);
}

/**
 * The law that protects a person living in `country` (ISO 3166-1 alpha-2) and `region` (ISO 3166-2,
 * "US-CA", or just "CA" with the country given). A subdivision with its own law wins over its country;
 * a place with no row in the rules gets `fallback`, the controller's own choice.
 */
export function jurisdictionFor(country: string, region: string | null | undefined, fallback: JurisdictionCode): JurisdictionCode {
  if (!isJurisdictionCode(fallback)) {
    throw new DeadlineError("UNKNOWN_JURISDICTION", `Unknown fallback jurisdiction "${fallback}".`);
  }
  const countryCode = country.trim().toUpperCase();
  const subdivision = normaliseRegion(countryCode, region);
  if (subdivision) {
    const regional = byPlace.get(subdivision);
    if (regional) return regional;
  }
  return byPlace.get(countryCode) ?? fallback;
}

/** "ca" with country "US" becomes "US-CA"; a region of another country is ignored rather than trusted. */
function normaliseRegion(countryCode: string, region: string | null | undefined): string | null {
  const value = region?.trim().toUpperCase();
  if (!value) return null;
  if (!value.includes("-")) return `${countryCode}-${value}`;
  return value.startsWith(`${countryCode}-`) ? value : null;
}
