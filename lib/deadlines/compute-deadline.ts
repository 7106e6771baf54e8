import { assertTimeZone, describeDate, formatLocalDate, type LocalDate, localDateOf } from "./calendar.ts";
import { type ClockState, type ReplayContext, replayEvents } from "./clock.ts";
import { type HolidayCalendar, holidayCalendar, nthBusinessDay } from "./holidays.ts";
import { type DeadlineInput, parseDeadlineInput } from "./input.ts";
import {
  describeAmount,
  describeExtendedPeriod,
  describePeriod,
  describeRoll,
  extendedPeriodEnd,
  firstPeriodEnd,
  isoDate,
  maximumExtension,
  plural,
  settle,
} from "./periods.ts";
import { ruleForRight } from "./rules.ts";
import type { DeadlineResult, JurisdictionRule } from "./types.ts";

/**
 * The legal deadline for one request, with every step explained. Pure and synchronous: the same input
 * always gives the same answer, so the stored due date can be recomputed whenever an event is added.
 * Where the law can be read two ways the earlier date wins and the explanation says so (LEGAL.md).
 */
export function computeDeadline(raw: DeadlineInput): DeadlineResult {
  const input = parseDeadlineInput(raw);
  const rule = ruleForRight(input.jurisdiction, input.requestType);
  assertTimeZone(input.timeZone);
  const calendar = holidayCalendar(input.holidayRegion);
  const received = localDateOf(Date.parse(input.receivedAt), input.timeZone);
  const explanation: string[] = [describeReceipt(input, received)];
  if (rule.rightCitation) {
    explanation.push(`${input.requestType} requests have their own rule under ${input.jurisdiction} (${rule.rightCitation}).`);
  }
  if (!(rule.rights as readonly string[]).includes(input.requestType)) {
    explanation.push(
      `${input.jurisdiction} sets its period for ${rule.rights.join(" and ")} requests; the same period is applied to this ${input.requestType} request, the earliest defensible reading.`,
    );
  }

  const context: ReplayContext = { code: input.jurisdiction, rule, calendar, timeZone: input.timeZone, explanation };
  const state = replayEvents(context, received, input.events ?? []);

  const firstDue = explainFirstPeriod(context, state);
  const dueDate = state.extension ? explainExtendedPeriod(context, state) : firstDue;
  const limits = explainExtensionLimits(context, state, firstDue);
  const acknowledgeBy = explainAcknowledgement(rule, calendar, received, explanation);

  const paused = rule.pauseMovesClock && state.openPauseSince !== null;
  if (paused && state.openPauseSince !== null) {
    explanation.push(
      `The clock has been stopped since ${isoDate(state.openPauseSince)} waiting for an answer; ${isoDate(dueDate)} assumes none of those days count yet and will move later by the days until the answer arrives.`,
    );
  }
  if (rule.deemedRefusalOnSilence) {
    explanation.push(`Silence at the end of ${isoDate(dueDate)} counts as a refusal the person can complain about (${rule.citation}).`);
  }
  explanation.push(`Due by the end of ${describeDate(dueDate)} in ${input.timeZone}.`);

  return {
    dueDate: formatLocalDate(dueDate),
    acknowledgeBy: acknowledgeBy === null ? null : formatLocalDate(acknowledgeBy),
    extensionNoticeBy: limits ? formatLocalDate(limits.noticeBy) : null,
    maxExtendedDueDate: limits ? formatLocalDate(limits.maximum) : null,
    extended: state.extension !== null,
    paused,
    explanation,
  };
}

function describeReceipt(input: DeadlineInput, received: LocalDate): string {
  const sameDay = input.receivedAt.slice(0, 10) === formatLocalDate(received);
  const instant = sameDay ? "" : ` (the instant ${input.receivedAt} falls on that date there)`;
  return `Received ${describeDate(received)} in ${input.timeZone}${instant}.`;
}

/** The first period's due date, after pauses and any move to a working day. */
function explainFirstPeriod(context: ReplayContext, state: ClockState): LocalDate {
  const { rule, code, explanation } = context;
  const end = firstPeriodEnd(rule, state.start, context.calendar);
  const from = state.restartedOn === null ? "receipt" : `the restart on ${isoDate(state.restartedOn)}`;
  const counting =
    rule.period.unit === "day"
      ? `, counting ${isoDate(state.start)} as day 1`
      : rule.period.unit === "businessDay"
        ? `, Monday to Friday except public holidays in ${context.calendar.region}, counting ${isoDate(state.start)} as day 1 when it is a business day`
        : "";
  explanation.push(`${code}: ${describePeriod(rule)} from ${from}${counting} (${rule.citation}) → ${describeDate(end.date)}.`);
  if (end.clampedFrom) {
    explanation.push(`${end.clampedFrom} does not exist, so the period ends on the last day of that month, ${isoDate(end.date)}.`);
  }
  if (rule.period.unit === "day") {
    explanation.push("Calendar days: a weekend or holiday at the end does not move the date.");
  }
  return applyPausesAndRoll(context, state, end.date);
}

function applyPausesAndRoll(context: ReplayContext, state: ClockState, end: LocalDate): LocalDate {
  const { rule, calendar, explanation } = context;
  const moved = end + state.pauseDays;
  if (state.pauseDays > 0) {
    explanation.push(`Plus ${plural(state.pauseDays, "paused day")} → ${describeDate(moved)}.`);
  }
  const roll = settle(rule, calendar, moved);
  const sentence = describeRoll(rule, calendar, roll);
  if (sentence) explanation.push(sentence);
  if (state.pauseDays > 0 && rule.rollForward) {
    // Adding the paused days after the working-day move can only land later, never earlier.
    const other = settle(rule, calendar, settle(rule, calendar, end).date + state.pauseDays).date;
    if (other !== roll.date) {
      explanation.push(
        `Reading used: paused days are added to the period's end before moving to a working day; adding them to ${isoDate(settle(rule, calendar, end).date)} instead would give ${isoDate(other)}. The earlier, defensible date is kept.`,
      );
    }
  }
  return roll.date;
}

function explainExtendedPeriod(context: ReplayContext, state: ClockState): LocalDate {
  const { rule, explanation } = context;
  const extension = state.extension;
  if (!extension) throw new Error("explainExtendedPeriod needs an extension");
  const end = extendedPeriodEnd(rule, state.start, extension, context.calendar);
  const from = state.restartedOn === null ? "receipt" : `the restart on ${isoDate(state.restartedOn)}`;
  explanation.push(
    `Extended: ${describeExtendedPeriod(rule, extension)} from ${from}${rule.period.unit === "day" ? `, counting ${isoDate(state.start)} as day 1` : ""} → ${describeDate(end.date)}.`,
  );
  if (end.clampedFrom) {
    explanation.push(`${end.clampedFrom} does not exist, so the extended period ends on ${isoDate(end.date)}.`);
  }
  return applyPausesAndRoll(context, state, end.date);
}

function explainExtensionLimits(
  context: ReplayContext,
  state: ClockState,
  firstDue: LocalDate,
): { noticeBy: LocalDate; maximum: LocalDate } | null {
  const { rule, calendar, code, explanation } = context;
  const most = maximumExtension(rule);
  if (!rule.extension || !most) {
    explanation.push(`${code} allows no extension.`);
    return null;
  }
  const maximum = settle(rule, calendar, extendedPeriodEnd(rule, state.start, most, calendar).date + state.pauseDays).date;
  const note = rule.extension.note && !state.extension ? ` ${rule.extension.note}.` : "";
  explanation.push(
    `Extension: up to ${describeAmount(most)} more, notified with reasons by ${isoDate(firstDue)} (within the first period); the latest date it can reach is ${isoDate(maximum)} (${rule.extension.citation}).${note}`,
  );
  return { noticeBy: firstDue, maximum };
}

function explainAcknowledgement(
  rule: JurisdictionRule,
  calendar: HolidayCalendar,
  received: LocalDate,
  explanation: string[],
): LocalDate | null {
  if (!rule.acknowledgement) return null;
  const { length, citation } = rule.acknowledgement;
  const date = nthBusinessDay(calendar, received, length);
  explanation.push(
    `Acknowledge by ${describeDate(date)}: ${plural(length, "business day")} (Monday to Friday, not public holidays in ${calendar.region}), counting the day of receipt as day 1 when it is a business day, the earlier reading (${citation}).`,
  );
  return date;
}
