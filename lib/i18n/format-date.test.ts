import { describe, expect, it } from "vitest";
import { formatEmailDate } from "../../emails/components/i18n.ts";
import { dateLocaleFor } from "./date-locale.ts";
import { formatDate } from "./format-date.ts";

describe("dates in the reader's own format", () => {
  it("shows English readers outside the United States day, month, year", () => {
    expect(formatDate("en", "2026-12-07", { country: "GB" })).toBe("7 December 2026");
    expect(formatDate("en", "2026-12-07", { country: "DE" })).toBe("7 December 2026");
    expect(formatDate("en", "2026-12-07", { country: "CA", region: "CA-ON" })).toBe("7 December 2026");
  });

  it("shows residents of the United States month, day, year", () => {
    expect(formatDate("en", "2026-12-07", { country: "US", region: "US-CA" })).toBe("December 7, 2026");
  });

  it("uses the British order when the reader's country is not known (most laws served are GDPR-like)", () => {
    expect(formatDate("en", "2026-12-07")).toBe("7 December 2026");
    expect(formatDate("en", "2026-12-07T10:00:00Z", { timeZone: "Europe/London" })).toBe("7 December 2026");
  });

  it("formats French for France, and as written in Quebec for Canada", () => {
    expect(dateLocaleFor("fr", "FR")).toBe("fr-FR");
    expect(dateLocaleFor("fr", "CA", "CA-QC")).toBe("fr-CA");
    expect(dateLocaleFor("fr")).toBe("fr-FR");
    expect(formatDate("fr", "2026-12-07", { country: "FR" })).toBe("7 décembre 2026");
    expect(formatDate("fr", "2026-12-07", { country: "CA", region: "CA-QC" })).toBe("7 décembre 2026");
    // A French reader in the United States still reads French dates.
    expect(formatDate("fr", "2026-12-07", { country: "US" })).toBe("7 décembre 2026");
  });

  it("keeps an instant on the day of the given time zone", () => {
    expect(formatDate("en", "2026-12-07T23:30:00Z", { timeZone: "Europe/Paris", country: "GB" })).toBe("8 December 2026");
    expect(formatDate("en", "2026-12-07T03:00:00Z", { timeZone: "America/New_York", country: "US" })).toBe("December 6, 2026");
  });

  it("writes email deadlines in the same order as the pages, with the weekday", () => {
    expect(formatEmailDate("2026-12-07", "en", "GB")).toBe("Monday 7 December 2026");
    expect(formatEmailDate("2026-12-07", "en")).toBe("Monday 7 December 2026");
    expect(formatEmailDate("2026-12-07", "en", "US")).toBe("Monday, December 7, 2026");
    expect(formatEmailDate("2026-12-07", "fr", "CA")).toBe("lundi 7 décembre 2026");
  });
});
