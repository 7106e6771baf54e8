import { describe, expect, it } from "vitest";
import { deidentifyManifest, deidentifyReceipt } from "./deidentify.ts";

describe("de-identified receipts", () => {
  it("keeps counts and categories of an access receipt, drops attached file names", () => {
    const receipt = {
      records: 3,
      manual: true,
      categories: { orders: 2, profile: 1 },
      files: [{ name: "ana-perez-passport.pdf", bytes: 1200, sha256: "ab".repeat(32) }],
    };
    expect(deidentifyReceipt(receipt)).toEqual({
      records: 3,
      manual: true,
      categories: { orders: 2, profile: 1 },
      files: [{ bytes: 1200, sha256: "ab".repeat(32) }],
    });
  });

  it("keeps what an erasure did and why data was retained", () => {
    const receipt = {
      affected: 4,
      details: [{ category: "invoices", strategy: "retain", rows: 4, reason: "Tax law: 10 years", note: "ana@example.test" }],
    };
    expect(deidentifyReceipt(receipt)).toEqual({
      affected: 4,
      details: [{ category: "invoices", strategy: "retain", rows: 4, reason: "Tax law: 10 years" }],
    });
  });

  it("keeps applied corrections' field names, counts the ones that were not mapped, drops free text", () => {
    const receipt = {
      applied: [{ field: "fullName", category: "customers", column: "name", rows: 1, value: "Ana Pérez" }],
      unmapped: ["my old address in Lyon"],
      message: "Updated Ana Pérez",
    };
    expect(deidentifyReceipt(receipt)).toEqual({
      applied: [{ field: "fullName", category: "customers", column: "name", rows: 1 }],
      unmapped: ["[removed]"],
    });
  });

  it("answers null for no receipt", () => {
    expect(deidentifyReceipt(null)).toBeNull();
    expect(deidentifyReceipt("text")).toBeNull();
  });
});

describe("de-identified manifests", () => {
  it("renames attached files and leaves category files alone", () => {
    const manifest = {
      reference: "DSR-AAAA-BBBB",
      files: [
        { path: "data/shop/orders.csv", sha256: "1", bytes: 10, records: 2 },
        { path: "data/archive/files/Ana Pérez letter.pdf", sha256: "2", bytes: 20 },
      ],
    };
    expect(deidentifyManifest(manifest)).toEqual({
      reference: "DSR-AAAA-BBBB",
      files: [
        { path: "data/shop/orders.csv", sha256: "1", bytes: 10, records: 2 },
        { path: "data/archive/files/[removed-2]", sha256: "2", bytes: 20 },
      ],
    });
  });
});
