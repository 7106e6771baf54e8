import { describe, expect, it } from "vitest";
import { JURISDICTIONS, jurisdictionRules } from "./rules.ts";

const US_45_PLUS_45 = [
  "US_VA",
  "US_CO",
  "US_CT",
  "US_UT",
  "US_TX",
  "US_OR",
  "US_MT",
  "US_DE",
  "US_NH",
  "US_NJ",
  "US_TN",
  "US_MN",
  "US_MD",
  "US_NE",
  "US_KY",
  "US_IN",
  "US_RI",
] as const;

describe("the rules table", () => {
  it("has a row for every jurisdiction LEGAL.md names", () => {
    for (const code of [
      "EU_GDPR",
      "UK_GDPR",
      "US_CA",
      "US_VA",
      "US_CT",
      "US_CO",
      "CA_QC",
      "CA_PIPEDA",
      "BR_LGPD",
      "CH_FADP",
      "US_IA",
      "US_FL",
    ]) {
      expect(JURISDICTIONS).toContain(code);
    }
  });

  it.each(JURISDICTIONS)("%s cites its source and covers at least one place", (code) => {
    const rule = jurisdictionRules[code];
    expect(rule.citation.length).toBeGreaterThan(5);
    expect(rule.appliesTo.length).toBeGreaterThan(0);
    expect(rule.rights.length).toBeGreaterThan(0);
    if (rule.extension) expect(rule.extension.citation.length).toBeGreaterThan(5);
  });

  it.each(US_45_PLUS_45)("%s is 45 calendar days, once extendable by 45", (code) => {
    const rule = jurisdictionRules[code];
    expect(rule.period).toEqual({ unit: "day", length: 45 });
    expect(rule.extension).toMatchObject({ unit: "day", length: 45, once: true });
    expect(rule.pauseMovesClock).toBe(false);
  });

  it("reads LEGAL.md's special cases", () => {
    expect(jurisdictionRules.US_IA.period).toEqual({ unit: "day", length: 90 });
    expect(jurisdictionRules.US_IA.extension.length).toBe(45);
    expect(jurisdictionRules.US_FL.extension.length).toBe(15);
    expect(jurisdictionRules.US_CA.acknowledgement).toMatchObject({ unit: "businessDay", length: 10 });
    expect(jurisdictionRules.UK_GDPR.restartAllowed).toBe(true);
    expect(jurisdictionRules.EU_GDPR.restartAllowed).toBe(false);
    expect(jurisdictionRules.EU_GDPR.pauseMovesClock).toBe(true);
    expect(jurisdictionRules.CA_QC.extension).toBeNull();
    expect(jurisdictionRules.CA_QC.deemedRefusalOnSilence).toBe(true);
    expect(jurisdictionRules.BR_LGPD.period).toEqual({ unit: "day", length: 15 });
    expect(jurisdictionRules.CH_FADP.period).toEqual({ unit: "day", length: 30 });
  });

  it("routes each place to one law only", () => {
    const places = Object.values(jurisdictionRules).flatMap((rule) => rule.appliesTo);
    expect(new Set(places).size).toBe(places.length);
  });
});
