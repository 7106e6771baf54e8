import { describe, expect, it } from "vitest";
import { preferredLocale } from "./preferred-locale.ts";

describe("preferredLocale", () => {
  it("takes a saved choice first, then the browser's ranking, then English", () => {
    expect(preferredLocale("fr", "en-GB,en;q=0.9")).toBe("fr");
    expect(preferredLocale(null, "de-DE,fr-CA;q=0.8,en;q=0.5")).toBe("fr");
    expect(preferredLocale(undefined, "de, it;q=0.5")).toBe("en");
    expect(preferredLocale("xx", "fr;q=0, en;q=0.1")).toBe("en");
    expect(preferredLocale(null, null)).toBe("en");
  });
});
