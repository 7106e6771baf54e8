import { describe, expect, it } from "vitest";
import { addMonths, formatLocalDate, localDateOf, localDayOf, parseLocalDate, weekdayName } from "./calendar.ts";

// Every expected value below was worked out by hand on a printed calendar, not by running the code.

describe("month periods end on the same day-of-month, counted from the original start", () => {
  it.each([
    { start: "2026-01-31", months: 3, end: "2026-04-30", note: "31 Jan + 3 months = 30 Apr (LEGAL.md), not 28 Feb + 2" },
    { start: "2026-08-31", months: 1, end: "2026-09-30", note: "31 Aug + 1 month = 30 Sep (LEGAL.md)" },
    { start: "2026-01-31", months: 1, end: "2026-02-28", note: "no 31 Feb in a common year" },
    { start: "2028-01-31", months: 1, end: "2028-02-29", note: "leap year keeps 29 Feb" },
    { start: "2028-02-29", months: 12, end: "2029-02-28", note: "29 Feb to a common year" },
    { start: "2024-02-29", months: 48, end: "2028-02-29", note: "29 Feb to the next-but-three leap year" },
    { start: "2026-11-30", months: 3, end: "2027-02-28", note: "across a year end, clamped" },
    { start: "2026-12-31", months: 1, end: "2027-01-31", note: "December to January" },
    { start: "2026-03-31", months: 1, end: "2026-04-30", note: "31 Mar to a 30-day month" },
    { start: "2026-03-15", months: 1, end: "2026-04-15", note: "mid-month" },
  ])("$start + $months → $end ($note)", ({ start, months, end }) => {
    expect(formatLocalDate(addMonths(parseLocalDate(start), months).date)).toBe(end);
  });

  it("says when the day did not exist", () => {
    expect(addMonths(parseLocalDate("2026-08-31"), 1).clampedFrom).toBe("2026-09-31");
    expect(addMonths(parseLocalDate("2026-08-15"), 1).clampedFrom).toBeNull();
  });
});

describe("the receipt date is the controller's local date", () => {
  it.each([
    { instant: "2026-01-31T23:30:00Z", zone: "Europe/Paris", date: "2026-02-01", note: "LEGAL.md: already 1 Feb in Paris" },
    { instant: "2026-01-31T23:30:00Z", zone: "UTC", date: "2026-01-31", note: "same instant in UTC" },
    { instant: "2026-03-31T21:59:59Z", zone: "Europe/Paris", date: "2026-03-31", note: "summer time, one second before midnight" },
    { instant: "2026-03-31T22:00:00Z", zone: "Europe/Paris", date: "2026-04-01", note: "summer time midnight is 22:00 UTC" },
    { instant: "2026-03-01T07:59:59Z", zone: "America/Los_Angeles", date: "2026-02-28", note: "PST is UTC-8" },
    { instant: "2026-03-01T08:00:00Z", zone: "America/Los_Angeles", date: "2026-03-01", note: "PST midnight" },
    { instant: "2026-11-01T06:59:59Z", zone: "America/Los_Angeles", date: "2026-10-31", note: "PDT until 1 Nov" },
    { instant: "2026-11-01T07:00:00Z", zone: "America/Los_Angeles", date: "2026-11-01", note: "PDT midnight" },
    { instant: "2026-01-01T04:59:59Z", zone: "America/Toronto", date: "2025-12-31", note: "EST is UTC-5" },
    { instant: "2026-01-01T05:00:00Z", zone: "America/Toronto", date: "2026-01-01", note: "new year in Toronto" },
    { instant: "2026-06-29T14:59:59Z", zone: "Asia/Tokyo", date: "2026-06-29", note: "JST is UTC+9" },
    { instant: "2026-06-29T15:00:00Z", zone: "Asia/Tokyo", date: "2026-06-30", note: "Tokyo midnight" },
    { instant: "2026-01-31T18:15:00Z", zone: "Asia/Kathmandu", date: "2026-02-01", note: "a UTC+05:45 zone" },
  ])("$instant in $zone is $date ($note)", ({ instant, zone, date }) => {
    expect(formatLocalDate(localDateOf(Date.parse(instant), zone))).toBe(date);
  });
});

describe("dates print and parse without drift", () => {
  it.each(["1970-01-01", "2000-02-29", "2024-12-25", "2100-03-01", "2399-12-31"])("%s", (iso) => {
    expect(formatLocalDate(parseLocalDate(iso))).toBe(iso);
  });

  it.each([
    { date: "2026-01-30", weekday: "Friday" },
    { date: "2024-11-25", weekday: "Monday" },
    { date: "2026-03-15", weekday: "Sunday" },
    { date: "2028-02-29", weekday: "Tuesday" },
  ])("$date is a $weekday", ({ date, weekday }) => {
    expect(weekdayName(parseLocalDate(date))).toBe(weekday);
  });
});

describe("localDayOf: the day a person reads, on the controller's calendar", () => {
  it("23:30 in Los Angeles is still that day there, though UTC is already on the next", () => {
    const instant = new Date("2026-05-21T06:30:00Z"); // 23:30 PDT on 20 May
    expect(localDayOf(instant, "America/Los_Angeles")).toBe("2026-05-20");
    expect(localDayOf(instant, "UTC")).toBe("2026-05-21");
    // 00:30 in Paris on 1 February is 23:30 UTC on 31 January.
    expect(localDayOf(new Date("2026-01-31T23:30:00Z"), "Europe/Paris")).toBe("2026-02-01");
  });
});
