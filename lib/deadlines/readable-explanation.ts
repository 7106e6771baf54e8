// The engine's English explanation names the law by its code ("UK_GDPR: 1 month from …"): that is
// the record, stored on the request and kept as is in the API and the evidence. Where a person reads
// it (the staff request page, the status page, the acknowledgement email) the law reads by its name
// ("UK GDPR: 1 month from …"), and the region whose holidays count by its name ("California", not "US-CA"). The French explanation names the law itself (explanation-phrases.ts).
import { catalogues } from "../i18n/catalogue.ts";
import { holidayRegionName } from "./holiday-region-name.ts";
import { jurisdictionRules } from "./rules.ts";

const LEADING_CODE = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): /;

/** "UK GDPR" for UK_GDPR; a US state's act by its own name; null for a code no law has. */
function lawNameOf(code: string): string | null {
  const names: Record<string, string> = catalogues.en.staffLabels.law;
  if (Object.hasOwn(names, code)) return names[code];
  return Object.hasOwn(jurisdictionRules, code) ? jurisdictionRules[code as keyof typeof jurisdictionRules].name : null;
}

/** holidayRegion: the request's (date-holidays code), named where the sentences say "in US-CA". */
export function readableExplanation(lines: readonly string[], holidayRegion?: string): string[] {
  const region = holidayRegion ? ` in ${holidayRegion}` : null;
  const regionName = holidayRegion ? ` in ${holidayRegionName(holidayRegion, "en")}` : "";
  return lines.map((line) => {
    const code = LEADING_CODE.exec(line)?.[1];
    const name = code ? lawNameOf(code) : null;
    const named = code && name ? `${name}: ${line.slice(code.length + 2)}` : line;
    return region ? named.split(region).join(regionName) : named;
  });
}
