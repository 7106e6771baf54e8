// What a processor's error may leave in the queue store. BullMQ keeps a failed job's message and
// stack trace (for days, readable on the queues dashboard) and copies the message into the
// events stream; an error from a database, a mail server or a source can quote the person. So
// every processor's error is stored scrubbed, as it would be logged (lib/logger.ts); the row the
// job works on keeps the full text for staff.
import { RateLimitError, UnrecoverableError } from "bullmq";
import { loggableError } from "../logger.ts";

/** BullMQ recognises these by name: a job moved to delayed, waiting or rate-limited has not failed. */
const controlNames = new Set(["DelayedError", "WaitingError", "WaitingChildrenError", "RateLimitError"]);

export function isBullmqControl(error: unknown): boolean {
  return error instanceof Error && (controlNames.has(error.name) || error.message === new RateLimitError().message);
}

/** Marks an error whose message and stack are already fit for the queue store. */
export interface QueueSafe {
  readonly queueSafe: true;
}

export function isQueueSafe(error: unknown): error is Error & QueueSafe {
  return error instanceof Error && (error as Partial<QueueSafe>).queueSafe === true;
}

/** The error to hand BullMQ in place of `error`: same class name and recoverability, scrubbed message, no foreign stack. */
export function scrubbedJobError(error: unknown): Error {
  if (isBullmqControl(error) || isQueueSafe(error)) return error as Error;
  const { type, message } = loggableError(error);
  const copy = error instanceof UnrecoverableError ? new UnrecoverableError(message) : new Error(message);
  if (!(error instanceof UnrecoverableError)) copy.name = type;
  return copy;
}
