// The dashboard's words: counts with the right plural, laws by name rather than code.
import { describe, expect, it } from "vitest";
import { lawShortName, showingText } from "./labels.ts";

describe("showingText", () => {
  it("says one request in the singular", () => {
    expect(showingText(1, 1, 1, 10_000)).toBe("Showing 1 request.");
  });
  it("says all of a view that fits one page", () => {
    expect(showingText(1, 8, 8, 10_000)).toBe("Showing all 8 requests.");
  });
  it("gives the range of a page among more", () => {
    expect(showingText(26, 50, 80, 10_000)).toBe("Showing 26–50 of 80 requests.");
    expect(showingText(26, 26, 26, 10_000)).toBe("Showing request 26 of 26.");
    expect(showingText(1, 100, 12_000, 10_000)).toBe("Showing 1–100 of more than 10,000 requests.");
  });
  it("says when nothing matches", () => {
    expect(showingText(0, 0, 0, 10_000)).toBe("No request matches this view.");
  });
});

describe("lawShortName", () => {
  it("names a law instead of showing its code", () => {
    expect(lawShortName("UK_GDPR")).toBe("UK GDPR");
    expect(lawShortName("US_VA")).toBe("Virginia Consumer Data Protection Act");
    expect(lawShortName("XX_UNKNOWN")).toBe("XX_UNKNOWN");
  });
});
