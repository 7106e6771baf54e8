import { assertTimeZone, formatLocalDate, type LocalDate, localDateOf } from "./calendar.ts";
import { type ClockState, type ReplayContext, replayEvents } from "./clock.ts";
import { explanationPhrases } from "./explanation-phrases.ts";
import { holidayCalendar, nthBusinessDay } from "./holidays.ts";
import { type DeadlineInput, parseDeadlineInput } from "./input.ts";
import { extendedPeriodEnd, firstPeriodEnd, maximumExtension, settle } from "./periods.ts";
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
  const say = explanationPhrases(input.language ?? "en", calendar.region);
  const sameDay = input.receivedAt.slice(0, 10) === formatLocalDate(received);
  const explanation: string[] = [say.receipt(received, input.timeZone, sameDay ? null : input.receivedAt)];
  if (rule.rightCitation) explanation.push(say.ownRightRule(input.requestType, input.jurisdiction, rule.rightCitation));
  if (!(rule.rights as readonly string[]).includes(input.requestType)) {
    explanation.push(say.otherRight(input.jurisdiction, rule.rights, input.requestType));
  }

  const context: ReplayContext = { code: input.jurisdiction, rule, calendar, timeZone: input.timeZone, explanation, say };
  const state = replayEvents(context, received, input.events ?? []);

  const firstDue = explainFirstPeriod(context, state);
  const dueDate = state.extension ? explainExtendedPeriod(context, state) : firstDue;
  const limits = explainExtensionLimits(context, state, firstDue);
  const acknowledgeBy = explainAcknowledgement(context, received);

  const paused = rule.pauseMovesClock && state.openPauseSince !== null;
  if (paused && state.openPauseSince !== null) {
    explanation.push(say.pausedNow(state.openPauseSince, dueDate));
  }
  if (rule.deemedRefusalOnSilence) explanation.push(say.deemedRefusal(dueDate, rule.citation));
  explanation.push(say.dueBy(dueDate, input.timeZone));

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

/** The first period's due date, after pauses and any move to a working day. */
function explainFirstPeriod(context: ReplayContext, state: ClockState): LocalDate {
  const { rule, code, explanation, say } = context;
  const end = firstPeriodEnd(rule, state.start, context.calendar);
  explanation.push(say.firstPeriod(code, rule, periodStart(rule, state), end.date));
  if (end.clampedFrom) explanation.push(say.clamped(end.clampedFrom, end.date));
  if (rule.period.unit === "day") explanation.push(say.calendarDays);
  if (rule.period.unit === "businessDay") explanation.push(say.businessDays(state.start));
  return applyPausesAndRoll(context, state, end.date);
}

function applyPausesAndRoll(context: ReplayContext, state: ClockState, end: LocalDate): LocalDate {
  const { rule, calendar, explanation, say } = context;
  const moved = end + state.pauseDays;
  if (state.pauseDays > 0) explanation.push(say.plusPaused(state.pauseDays, moved));
  const roll = settle(rule, calendar, moved);
  if (rule.rollForward) {
    explanation.push(
      roll.skipped.length === 0 ? say.stands(roll.date, calendar.region) : say.moved(roll.skipped, roll.date, rule.rollForward.citation),
    );
  }
  if (state.pauseDays > 0 && rule.rollForward) {
    // Adding the paused days after the working-day move can only land later, never earlier.
    const other = settle(rule, calendar, settle(rule, calendar, end).date + state.pauseDays).date;
    if (other !== roll.date) {
      explanation.push(say.readingUsed(settle(rule, calendar, end).date, other));
    }
  }
  return roll.date;
}

function explainExtendedPeriod(context: ReplayContext, state: ClockState): LocalDate {
  const { rule, explanation, say } = context;
  const extension = state.extension;
  if (!extension) throw new Error("explainExtendedPeriod needs an extension");
  const end = extendedPeriodEnd(rule, state.start, extension, context.calendar);
  explanation.push(say.extended(rule, extension, periodStart(rule, state), end.date));
  if (end.clampedFrom) explanation.push(say.clampedExtended(end.clampedFrom, end.date));
  return applyPausesAndRoll(context, state, end.date);
}

function explainExtensionLimits(
  context: ReplayContext,
  state: ClockState,
  firstDue: LocalDate,
): { noticeBy: LocalDate; maximum: LocalDate } | null {
  const { rule, calendar, code, explanation, say } = context;
  const most = maximumExtension(rule);
  if (!rule.extension || !most) {
    explanation.push(say.noExtension(code));
    return null;
  }
  const maximum = settle(rule, calendar, extendedPeriodEnd(rule, state.start, most, calendar).date + state.pauseDays).date;
  explanation.push(say.extensionLimits(most, firstDue, maximum, rule, !state.extension));
  return { noticeBy: firstDue, maximum };
}

/** Where the period runs from, and for day periods the day counted as day 1 (business days say it their own way). */
function periodStart(rule: JurisdictionRule, state: ClockState) {
  return { restartedOn: state.restartedOn, countedFrom: rule.period.unit === "day" ? state.start : null };
}

function explainAcknowledgement(context: ReplayContext, received: LocalDate): LocalDate | null {
  const { rule, calendar, explanation, say } = context;
  if (!rule.acknowledgement) return null;
  const date = nthBusinessDay(calendar, received, rule.acknowledgement.length);
  explanation.push(say.acknowledge(date, rule, calendar.region));
  return date;
}
