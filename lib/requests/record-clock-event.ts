// Adds one clock event to a request inside the caller's transaction: the deadline engine replays
// every event with the new one first (so a refused extension changes nothing), then the event
// row, the recomputed deadline columns and the audit event are written together.

import { sha256Hex } from "../crypto.ts";
import type { Tx } from "../db.ts";
import { DeadlineError } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import type { ClockEventType, DsarRequest } from "../generated/prisma/client.ts";
import { computeRequestDeadline, dayOf, deadlineColumns } from "./request-deadline.ts";

export type NewClockEvent = { type: ClockEventType; at: Date; reason?: string; days?: number; months?: number };

export async function recordClockEvent(tx: Tx, request: DsarRequest, event: NewClockEvent, actor: Actor) {
  const existing = await tx.clockEvent.findMany({ where: { requestId: request.id }, orderBy: { at: "asc" } });
  const last = existing.at(-1);
  if (last && last.at > event.at) {
    throw new AppError(
      "INVALID_STATE",
      `A clock event of ${request.reference} is dated after ${event.at.toISOString()}: events must be recorded in order.`,
    );
  }
  const candidate = {
    reason: event.reason ?? null,
    days: event.days ?? null,
    months: event.months ?? null,
    type: event.type,
    at: event.at,
  };
  let result: ReturnType<typeof computeRequestDeadline>;
  try {
    result = computeRequestDeadline(request, [...existing, candidate]);
  } catch (error) {
    if (error instanceof DeadlineError) {
      throw new AppError("DEADLINE_REFUSED", error.message, { details: { reason: error.code } });
    }
    throw error;
  }
  await tx.clockEvent.create({
    data: {
      requestId: request.id,
      type: event.type,
      at: event.at,
      reason: event.reason ?? null,
      days: event.days ?? null,
      months: event.months ?? null,
      actorType: actor.type,
      actorId: actor.id ?? null,
    },
  });
  const columns = deadlineColumns(result);
  await tx.dsarRequest.update({ where: { id: request.id }, data: columns });
  const previousDueDate = dayOf(request.dueDate);
  await appendAuditEvent(tx, {
    requestId: request.id,
    actor,
    action: `clock.${event.type.toLowerCase()}`,
    data: {
      at: event.at.toISOString(),
      previousDueDate,
      dueDate: result.dueDate,
      paused: result.paused,
      extended: result.extended,
      ...(event.days != null ? { days: event.days } : {}),
      ...(event.months != null ? { months: event.months } : {}),
      // The reason is free text staff typed and may name the person; the append-only log keeps
      // only its hash (the clock event row keeps the text until the retention purge).
      ...(event.type === "EXTEND" && event.reason ? { reasonSha256: sha256Hex(event.reason) } : {}),
    },
  });
  return { previousDueDate: previousDueDate as string, result };
}
