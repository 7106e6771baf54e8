import { describe, expect, it } from "vitest";
import { proposeMappingSchema } from "./actions.schema.ts";

describe("the propose-a-mapping form", () => {
  it("treats empty optional fields as not given, and bounds the sample", () => {
    expect(
      proposeMappingSchema.parse({ source: "mysql", url: " mysql://r@h/shop ", schema: "", identityTable: "", sampleSize: "" }),
    ).toEqual({
      source: "mysql",
      url: "mysql://r@h/shop",
      schema: undefined,
      identityTable: undefined,
      sampleSize: undefined,
    });
    expect(proposeMappingSchema.parse({ source: "postgres", url: "postgresql://h/x", sampleSize: "50" }).sampleSize).toBe(50);
    for (const sampleSize of ["0", "1001", "2.5", "many"]) {
      expect(proposeMappingSchema.safeParse({ source: "postgres", url: "postgresql://h/x", sampleSize }).success, sampleSize).toBe(false);
    }
    expect(proposeMappingSchema.safeParse({ source: "oracle", url: "oracle://h/x" }).error?.issues[0].message).toBe(
      "staffConnectors.errors.chooseSource",
    );
  });
});
