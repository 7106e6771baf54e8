import { describe, expect, it } from "vitest";
import { computeDeadline } from "./compute-deadline.ts";
import { readableExplanation } from "./readable-explanation.ts";

describe("the explanation a person reads", () => {
  it("names the law, not its code, and leaves the other sentences as the engine wrote them", () => {
    expect(
      readableExplanation([
        "UK_GDPR: 1 month from 7 December 2026 (Art. 12(3) UK GDPR) → 7 January 2027.",
        "US_CA: 45 days from 7 December 2026 (Cal. Civ. Code §1798.130(a)(2)) → 21 January 2027.",
        "Acknowledge by 17 December 2026: 10 business days (Monday to Friday, not public holidays in US-CA).",
        "SOMETHING_UNKNOWN: kept as it is.",
      ]),
    ).toEqual([
      "UK GDPR: 1 month from 7 December 2026 (Art. 12(3) UK GDPR) → 7 January 2027.",
      expect.stringMatching(/^California .*: 45 days from 7 December 2026/),
      "Acknowledge by 17 December 2026: 10 business days (Monday to Friday, not public holidays in US-CA).",
      "SOMETHING_UNKNOWN: kept as it is.",
    ]);
  });

  it("names the region whose public holidays count", () => {
    expect(
      readableExplanation(["Acknowledge by 17 December 2026: 10 business days (Monday to Friday, not public holidays in US-CA)."], "US-CA"),
    ).toEqual(["Acknowledge by 17 December 2026: 10 business days (Monday to Friday, not public holidays in California)."]);
  });

  it("reads the law line the engine writes by the law's name", () => {
    const { explanation } = computeDeadline({
      jurisdiction: "UK_GDPR",
      requestType: "access",
      receivedAt: "2026-12-07T10:00:00Z",
      timeZone: "Europe/London",
      holidayRegion: "GB-ENG",
    });
    expect(explanation.some((line) => line.startsWith("UK_GDPR: "))).toBe(true);
    const readable = readableExplanation(explanation);
    expect(readable.some((line) => line.startsWith("UK GDPR: "))).toBe(true);
    expect(readable.join("\n")).not.toContain("UK_GDPR");
  });
});
