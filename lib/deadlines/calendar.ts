import { DeadlineError } from "./errors.ts";

/**
 * A calendar date as a count of days since 1970-01-01. Whole numbers make "add N days" and "days
 * between" exact, with no time of day or daylight-saving shift to leak in.
 */
export type LocalDate = number;

const MS_PER_DAY = 86_400_000;
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export function dateFromParts(year: number, month: number, day: number): LocalDate {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseLocalDate(iso: string): LocalDate {
  return dateFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * Days since the epoch to year, month, day without a Date object (H. Hinnant's civil_from_days): dates
 * are formatted several times per computation and Date#toISOString dominated the profile.
 */
function civilFromDays(date: LocalDate): [year: number, month: number, day: number] {
  const z = date + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function formatLocalDate(date: LocalDate): string {
  const [year, month, day] = civilFromDays(date);
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

export function yearOf(date: LocalDate): number {
  return civilFromDays(date)[0];
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(date: LocalDate): number {
  return (((date + 4) % 7) + 7) % 7;
}

export function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)];
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** "2026-03-07 (Saturday)": the form every explanation line uses, so a reader can check the weekday. */
export function describeDate(date: LocalDate): string {
  return `${formatLocalDate(date)} (${weekdayName(date)})`;
}

export type MonthSum = {
  date: LocalDate;
  /** The same day-of-month did not exist, so the period ends on the month's last day. */
  clampedFrom: string | null;
};

/**
 * Same day-of-month N months later, or that month's last day when the day does not exist
 * (Reg. 1182/71 Art. 3(2)(c)). Always counted from the original start so 31 Jan + 3 months is 30 Apr.
 */
export function addMonths(start: LocalDate, months: number): MonthSum {
  const origin = new Date(start * MS_PER_DAY);
  const day = origin.getUTCDate();
  const monthIndex = origin.getUTCMonth() + months;
  const year = origin.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (day <= lastDay) return { date: dateFromParts(year, month + 1, day), clampedFrom: null };
  const missing = `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { date: dateFromParts(year, month + 1, lastDay), clampedFrom: missing };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat costs far more than using one, so each zone gets one, kept for the process. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      calendar: "gregory",
      numberingSystem: "latn",
    });
  } catch {
    throw new DeadlineError(
      "UNKNOWN_TIME_ZONE",
      `Unknown time zone "${timeZone}": use an IANA zone name such as "Europe/Paris" or "America/Los_Angeles".`,
    );
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/**
 * The calendar date of an instant on the controller's wall clock. format() is about twice as fast as
 * formatToParts(); the "M/D/YYYY" shape is pinned by the en-US locale, Gregorian calendar and Latin
 * digits, and formatToParts remains the fallback should an ICU update ever change it.
 */
export function localDateOf(instantMs: number, timeZone: string): LocalDate {
  const formatter = formatterFor(timeZone);
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(formatter.format(instantMs));
  if (match) return dateFromParts(Number(match[3]), Number(match[1]), Number(match[2]));
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatter.formatToParts(instantMs)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return dateFromParts(year, month, day);
}

/**
 * The day (YYYY-MM-DD) an instant falls on in `timeZone`: what a person there reads as its date. Never
 * `toISOString().slice(0, 10)`, which is the UTC day, one day off in the evening west of UTC.
 */
export function localDayOf(instant: Date, timeZone: string): string {
  return formatLocalDate(localDateOf(instant.getTime(), timeZone));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return date + days;
}
