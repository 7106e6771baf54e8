// deadline.json of an evidence bundle: the deadline engine run again from the request's stored
// inputs, once at receipt and once after each clock event, with its inputs, result and explanation;
// and whether the request was answered on time. Pure: the caller reads the rows.
import { formatLocalDate, localDateOf, parseLocalDate } from "../deadlines/calendar.ts";
import type { ClockEvent, DsarRequest } from "../generated/prisma/client.ts";
import { computeRequestDeadline, dayOf, toEngineEvents } from "../requests/request-deadline.ts";

type DeadlineRequest = Pick<
  DsarRequest,
  | "reference"
  | "jurisdiction"
  | "type"
  | "status"
  | "receivedAt"
  | "timeZone"
  | "holidayRegion"
  | "dueDate"
  | "acknowledgeBy"
  | "extensionNoticeBy"
  | "maxExtendedDueDate"
  | "extended"
  | "clockPaused"
  | "deadlineExplanation"
  | "closedAt"
>;

export type AnswerTiming =
  | { state: "answered"; closedOn: string; dueDate: string; onTime: boolean; days: number; text: string }
  | { state: "open"; asOf: string; dueDate: string; overdue: boolean; days: number; text: string }
  | { state: "no-answer-due"; status: string; text: string };

const plural = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** On time or late, and by how many calendar days, counted in the controller's time zone. */
export function answerTiming(request: DeadlineRequest, now: Date): AnswerTiming {
  const dueDate = dayOf(request.dueDate) as string;
  if (request.status === "WITHDRAWN" || request.status === "EXPIRED") {
    return { state: "no-answer-due", status: request.status, text: `Closed as ${request.status.toLowerCase()}: no answer was due.` };
  }
  const due = parseLocalDate(dueDate);
  if (request.closedAt) {
    const closed = localDateOf(request.closedAt.getTime(), request.timeZone);
    const days = Math.abs(closed - due);
    const onTime = closed <= due;
    const text = onTime
      ? days === 0
        ? `Answered on time, on the due date (${dueDate}).`
        : `Answered on time, ${plural(days)} before the due date (${dueDate}).`
      : `Answered late, ${plural(days)} after the due date (${dueDate}).`;
    return { state: "answered", closedOn: formatLocalDate(closed), dueDate, onTime, days, text };
  }
  const today = localDateOf(now.getTime(), request.timeZone);
  const days = Math.abs(today - due);
  const overdue = today > due;
  const text = overdue
    ? `Still open and overdue by ${plural(days)} (due ${dueDate}).`
    : `Still open; ${plural(days)} left until the due date (${dueDate}).`;
  return { state: "open", asOf: formatLocalDate(today), dueDate, overdue, days, text };
}

type StoredClockEvent = Pick<ClockEvent, "id" | "type" | "at" | "reason" | "days" | "months" | "actorType" | "actorId" | "createdAt">;

export function deadlineEvidence(request: DeadlineRequest, clockEvents: StoredClockEvent[], now: Date) {
  const ordered = [...clockEvents].sort((a, b) => a.at.getTime() - b.at.getTime());
  const base = {
    jurisdiction: request.jurisdiction,
    requestType: request.type.toLowerCase(),
    receivedAt: request.receivedAt.toISOString(),
    timeZone: request.timeZone,
    holidayRegion: request.holidayRegion,
  };
  const steps = Array.from({ length: ordered.length + 1 }, (_, step) => {
    const events = ordered.slice(0, step);
    const trigger = step === 0 ? { kind: "receipt", at: base.receivedAt } : clockEventTrigger(ordered[step - 1]);
    const input = { ...base, events: toEngineEvents(events) };
    try {
      return { step, after: trigger, input, result: computeRequestDeadline(request, events) };
    } catch (error) {
      // Recorded rather than thrown: the bundle must still be produced if today's rules refuse an old input.
      return { step, after: trigger, input, error: (error as Error).message };
    }
  });
  const stored = {
    dueDate: dayOf(request.dueDate),
    acknowledgeBy: dayOf(request.acknowledgeBy),
    extensionNoticeBy: dayOf(request.extensionNoticeBy),
    maxExtendedDueDate: dayOf(request.maxExtendedDueDate),
    extended: request.extended,
    paused: request.clockPaused,
    explanation: request.deadlineExplanation,
  };
  const last = steps.at(-1);
  const final = last?.result ?? null;
  return {
    reference: request.reference,
    engine: "lib/deadlines (computeDeadline), replayed when this bundle was generated",
    steps,
    stored,
    storedMatchesRecomputed:
      final !== null &&
      final.dueDate === stored.dueDate &&
      final.acknowledgeBy === stored.acknowledgeBy &&
      final.extensionNoticeBy === stored.extensionNoticeBy &&
      final.maxExtendedDueDate === stored.maxExtendedDueDate &&
      final.extended === stored.extended &&
      final.paused === stored.paused,
    timing: answerTiming(request, now),
  };
}

function clockEventTrigger(event: StoredClockEvent) {
  return {
    kind: "clock-event",
    clockEventId: event.id,
    type: event.type.toLowerCase(),
    at: event.at.toISOString(),
    recordedAt: event.createdAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    ...(event.reason != null ? { reason: event.reason } : {}),
    ...(event.days != null ? { days: event.days } : {}),
    ...(event.months != null ? { months: event.months } : {}),
  };
}
