import { type LocalDate, localDateOf } from "./calendar.ts";
import { DeadlineError } from "./errors.ts";
import type { ExplanationPhrases } from "./explanation-phrases.ts";
import type { HolidayCalendar } from "./holidays.ts";
import type { ClockEvent } from "./input.ts";
import { describeAmount, type ExtensionAmount, extendedPeriodEnd, firstPeriodEnd, isoDate, maximumExtension, settle } from "./periods.ts";
import type { JurisdictionRule } from "./types.ts";

/** Where the clock stands after replaying the events in order. */
export type ClockState = {
  start: LocalDate;
  restartedOn: LocalDate | null;
  /** Calendar days the clock stood still, counted only where the law stops it. */
  pauseDays: number;
  openPauseSince: LocalDate | null;
  extension: (ExtensionAmount & { noticeOn: LocalDate }) | null;
};

export type ReplayContext = {
  code: string;
  rule: JurisdictionRule;
  calendar: HolidayCalendar;
  timeZone: string;
  explanation: string[];
  say: ExplanationPhrases;
};

export function replayEvents(context: ReplayContext, received: LocalDate, events: readonly ClockEvent[]): ClockState {
  const state: ClockState = { start: received, restartedOn: null, pauseDays: 0, openPauseSince: null, extension: null };
  events.forEach((event, index) => {
    const on = localDateOf(Date.parse(event.at), context.timeZone);
    if (event.type === "pause") pause(context, state, on, index);
    else if (event.type === "resume") resume(context, state, on, index);
    else if (event.type === "restart") restart(context, state, on);
    else extend(context, state, on, event);
  });
  return state;
}

function pause(context: ReplayContext, state: ClockState, on: LocalDate, index: number): void {
  if (state.openPauseSince !== null) {
    throw new DeadlineError(
      "PAUSE_ALREADY_OPEN",
      `events.${index} pauses the clock on ${isoDate(on)}, but it has been paused since ${isoDate(state.openPauseSince)} with no resume: record the answer (resume) first.`,
    );
  }
  state.openPauseSince = on;
  context.explanation.push(context.say.pause(on, context.code, context.rule));
}

function resume(context: ReplayContext, state: ClockState, on: LocalDate, index: number): void {
  if (state.openPauseSince === null) {
    throw new DeadlineError(
      "RESUME_WITHOUT_PAUSE",
      `events.${index} resumes the clock on ${isoDate(on)}, but no pause is open: record when the information was asked for (pause) before the answer.`,
    );
  }
  const days = on - state.openPauseSince;
  if (context.rule.pauseMovesClock) state.pauseDays += days;
  context.explanation.push(context.say.resume(on, context.rule, days, state.openPauseSince));
  state.openPauseSince = null;
}

function restart(context: ReplayContext, state: ClockState, on: LocalDate): void {
  if (!context.rule.restartAllowed) {
    context.explanation.push(context.say.restartRefused(on, context.rule));
    return;
  }
  context.explanation.push(context.say.restart(on, context.rule, state.extension !== null, state.openPauseSince));
  state.start = on;
  state.restartedOn = on;
  state.pauseDays = 0;
  state.openPauseSince = null;
  state.extension = null;
}

function extend(context: ReplayContext, state: ClockState, on: LocalDate, event: Extract<ClockEvent, { type: "extend" }>): void {
  const { rule, calendar } = context;
  // Days already spent waiting for an answer certainly do not count, even before the answer arrives.
  const pausedSoFar = state.pauseDays + (state.openPauseSince !== null && rule.pauseMovesClock ? on - state.openPauseSince : 0);
  const noticeBy = settle(rule, calendar, firstPeriodEnd(rule, state.start, calendar).date + pausedSoFar).date;
  const extension = assertExtensionAllowed(context, state, on, noticeBy, event);
  const total = assertWithinMaximum(context, state, pausedSoFar, requestedTotal(state, event, extension.maximum), extension);
  state.extension = { ...total, noticeOn: on };
  context.explanation.push(context.say.extensionNotified(on, event.reason.trim(), noticeBy, total, extension.citation, extension.note));
}

type ExtendEvent = Extract<ClockEvent, { type: "extend" }>;

function assertExtensionAllowed(context: ReplayContext, state: ClockState, on: LocalDate, noticeBy: LocalDate, event: ExtendEvent) {
  const { rule, code } = context;
  const maximum = maximumExtension(rule);
  if (!rule.extension || !maximum) {
    throw new DeadlineError(
      "EXTENSION_NOT_ALLOWED",
      `${code} allows no extension (${rule.citation}): the response is due by ${isoDate(noticeBy)}.`,
    );
  }
  if (on > noticeBy) {
    throw new DeadlineError(
      "EXTENSION_TOO_LATE",
      `The extension notice of ${isoDate(on)} is too late: under ${code} it had to be sent by ${isoDate(noticeBy)}, within the first period (${rule.extension.citation}). The response is due by ${isoDate(noticeBy)}.`,
    );
  }
  if (rule.extension.once && state.extension) {
    throw new DeadlineError(
      "EXTENSION_NOT_ALLOWED",
      `${code} allows one extension only and it was notified on ${isoDate(state.extension.noticeOn)} (${rule.extension.citation}).`,
    );
  }
  if (event.months !== undefined && rule.extension.unit === "day") {
    throw new DeadlineError(
      "INVALID_INPUT",
      `${code} extensions are counted in days (${rule.extension.citation}): give days instead of months.`,
    );
  }
  return { ...rule.extension, maximum };
}

/** No amount means the most the law allows; an amount adds to any earlier extension. */
function requestedTotal(state: ClockState, event: ExtendEvent, maximum: ExtensionAmount): ExtensionAmount & { asked: boolean } {
  if (event.months === undefined && event.days === undefined) return { ...maximum, asked: false };
  return {
    months: (state.extension?.months ?? 0) + (event.months ?? 0),
    days: (state.extension?.days ?? 0) + (event.days ?? 0),
    asked: true,
  };
}

function assertWithinMaximum(
  context: ReplayContext,
  state: ClockState,
  pausedSoFar: number,
  total: ExtensionAmount & { asked: boolean },
  extension: { maximum: ExtensionAmount; citation: string },
): ExtensionAmount {
  const { rule, code, calendar } = context;
  const { maximum, citation } = extension;
  const limit = extendedPeriodEnd(rule, state.start, maximum, calendar).date;
  const latest = isoDate(settle(rule, calendar, limit + pausedSoFar).date);
  const previous = state.extension;
  if (previous && !total.asked && extendedPeriodEnd(rule, state.start, previous, calendar).date >= limit) {
    throw new DeadlineError(
      "EXTENSION_BEYOND_MAXIMUM",
      `The extension notified on ${isoDate(previous.noticeOn)} already reaches ${latest}, the latest date ${code} allows (${citation}); no further extension is possible.`,
    );
  }
  const reach = extendedPeriodEnd(rule, state.start, total, calendar).date;
  if (reach > limit) {
    throw new DeadlineError(
      "EXTENSION_BEYOND_MAXIMUM",
      `Extending by ${describeAmount(total)} in all would reach ${isoDate(settle(rule, calendar, reach + pausedSoFar).date)}, beyond ${latest}, the latest date ${code} allows (at most ${describeAmount(maximum)} more, ${citation}).`,
    );
  }
  return { months: total.months, days: total.days };
}
