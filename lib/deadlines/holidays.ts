import Holidays from "date-holidays";
import { addDays, dateFromParts, formatLocalDate, isWeekend, type LocalDate, weekdayName, yearOf } from "./calendar.ts";
import { DeadlineError } from "./errors.ts";

/**
 * Public holidays of one date-holidays region ("GB-ENG", "FR", "DE-BY"). Only type "public" counts as a
 * non-working day: bank, optional, school and observance days are not days off for everyone.
 */
export type HolidayCalendar = {
  region: string;
  /** The holiday's English name if `date` is a public holiday, else undefined. */
  holidayOn(date: LocalDate): string | undefined;
};

const catalogue = new Holidays();
const calendars = new Map<string, HolidayCalendar>();

/**
 * Constructing a Holidays instance and expanding a year's rules take milliseconds, against microseconds
 * for the rest of a computation, so both are done once per region and per year for the whole process.
 */
export function holidayCalendar(region: string): HolidayCalendar {
  const key = region.trim().toUpperCase();
  const cached = calendars.get(key);
  if (cached) return cached;
  const calendar = createCalendar(key);
  calendars.set(key, calendar);
  return calendar;
}

function createCalendar(region: string): HolidayCalendar {
  const [country, state, subRegion, ...rest] = region.split("-");
  assertKnownRegion(region, country, state, subRegion, rest.length);
  const source = new Holidays({ country, state, region: subRegion }, { languages: ["en"] });
  const years = new Map<number, Map<LocalDate, string>>();

  function publicHolidaysIn(year: number): Map<LocalDate, string> {
    let days = years.get(year);
    if (days) return days;
    days = new Map();
    for (const holiday of source.getHolidays(year)) {
      if (holiday.type !== "public") continue;
      const first = dateFromParts(Number(holiday.date.slice(0, 4)), Number(holiday.date.slice(5, 7)), Number(holiday.date.slice(8, 10)));
      // A few public holidays last several days; each of those days is a day off.
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let offset = 0; offset < length; offset += 1) {
        const day = addDays(first, offset);
        if (!days.has(day)) days.set(day, holiday.name);
      }
    }
    years.set(year, days);
    return days;
  }

  return {
    region,
    holidayOn(date) {
      const year = yearOf(date);
      // A multi-day holiday starting on 31 December is listed under the year it starts in.
      return publicHolidaysIn(year).get(date) ?? publicHolidaysIn(year - 1).get(date);
    },
  };
}

function assertKnownRegion(
  region: string,
  country: string | undefined,
  state: string | undefined,
  subRegion: string | undefined,
  extraParts: number,
): void {
  const known =
    !!country &&
    extraParts === 0 &&
    Object.hasOwn(catalogue.getCountries(), country) &&
    (!state || Object.hasOwn(catalogue.getStates(country) ?? {}, state)) &&
    (!subRegion || (!!state && Object.hasOwn(catalogue.getRegions(country, state) ?? {}, subRegion)));
  if (!known) {
    throw new DeadlineError(
      "UNKNOWN_HOLIDAY_REGION",
      `Unknown holiday region "${region}": use a date-holidays code such as "FR", "GB-ENG", "DE-BY", "US-CA" or "CA-QC".`,
    );
  }
}

export function assertHolidayRegion(region: string): void {
  holidayCalendar(region);
}

/** Why a day is not a working day, or null when it is one. */
export function nonWorkingReason(calendar: HolidayCalendar, date: LocalDate): string | null {
  const holiday = calendar.holidayOn(date);
  if (holiday) return `a public holiday in ${calendar.region} (${holiday})`;
  if (isWeekend(date)) return `a ${weekdayName(date)}`;
  return null;
}

export type RollForward = {
  date: LocalDate;
  /** Each day skipped, with why, so the explanation can list them. */
  skipped: { date: string; reason: string; holiday?: string }[];
};

export function rollForwardToWorkingDay(calendar: HolidayCalendar, date: LocalDate): RollForward {
  const skipped: RollForward["skipped"] = [];
  let current = date;
  for (let reason = nonWorkingReason(calendar, current); reason; reason = nonWorkingReason(calendar, current)) {
    const holiday = calendar.holidayOn(current);
    skipped.push({ date: formatLocalDate(current), reason, ...(holiday ? { holiday } : {}) });
    current = addDays(current, 1);
  }
  return { date: current, skipped };
}

/** The Nth business day, counting `start` as business day 1 when it is one (LEGAL.md rule 4). */
export function nthBusinessDay(calendar: HolidayCalendar, start: LocalDate, n: number): LocalDate {
  let current = start;
  let counted = 0;
  for (;;) {
    if (nonWorkingReason(calendar, current) === null) {
      counted += 1;
      if (counted === n) return current;
    }
    current = addDays(current, 1);
  }
}
