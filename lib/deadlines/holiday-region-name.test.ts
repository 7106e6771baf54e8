import { describe, expect, it } from "vitest";
import { holidayRegionName } from "./holiday-region-name.ts";

describe("the holiday region a person reads", () => {
  it("names countries, states, provinces and nations in the reader's language", () => {
    expect(holidayRegionName("FR", "fr")).toBe("France");
    expect(holidayRegionName("US-CA", "en")).toBe("California");
    expect(holidayRegionName("US-CA", "fr")).toBe("Californie");
    expect(holidayRegionName("CA-QC", "fr")).toBe("Québec");
    expect(holidayRegionName("GB-ENG", "en")).toBe("England");
    expect(holidayRegionName("GB-ENG", "fr")).toBe("Angleterre");
    expect(holidayRegionName("DE-BY", "en")).toBe("Bayern (Germany)");
  });
});
