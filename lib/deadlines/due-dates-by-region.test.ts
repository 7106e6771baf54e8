import { describe, expect, it } from "vitest";
import { BERLIN, compute, LA, LONDON, PARIS, type Row } from "./deadline-cases.test-support.ts";

// Due dates by region, time zone and kind of period; expected dates worked out by hand from LEGAL.md and a calendar.

const holidays: Row[] = [
  {
    title: "FR: Easter Monday 6 Apr 2026 → Tue 7 Apr",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-03-06T10:00:00Z", ...PARIS },
    due: "2026-04-07",
  },
  {
    title: "FR: Ascension Thu 14 May 2026 → Fri 15 May",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-04-14T10:00:00Z", ...PARIS },
    due: "2026-05-15",
  },
  {
    title: "FR: Fri 1 May 2026, then a weekend → Mon 4 May",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-04-01T10:00:00Z", ...PARIS },
    due: "2026-05-04",
  },
  {
    title: "FR: Whit Monday 25 May 2026 → Tue 26 May",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-04-25T10:00:00Z", ...PARIS },
    due: "2026-05-26",
  },
  {
    title: "DE-BY: Corpus Christi Thu 4 Jun 2026 → Fri 5 Jun",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-05-04T10:00:00Z", ...BERLIN },
    due: "2026-06-05",
  },
  {
    title: "FR: 4 Jun 2026 is a working day in France",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-05-04T10:00:00Z", ...PARIS },
    due: "2026-06-04",
  },
  {
    title: "DE-BY: Christmas Fri 25 Dec 2026 and Boxing Day Sat → Mon 28 Dec",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-11-25T10:00:00Z", ...BERLIN },
    due: "2026-12-28",
  },
  {
    title: "DE-BY: Epiphany Tue 6 Jan 2026 → Wed 7 Jan",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2025-12-06T10:00:00Z", ...BERLIN },
    due: "2026-01-07",
  },
  {
    title: "FR: 6 Jan 2026 is a working day in France",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2025-12-06T10:00:00Z", ...PARIS },
    due: "2026-01-06",
  },
  {
    title: "GB-ENG: Sun 3 May 2026, Early May bank holiday Mon 4 May → Tue 5 May",
    input: { jurisdiction: "UK_GDPR", receivedAt: "2026-04-03T10:00:00Z", ...LONDON },
    due: "2026-05-05",
  },
  {
    title: "GB-ENG: substitute bank holidays Mon 27 and Tue 28 Dec 2027 → Wed 29 Dec",
    input: { jurisdiction: "UK_GDPR", receivedAt: "2027-11-27T10:00:00Z", ...LONDON },
    due: "2027-12-29",
  },
  {
    title: "CA-QC: day periods do not move, even onto the Fête nationale (Wed 24 Jun 2026)",
    input: { jurisdiction: "CA_QC", receivedAt: "2026-05-26T15:00:00Z", timeZone: "America/Toronto", holidayRegion: "CA-QC" },
    due: "2026-06-24",
    noticeBy: null,
    max: null,
  },
];

const timeZones: Row[] = [
  {
    title: "Paris: 22:30 UTC on 31 Mar is 1 Apr (summer time) → Fri 1 May holiday → Mon 4 May",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-03-31T22:30:00Z", ...PARIS },
    due: "2026-05-04",
  },
  {
    title: "Paris: 21:30 UTC on 31 Mar is still 31 Mar → Thu 30 Apr",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-03-31T21:30:00Z", ...PARIS },
    due: "2026-04-30",
  },
  {
    title: "Los Angeles: 07:30 UTC on 1 Mar is still Sat 28 Feb → Mon 13 Apr",
    input: { jurisdiction: "US_CA", receivedAt: "2026-03-01T07:30:00Z", ...LA },
    due: "2026-04-13",
    ack: "2026-03-13",
  },
  {
    title: "Los Angeles: 08:30 UTC on 1 Mar is Sun 1 Mar → Tue 14 Apr",
    input: { jurisdiction: "US_CA", receivedAt: "2026-03-01T08:30:00Z", ...LA },
    due: "2026-04-14",
    ack: "2026-03-13",
  },
  {
    title: "Toronto: 04:59:59 UTC on 1 Jan is still 31 Dec → Thu 29 Jan",
    input: { jurisdiction: "CA_PIPEDA", receivedAt: "2026-01-01T04:59:59Z", timeZone: "America/Toronto", holidayRegion: "CA-ON" },
    due: "2026-01-29",
    max: "2026-02-28",
  },
  {
    title: "Toronto: 05:00 UTC on 1 Jan is 1 Jan → Fri 30 Jan",
    input: { jurisdiction: "CA_PIPEDA", receivedAt: "2026-01-01T05:00:00Z", timeZone: "America/Toronto", holidayRegion: "CA-ON" },
    due: "2026-01-30",
    max: "2026-03-01",
  },
  {
    title: "Tokyo: 15:30 UTC on 3 Apr is Sat 4 Apr; Golden Week 4-6 May → Thu 7 May",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-04-03T15:30:00Z", timeZone: "Asia/Tokyo", holidayRegion: "JP" },
    due: "2026-05-07",
  },
  {
    title: "Tokyo: 15:30 UTC on 29 Jun is 30 Jun → Thu 30 Jul",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-06-29T15:30:00Z", timeZone: "Asia/Tokyo", holidayRegion: "JP" },
    due: "2026-07-30",
  },
];

const dayPeriods: Row[] = [
  {
    title: "US_VA: 45 + 45 days",
    input: { jurisdiction: "US_VA", receivedAt: "2026-01-30T15:00:00Z", timeZone: "America/New_York", holidayRegion: "US-VA" },
    due: "2026-03-15",
    noticeBy: "2026-03-15",
    max: "2026-04-29",
    ack: null,
  },
  {
    title: "US_IA: 90 days, then 45 more",
    input: { jurisdiction: "US_IA", receivedAt: "2026-01-30T16:00:00Z", timeZone: "America/Chicago", holidayRegion: "US-IA" },
    due: "2026-04-29",
    max: "2026-06-13",
  },
  {
    title: "US_FL: 45 days, then only 15 more",
    input: { jurisdiction: "US_FL", receivedAt: "2026-01-30T15:00:00Z", timeZone: "America/New_York", holidayRegion: "US-FL" },
    due: "2026-03-15",
    max: "2026-03-30",
  },
  {
    title: "CA_QC: 30 days across 29 Feb 2028",
    input: { jurisdiction: "CA_QC", receivedAt: "2028-02-01T15:00:00Z", timeZone: "America/Toronto", holidayRegion: "CA-QC" },
    due: "2028-03-01",
  },
  {
    title: "BR_LGPD: 15 days across the new year",
    input: { jurisdiction: "BR_LGPD", receivedAt: "2026-12-24T13:00:00Z", timeZone: "America/Sao_Paulo", holidayRegion: "BR" },
    due: "2027-01-07",
    noticeBy: null,
    max: null,
  },
  {
    title: "CH_FADP: 30 days, extension capped at 30 more",
    input: { jurisdiction: "CH_FADP", receivedAt: "2026-07-15T08:00:00Z", timeZone: "Europe/Zurich", holidayRegion: "CH-ZH" },
    due: "2026-08-13",
    noticeBy: "2026-08-13",
    max: "2026-09-12",
  },
];

const acknowledgements: Row[] = [
  {
    title: "US_CA: Thanksgiving and the day after are skipped",
    input: { jurisdiction: "US_CA", receivedAt: "2026-11-20T18:00:00Z", ...LA },
    due: "2027-01-03",
    ack: "2026-12-07",
  },
  {
    title: "US_CA: received on a Saturday before Presidents' Day",
    input: { jurisdiction: "US_CA", receivedAt: "2026-02-14T18:00:00Z", ...LA },
    due: "2026-03-30",
    ack: "2026-03-02",
    max: "2026-05-14",
  },
  {
    title: "US_CA: received on César Chávez Day, a state holiday",
    input: { jurisdiction: "US_CA", receivedAt: "2026-03-31T18:00:00Z", ...LA },
    due: "2026-05-14",
    ack: "2026-04-14",
  },
];

describe.each([
  ["public holidays by region", holidays],
  ["time zones around midnight", timeZones],
  ["calendar-day periods", dayPeriods],
  ["CCPA acknowledgement in 10 business days", acknowledgements],
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
