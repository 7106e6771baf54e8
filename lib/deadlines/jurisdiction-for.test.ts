import { describe, expect, it } from "vitest";
import { DeadlineError } from "./errors.ts";
import { jurisdictionFor } from "./jurisdiction-for.ts";
import type { JurisdictionCode } from "./rules.ts";

describe("where a person lives decides the law", () => {
  it.each<{ country: string; region: string | null | undefined; fallback: JurisdictionCode; expected: JurisdictionCode }>([
    { country: "FR", region: null, fallback: "US_CA", expected: "EU_GDPR" },
    { country: "DE", region: "DE-BY", fallback: "US_CA", expected: "EU_GDPR" },
    { country: "IE", region: undefined, fallback: "US_CA", expected: "EU_GDPR" },
    { country: "NO", region: null, fallback: "US_CA", expected: "EU_GDPR" },
    { country: "IS", region: null, fallback: "US_CA", expected: "EU_GDPR" },
    { country: "RE", region: null, fallback: "US_CA", expected: "EU_GDPR" },
    { country: "fr", region: null, fallback: "US_CA", expected: "EU_GDPR" },
    { country: "GB", region: null, fallback: "EU_GDPR", expected: "UK_GDPR" },
    { country: "GB", region: "GB-SCT", fallback: "EU_GDPR", expected: "UK_GDPR" },
    { country: "US", region: "US-CA", fallback: "EU_GDPR", expected: "US_CA" },
    { country: "US", region: "ca", fallback: "EU_GDPR", expected: "US_CA" },
    { country: "US", region: "US-TX", fallback: "EU_GDPR", expected: "US_TX" },
    { country: "US", region: "US-VA", fallback: "EU_GDPR", expected: "US_VA" },
    { country: "US", region: "US-CO", fallback: "EU_GDPR", expected: "US_CO" },
    { country: "US", region: "US-CT", fallback: "EU_GDPR", expected: "US_CT" },
    { country: "US", region: "US-IA", fallback: "EU_GDPR", expected: "US_IA" },
    { country: "US", region: "US-RI", fallback: "EU_GDPR", expected: "US_RI" },
    { country: "US", region: "US-NY", fallback: "EU_GDPR", expected: "EU_GDPR" },
    { country: "US", region: null, fallback: "US_CA", expected: "US_CA" },
    { country: "US", region: "CA-QC", fallback: "EU_GDPR", expected: "EU_GDPR" },
    { country: "CA", region: "CA-QC", fallback: "EU_GDPR", expected: "CA_QC" },
    { country: "CA", region: "QC", fallback: "EU_GDPR", expected: "CA_QC" },
    { country: "CA", region: "CA-ON", fallback: "EU_GDPR", expected: "CA_PIPEDA" },
    { country: "CA", region: null, fallback: "EU_GDPR", expected: "CA_PIPEDA" },
    { country: "BR", region: "BR-SP", fallback: "EU_GDPR", expected: "BR_LGPD" },
    { country: "CH", region: "CH-ZH", fallback: "EU_GDPR", expected: "CH_FADP" },
    { country: "JP", region: null, fallback: "EU_GDPR", expected: "EU_GDPR" },
    { country: "", region: null, fallback: "UK_GDPR", expected: "UK_GDPR" },
  ])("$country / $region → $expected (fallback $fallback)", ({ country, region, fallback, expected }) => {
    expect(jurisdictionFor(country, region, fallback)).toBe(expected);
  });

  it("refuses a fallback that is not a jurisdiction", () => {
    expect(() => jurisdictionFor("JP", null, "JP_APPI" as JurisdictionCode)).toThrow(DeadlineError);
  });
});
