import { addDays, addMonths, formatLocalDate, type LocalDate } from "./calendar.ts";
import { type HolidayCalendar, nthBusinessDay, type RollForward, rollForwardToWorkingDay } from "./holidays.ts";
import type { JurisdictionRule } from "./types.ts";

/** An extension as the total extra time granted so far, on top of the first period. */
export type ExtensionAmount = { months: number; days: number };

export type PeriodEnd = {
  /** The last day of the period before any move to a working day. */
  date: LocalDate;
  clampedFrom: string | null;
};

/**
 * Day periods count the day of receipt as day 1 (LEGAL.md rule 3): 45 days from 30 Jan end on 15 Mar.
 * Business-day periods count the day of receipt as day 1 when it is a business day (rule 4).
 */
export function firstPeriodEnd(rule: JurisdictionRule, start: LocalDate, calendar: HolidayCalendar): PeriodEnd {
  if (rule.period.unit === "month") return addMonths(start, rule.period.length);
  if (rule.period.unit === "businessDay") return { date: nthBusinessDay(calendar, start, rule.period.length), clampedFrom: null };
  return { date: addDays(start, rule.period.length - 1), clampedFrom: null };
}

/**
 * Month extensions are counted from the original start (31 Jan + 3 months = 30 Apr, not 28 Feb + 2
 * months); extra days are then added to that end.
 */
export function extendedPeriodEnd(rule: JurisdictionRule, start: LocalDate, amount: ExtensionAmount, calendar: HolidayCalendar): PeriodEnd {
  if (rule.period.unit === "month") {
    const months = addMonths(start, rule.period.length + amount.months);
    return { date: addDays(months.date, amount.days), clampedFrom: amount.days === 0 ? months.clampedFrom : null };
  }
  // Day-based laws state their extension in days; input validation refuses months for them.
  return { date: addDays(firstPeriodEnd(rule, start, calendar).date, amount.days), clampedFrom: null };
}

export function maximumExtension(rule: JurisdictionRule): ExtensionAmount | null {
  if (!rule.extension) return null;
  return rule.extension.unit === "month" ? { months: rule.extension.length, days: 0 } : { months: 0, days: rule.extension.length };
}

/** Month periods move past weekends and public holidays; day periods in these laws never do. */
export function settle(rule: JurisdictionRule, calendar: HolidayCalendar, date: LocalDate): RollForward {
  if (!rule.rollForward) return { date, skipped: [] };
  return rollForwardToWorkingDay(calendar, date);
}

export function describeAmount(amount: ExtensionAmount): string {
  const parts: string[] = [];
  if (amount.months > 0) parts.push(plural(amount.months, "month"));
  if (amount.days > 0) parts.push(plural(amount.days, "day"));
  return parts.join(" and ") || "nothing";
}

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

export function isoDate(date: LocalDate): string {
  return formatLocalDate(date);
}
