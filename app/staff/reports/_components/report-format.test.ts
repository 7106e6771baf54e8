import { describe, expect, it } from "vitest";
import { reportFormat } from "./report-format.ts";

describe("the report's words and numbers in the member's language", () => {
  it("writes counts, days and shares as each language does", () => {
    const fr = reportFormat("fr");
    const en = reportFormat("en");
    expect(en.count(12345)).toBe("12,345");
    expect(fr.count(12345).replace(/\s/g, " ")).toBe("12 345");
    expect(en.days(2.5)).toBe("2.5");
    expect(fr.days(2.5)).toBe("2,5");
    expect(en.share(0.875)).toBe("87.5%");
    expect(fr.share(0.875).replace(/\s/g, " ")).toBe("87,5 %");
    expect(fr.share(null)).toBe("–");
  });

  it("writes a calendar day on that very day, day first in English too", () => {
    expect(reportFormat("en").day("2026-01-01")).toBe("1 Jan 2026");
    expect(reportFormat("fr").day("2026-12-31")).toBe("31 déc. 2026");
  });

  it("names rights and jurisdictions in words: the shared law names, else the act's name", () => {
    const fr = reportFormat("fr");
    expect(fr.right("erasure")).toBe("Effacement");
    expect(fr.right("all")).toBe("Tous les droits");
    expect(reportFormat("en").right("access")).toBe("Access");
    expect(fr.jurisdiction("EU_GDPR")).toBe("RGPD (UE)");
    expect(fr.jurisdiction("US_CA")).toMatch(/California/);
    expect(fr.jurisdiction("XX_UNKNOWN")).toBe("XX_UNKNOWN");
  });

  it("names the laws on the on-time chart, in French to a French member", () => {
    const rows = [
      { jurisdiction: "EU_GDPR", onTimeShare: 0.5, responded: 2 },
      { jurisdiction: "US_CA", onTimeShare: null, responded: 0 },
      { jurisdiction: "all", onTimeShare: 0.5, responded: 2 },
    ];
    const chart = reportFormat("fr").onTimeChart(rows);
    expect(chart.groups.map((group) => group.label)).toEqual(["RGPD (UE)", "California Consumer Privacy Act"]);
    expect(chart.summary).toMatch(/^RGPD \(UE\)\s: 50\s%/);
    expect(chart.summary).not.toMatch(/EU_GDPR|US_CA/);
  });
});
