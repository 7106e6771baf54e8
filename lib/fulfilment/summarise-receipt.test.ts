import { describe, expect, it } from "vitest";
import { summariseReceipt } from "./summarise-receipt.ts";

describe("summariseReceipt", () => {
  it("keeps counts and fingerprints of an upload, never its file name", () => {
    const receipt = {
      records: 0,
      categories: {},
      files: [{ name: "passport scan Camille Durand.pdf", bytes: 1234, sha256: "ab".repeat(32) }],
      manual: true,
    };
    const summary = summariseReceipt(receipt);
    expect(summary).toEqual({ records: 0, categories: 0, files: 1, fileSha256: ["ab".repeat(32)], fileBytes: 1234, manual: true });
    expect(JSON.stringify(summary)).not.toContain("Camille");
  });

  it("keeps the number of fields of a rectification, never the field names a person typed", () => {
    const summary = summariseReceipt({
      applied: [{ field: "fullName", rows: 2 }],
      unmapped: ["My maiden name Dupont"],
      via: "callback",
    });
    expect(summary).toEqual({ fieldsApplied: 1, rowsChanged: 2, fieldsUnmapped: 1, via: "callback" });
  });

  it("sums an erasure's rows erased and retained, without reasons or categories", () => {
    const summary = summariseReceipt({
      affected: 5,
      details: [
        { category: "customers", strategy: "delete", rows: 3 },
        { category: "orders", strategy: "retain", rows: 2, reason: "Invoices of Camille kept 10 years" },
      ],
    });
    expect(summary).toEqual({ affected: 5, erasedRows: 3, retainedRows: 2 });
  });

  it("counts an access result's categories rather than naming them", () => {
    expect(summariseReceipt({ records: 7, categories: { orders: 4, "notes about camille": 3 } })).toEqual({ records: 7, categories: 2 });
  });
});
