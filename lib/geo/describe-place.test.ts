import { describe, expect, it } from "vitest";
import { describePlace } from "./describe-place.ts";

describe("describePlace", () => {
  it("names the country in the reader's language, not by its code", () => {
    expect(describePlace("GB", null, "en")).toBe("United Kingdom");
    expect(describePlace("GB", null, "fr")).toBe("Royaume-Uni");
  });

  it("adds the state or province by name", () => {
    expect(describePlace("US", "US-CA", "en")).toBe("United States, California");
    expect(describePlace("CA", "CA-QC", "fr")).toBe("Canada, Québec");
  });

  it("keeps a code it cannot name rather than hiding it", () => {
    expect(describePlace("US", "US-ZZ", "en")).toBe("United States, US-ZZ");
  });
});
