import { describe, expect, it } from "vitest";
import { rowToFields } from "./values.ts";

describe("access values", () => {
  it("become JSON that keeps their meaning", () => {
    const fields = rowToFields({
      created_at: new Date("2026-01-05T10:00:00Z"),
      invoice: Buffer.from("%PDF"),
      big: 9007199254740993n,
      ratio: Number.NaN,
      tags: [new Date("2026-02-01T00:00:00Z"), null],
      profile: { nested: { at: new Date("2026-03-01T00:00:00Z") } },
      total: "19.90",
      missing: undefined,
    });
    expect(fields).toEqual({
      created_at: "2026-01-05T10:00:00.000Z",
      invoice: "JVBERg==",
      big: "9007199254740993",
      ratio: "NaN",
      tags: ["2026-02-01T00:00:00.000Z", null],
      profile: { nested: { at: "2026-03-01T00:00:00.000Z" } },
      total: "19.90",
      missing: null,
    });
    expect(JSON.parse(JSON.stringify(fields))).toEqual(fields);
  });
});
