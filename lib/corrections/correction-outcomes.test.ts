import { describe, expect, it } from "vitest";
import { correctionOutcomes, correctionsLeftToStaff, rectificationOutcome } from "./correction-outcomes.ts";
import { correctionChoicesOf } from "./list-correction-choices.ts";
import { rectifyMapsOf } from "./rectify-maps-of.ts";

const declared = new Set(["lastName", "postalAddress", "phone"]);
const corrections = [
  { field: "lastName", correctValue: "Roy" },
  { field: "postalAddress", correctValue: "12 rue Saint-Paul" },
  { field: "phone", correctValue: "+33 1 23 45 67 89" },
  { field: "The name on my invoices", correctValue: "Jean Roy" },
];
const shop = {
  sourceKey: "shop-db",
  sourceName: "Shop database",
  status: "SUCCEEDED",
  receipt: {
    applied: [
      { field: "lastName", category: "customers", column: "last_name", rows: 1 },
      { field: "postalAddress", category: "customers", column: "address", rows: 0 },
    ],
    unmapped: ["phone", "The name on my invoices"],
  },
};

describe("correctionsLeftToStaff", () => {
  it("leaves to staff what no source changed, saying why: described in words, mapped nowhere, or no record found", () => {
    expect(correctionsLeftToStaff(corrections, declared, [shop])).toEqual([
      { index: 1, reason: "no-record" },
      { index: 2, reason: "not-mapped" },
      { index: 3, reason: "free-text" },
    ]);
  });

  it("leaves nothing when every correction changed a record somewhere", () => {
    expect(correctionsLeftToStaff(corrections.slice(0, 1), declared, [shop])).toEqual([]);
  });

  it("does not count a receipt of a task that did not succeed", () => {
    expect(correctionsLeftToStaff(corrections.slice(0, 1), declared, [{ ...shop, status: "FAILED" }])).toEqual([
      { index: 0, reason: "not-mapped" },
    ]);
  });
});

describe("correctionOutcomes", () => {
  const items = [
    { index: 1, reason: "no-record" },
    { index: 2, reason: "not-mapped" },
    { index: 3, reason: "free-text" },
  ];

  it("names where a source corrected, and what waits for staff", () => {
    const outcomes = correctionOutcomes(corrections, declared, [shop], { status: "OPEN", items, results: null });
    expect(outcomes.map((o) => o.state)).toEqual(["corrected", "with-staff", "with-staff", "with-staff"]);
    expect(outcomes[0].places).toEqual([{ sourceKey: "shop-db", source: "Shop database", category: "customers", rows: 1 }]);
    expect(outcomes[3]).toMatchObject({ declared: false, staffReason: "free-text" });
  });

  it("says what staff corrected and what they could not, and the request is then fulfilled in part", () => {
    const results = [
      { index: 1, corrected: true },
      { index: 2, corrected: true },
      { index: 3, corrected: false },
    ];
    const outcomes = correctionOutcomes(corrections, declared, [shop], { status: "DONE", items, results });
    expect(outcomes.map((o) => o.state)).toEqual(["corrected", "corrected-by-staff", "corrected-by-staff", "not-corrected"]);
    expect(rectificationOutcome(outcomes)).toBe("PARTIALLY_FULFILLED");
    expect(rectificationOutcome(outcomes.slice(0, 3))).toBe("FULFILLED");
  });

  it("says the sources are still working before they answered", () => {
    expect(correctionOutcomes(corrections, declared, [{ ...shop, status: "RUNNING" }], null).map((o) => o.state)).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
  });
});

describe("the form's choices", () => {
  const fields = {
    lastName: { label: { en: "Surname", fr: "Nom de famille" }, multiline: false },
    postalAddress: { label: "Postal address", hint: { en: "As on your deliveries", fr: "Comme sur vos livraisons" }, multiline: true },
    loyaltyTier: { label: "Loyalty tier", multiline: false },
  };

  it("offers the declared fields some enabled source maps, in the person's language", () => {
    const mapped = new Set(["lastName", "postalAddress", "unknownToTheMap"]);
    expect(correctionChoicesOf(fields, mapped, "fr")).toEqual([
      { name: "lastName", label: "Nom de famille", hint: null, multiline: false },
      { name: "postalAddress", label: "Postal address", hint: "Comme sur vos livraisons", multiline: true },
    ]);
  });

  it("finds every rectify map of a config, wherever its type keeps them", () => {
    const config = {
      url: "x",
      tables: [{ table: "a", rectify: { lastName: "last_name" } }, { table: "b" }, { table: "c", rectify: { phone: "tel" } }],
    };
    expect(rectifyMapsOf(config)).toEqual([
      { path: ["tables", 0, "rectify"], fields: ["lastName"] },
      { path: ["tables", 2, "rectify"], fields: ["phone"] },
    ]);
  });
});
