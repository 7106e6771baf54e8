// Bridges stored requests and clock events to the pure deadline engine, and its result back
// to the columns stored for sorting and filtering.
import { computeDeadline, type DeadlineResult, type ClockEvent as EngineClockEvent } from "../deadlines/index.ts";
import type { ClockEventType, RequestType } from "../generated/prisma/enums.ts";

type RequestClockFields = {
  jurisdiction: string;
  type: RequestType;
  receivedAt: Date;
  timeZone: string;
  holidayRegion: string;
};

type StoredClockEvent = { type: ClockEventType; at: Date; reason: string | null; days: number | null; months: number | null };

export function toEngineEvents(events: StoredClockEvent[]): EngineClockEvent[] {
  return [...events]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((event): EngineClockEvent => {
      const at = event.at.toISOString();
      if (event.type !== "EXTEND") return { type: event.type.toLowerCase() as "pause" | "resume" | "restart", at };
      return {
        type: "extend",
        at,
        reason: event.reason ?? "",
        ...(event.days != null ? { days: event.days } : {}),
        ...(event.months != null ? { months: event.months } : {}),
      };
    });
}

/** `language`: the explanation's (the stored one is English; a French person reads it in French). */
export function computeRequestDeadline(
  request: RequestClockFields,
  events: StoredClockEvent[] = [],
  language: "en" | "fr" = "en",
): DeadlineResult {
  return computeDeadline({
    jurisdiction: request.jurisdiction as never,
    requestType: request.type.toLowerCase() as "access",
    receivedAt: request.receivedAt.toISOString(),
    timeZone: request.timeZone,
    holidayRegion: request.holidayRegion,
    events: toEngineEvents(events),
    ...(language === "en" ? {} : { language }),
  });
}

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00.000Z`) : null);

/** The request columns that store a deadline result. */
export function deadlineColumns(result: DeadlineResult) {
  return {
    dueDate: asDate(result.dueDate) as Date,
    acknowledgeBy: asDate(result.acknowledgeBy),
    extensionNoticeBy: asDate(result.extensionNoticeBy),
    maxExtendedDueDate: asDate(result.maxExtendedDueDate),
    extended: result.extended,
    clockPaused: result.paused,
    deadlineExplanation: result.explanation,
  };
}

/** A stored @db.Date back to YYYY-MM-DD. */
export function dayOf(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
