import { describe, expect, it } from "vitest";
import { compute, LA, LONDON, PARIS, type Row } from "./deadline-cases.test-support.ts";

// Expected dates are worked out by hand from LEGAL.md's rules and a calendar; see the note on each row.

const workedExamples: Row[] = [
  {
    title: "ICO: received Mon 25 Nov 2024, due Fri 27 Dec 2024 (25 and 26 Dec are bank holidays)",
    input: { jurisdiction: "UK_GDPR", receivedAt: "2024-11-25T10:00:00Z", ...LONDON },
    due: "2024-12-27",
    noticeBy: "2024-12-27",
    max: "2025-02-25", // 25 Nov + 3 months = Tue 25 Feb 2025
  },
  {
    title: "31 Jan + 3 months = 30 Apr: the extended period counts from the original start",
    input: {
      jurisdiction: "EU_GDPR",
      receivedAt: "2026-01-31T10:00:00Z",
      ...PARIS,
      events: [{ type: "extend", at: "2026-02-10T10:00:00Z", reason: "Twelve systems to search." }],
    },
    due: "2026-04-30",
    noticeBy: "2026-03-02", // 31 Jan + 1 month = Sat 28 Feb → Mon 2 Mar
    max: "2026-04-30",
  },
  {
    title: "31 Aug + 1 month = 30 Sep",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-08-31T10:00:00Z", ...PARIS },
    due: "2026-09-30",
  },
  {
    title: "23:30 UTC on 31 Jan is 1 Feb in Paris: Sat 1 Mar 2025 → Mon 3 Mar",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2025-01-31T23:30:00Z", ...PARIS },
    due: "2025-03-03",
  },
  {
    title: "the same instant is still 31 Jan in Dublin: Fri 28 Feb 2025",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2025-01-31T23:30:00Z", timeZone: "Europe/Dublin", holidayRegion: "IE" },
    due: "2025-02-28",
  },
  {
    title: "45 days from Fri 30 Jan 2026 end on Sun 15 Mar 2026, no roll-forward",
    input: { jurisdiction: "US_CA", receivedAt: "2026-01-30T18:00:00Z", ...LA },
    due: "2026-03-15",
    noticeBy: "2026-03-15",
    max: "2026-04-29", // 15 Mar + 45
    ack: "2026-02-12", // Fri 30 Jan is day 1; Thu 12 Feb is day 10
  },
];

const monthEnds: Row[] = [
  {
    title: "31 Jan 2028 + 1 month is 29 Feb in a leap year",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2028-01-31T10:00:00Z", ...PARIS },
    due: "2028-02-29",
    max: "2028-05-02" /* 30 Apr is a Sunday, 1 May a holiday */,
  },
  {
    title: "31 Jan 2027 + 1 month is Sun 28 Feb → Mon 1 Mar",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2027-01-31T10:00:00Z", ...PARIS },
    due: "2027-03-01",
  },
  {
    title: "29 Feb 2028 + 1 month is Wed 29 Mar",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2028-02-29T10:00:00Z", ...PARIS },
    due: "2028-03-29",
    max: "2028-05-29",
  },
  {
    title: "31 Mar + 1 month is 30 Apr",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-03-31T10:00:00Z", ...PARIS },
    due: "2026-04-30",
  },
  {
    title: "31 May + 1 month is 30 Jun",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-05-31T10:00:00Z", ...PARIS },
    due: "2026-06-30",
  },
  {
    title: "31 Oct + 1 month is Mon 30 Nov",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-10-31T10:00:00Z", ...PARIS },
    due: "2026-11-30",
  },
  {
    title: "31 Dec + 1 month is Sun 31 Jan → Mon 1 Feb",
    input: { jurisdiction: "UK_GDPR", receivedAt: "2026-12-31T10:00:00Z", ...LONDON },
    due: "2027-02-01",
  },
  {
    title: "a Saturday receipt still starts the clock: Sat 7 Mar → Tue 7 Apr",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-03-07T10:00:00Z", ...PARIS },
    due: "2026-04-07",
    noticeBy: "2026-04-07",
    max: "2026-06-08" /* Sun 7 Jun → Mon 8 Jun */,
  },
];

describe.each([
  ["worked examples from LEGAL.md", workedExamples],
  ["month ends and leap years", monthEnds],
])("%s", (_group, rows) => {
  it.each(rows)("$title", ({ input, due, noticeBy, max, ack }) => {
    const result = compute(input);
    expect(result.dueDate).toBe(due);
    if (noticeBy !== undefined) expect(result.extensionNoticeBy).toBe(noticeBy);
    if (max !== undefined) expect(result.maxExtendedDueDate).toBe(max);
    if (ack !== undefined) expect(result.acknowledgeBy).toBe(ack);
    expect(result.explanation.at(-1)).toContain(`Due by the end of ${due}`);
  });
});

describe("the explanation a person can check", () => {
  it("walks from the local receipt date to the due date with citations", () => {
    const { explanation } = compute({ jurisdiction: "EU_GDPR", receivedAt: "2026-03-06T10:00:00Z", ...PARIS });
    expect(explanation).toEqual([
      "Received 2026-03-06 (Friday) in Europe/Paris.",
      "EU_GDPR: 1 month from receipt (GDPR Art. 12(3); Reg. 1182/71 Art. 3) → 2026-04-06 (Monday).",
      "2026-04-06 is a public holiday in FR (Easter Monday); moved to the next working day, 2026-04-07 (Tuesday) (Reg. 1182/71 Art. 3(4)).",
      expect.stringContaining("Extension: up to 2 months more, notified with reasons by 2026-04-07"),
      "Due by the end of 2026-04-07 (Tuesday) in Europe/Paris.",
    ]);
  });

  it("names the local date when the instant's own date differs", () => {
    const { explanation } = compute({ jurisdiction: "EU_GDPR", receivedAt: "2026-01-31T23:30:00Z", ...PARIS });
    expect(explanation[0]).toBe(
      "Received 2026-02-01 (Sunday) in Europe/Paris (the instant 2026-01-31T23:30:00Z falls on that date there).",
    );
  });

  it("says a day period does not move off a weekend", () => {
    const { explanation } = compute({ jurisdiction: "US_CA", receivedAt: "2026-01-30T18:00:00Z", ...LA });
    expect(explanation).toContain("Calendar days: a weekend or holiday at the end does not move the date.");
    expect(explanation.join(" ")).toContain("counting 2026-01-30 as day 1");
  });

  it("explains a clamped month end", () => {
    const { explanation } = compute({ jurisdiction: "EU_GDPR", receivedAt: "2026-08-31T10:00:00Z", ...PARIS });
    expect(explanation).toContain("2026-09-31 does not exist, so the period ends on the last day of that month, 2026-09-30.");
  });

  it("flags a request type the law does not name, and applies the same period", () => {
    const result = compute({
      jurisdiction: "CA_QC",
      requestType: "erasure",
      receivedAt: "2026-05-26T15:00:00Z",
      timeZone: "America/Toronto",
      holidayRegion: "CA-QC",
    });
    expect(result.dueDate).toBe("2026-06-24");
    expect(result.explanation.join(" ")).toContain("earliest defensible reading");
  });

  it("warns that silence is a deemed refusal in Quebec and under PIPEDA", () => {
    const quebec = compute({
      jurisdiction: "CA_QC",
      receivedAt: "2028-02-01T15:00:00Z",
      timeZone: "America/Toronto",
      holidayRegion: "CA-QC",
    });
    expect(quebec.explanation.join(" ")).toContain("Silence at the end of 2028-03-01 counts as a refusal");
    const gdpr = compute({ jurisdiction: "EU_GDPR", receivedAt: "2026-03-06T10:00:00Z", ...PARIS });
    expect(gdpr.explanation.join(" ")).not.toContain("Silence");
  });
});
