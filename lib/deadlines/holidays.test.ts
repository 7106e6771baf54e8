import { describe, expect, it } from "vitest";
import { formatLocalDate, parseLocalDate } from "./calendar.ts";
import { DeadlineError } from "./errors.ts";
import { holidayCalendar, nthBusinessDay, rollForwardToWorkingDay } from "./holidays.ts";

const day = parseLocalDate;

describe("only public holidays of the controller's region count", () => {
  it.each([
    { region: "GB-ENG", date: "2024-12-25", holiday: "Christmas Day" },
    { region: "GB-ENG", date: "2026-12-28", holiday: "Boxing Day (substitute day)" },
    { region: "FR", date: "2026-05-14", holiday: "Ascension Day" },
    { region: "DE-BY", date: "2026-06-04", holiday: "Corpus Christi" },
    { region: "US-CA", date: "2026-11-27", holiday: "Day after Thanksgiving Day" },
    { region: "CA-QC", date: "2026-06-24", holiday: "National Holiday" },
  ])("$date is a public holiday in $region", ({ region, date, holiday }) => {
    expect(holidayCalendar(region).holidayOn(day(date))).toBe(holiday);
  });

  it.each([
    { region: "FR", date: "2026-06-04", why: "Corpus Christi is not a holiday in France" },
    { region: "CA-QC", date: "2026-04-06", why: "Easter Monday is optional in Quebec" },
    { region: "DE-BY", date: "2026-12-24", why: "Christmas Eve is a bank half-day" },
    { region: "DE-BY", date: "2026-08-15", why: "Assumption is only kept in Catholic communes of Bavaria" },
    { region: "US-CA", date: "2026-12-24", why: "Christmas Eve is optional" },
  ])("$date is a working day in $region ($why)", ({ region, date }) => {
    expect(holidayCalendar(region).holidayOn(day(date))).toBeUndefined();
  });

  it("keeps one calendar per region for the whole process", () => {
    expect(holidayCalendar("FR")).toBe(holidayCalendar("FR"));
  });

  it.each(["GB-XYZ", "ZZ", "DE-BY-XX", "FR-IDF-PARIS-1", ""])("refuses the unknown region %j", (region) => {
    expect(() => holidayCalendar(region)).toThrow(DeadlineError);
  });
});

describe("a deadline on a non-working day moves to the next working day", () => {
  it.each([
    { region: "GB-ENG", date: "2024-12-25", to: "2024-12-27", skipped: 2 },
    { region: "FR", date: "2026-05-01", to: "2026-05-04", skipped: 3 },
    { region: "CA-QC", date: "2026-06-24", to: "2026-06-25", skipped: 1 },
    { region: "DE-BY", date: "2026-12-25", to: "2026-12-28", skipped: 3 },
    { region: "FR", date: "2026-04-07", to: "2026-04-07", skipped: 0 },
  ])("$date in $region → $to", ({ region, date, to, skipped }) => {
    const roll = rollForwardToWorkingDay(holidayCalendar(region), day(date));
    expect(formatLocalDate(roll.date)).toBe(to);
    expect(roll.skipped).toHaveLength(skipped);
  });
});

describe("business days count the receipt day as day 1 when it is one", () => {
  it.each([
    { region: "US-CA", start: "2026-11-20", n: 10, end: "2026-12-07", note: "Thanksgiving and the day after skipped" },
    { region: "US-CA", start: "2026-02-14", n: 1, end: "2026-02-17", note: "Saturday, then Presidents' Day" },
    { region: "US-CA", start: "2026-02-14", n: 10, end: "2026-03-02", note: "ten business days from a Saturday" },
    { region: "US-CA", start: "2026-01-30", n: 1, end: "2026-01-30", note: "a Friday counts as day 1" },
  ])("$start + $n business days in $region → $end ($note)", ({ region, start, n, end }) => {
    expect(formatLocalDate(nthBusinessDay(holidayCalendar(region), day(start), n))).toBe(end);
  });
});
