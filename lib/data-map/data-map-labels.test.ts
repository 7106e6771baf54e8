import { describe, expect, it } from "vitest";
import {
  dataCategoryNames,
  dataMapLocales,
  dataOrigins,
  legalBases,
  recipientKinds,
  specialCategoryConditions,
  transferSafeguards,
} from "./data-map.schema.ts";
import {
  countryName,
  dataCategoryLabels,
  dataOriginLabels,
  durationInWords,
  labelOf,
  legalBasisLabels,
  recipientKindLabels,
  retentionInWords,
  specialCategoryConditionLabels,
  transferSafeguardLabels,
} from "./data-map-labels.ts";

describe("the data map's labels", () => {
  it("name every code of every list in English and French, never the code itself", () => {
    const lists: Array<[Record<string, Record<"en" | "fr", string>>, readonly string[]]> = [
      [dataCategoryLabels, dataCategoryNames],
      [legalBasisLabels, legalBases],
      [specialCategoryConditionLabels, specialCategoryConditions],
      [dataOriginLabels, dataOrigins],
      [recipientKindLabels, recipientKinds],
      [transferSafeguardLabels, transferSafeguards],
    ];
    for (const [labels, codes] of lists) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        for (const locale of dataMapLocales) {
          expect(labels[code][locale].length).toBeGreaterThan(3);
          expect(labels[code][locale]).not.toBe(code);
        }
        expect(labels[code].fr).not.toBe(labels[code].en);
      }
    }
  });

  it("gives an unknown code back as it is", () => {
    expect(labelOf(legalBasisLabels, "whim" as "consent", "en")).toBe("whim");
  });

  // Intl puts a no-break space between a number and its unit.
  const plain = (text: string) => text.replace(/\u00a0/g, " ");

  it("says periods and retention rules in words", () => {
    expect(plain(durationInWords("P10Y", "en"))).toBe("10 years");
    expect(plain(durationInWords("P1Y6M", "fr"))).toBe("1 an et 6 mois");
    expect(plain(durationInWords("P30D", "en"))).toBe("30 days");
    expect(plain(retentionInWords({ period: "P10Y", from: { en: "the invoice date", fr: "la date de la facture" } }, "fr"))).toBe(
      "10 ans à compter de la date de la facture",
    );
    expect(plain(retentionInWords({ period: "P6M", from: "the last order" }, "en"))).toBe("6 months from the last order");
    expect(plain(retentionInWords("Until the account is closed", "fr"))).toBe("Until the account is closed");
  });

  it("names countries", () => {
    expect(countryName("US", "en")).toBe("United States");
    expect(countryName("US", "fr")).toBe("États-Unis");
  });
});
