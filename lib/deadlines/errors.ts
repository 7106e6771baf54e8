/**
 * Every way a deadline computation can be refused. Callers map these codes to HTTP statuses; the message
 * is written for the person who has to fix the input or choose another course, so it names the dates.
 */
export const DEADLINE_ERROR_CODES = [
  "INVALID_INPUT",
  "UNKNOWN_JURISDICTION",
  "INVALID_INSTANT",
  "UNKNOWN_TIME_ZONE",
  "UNKNOWN_HOLIDAY_REGION",
  "EVENTS_OUT_OF_ORDER",
  "RESUME_WITHOUT_PAUSE",
  "PAUSE_ALREADY_OPEN",
  "EXTENSION_NOT_ALLOWED",
  "EXTENSION_TOO_LATE",
  "EXTENSION_BEYOND_MAXIMUM",
] as const;

export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

/** Refusals that come from the law rather than from malformed input. */
export const EXTENSION_REFUSAL_CODES: readonly DeadlineErrorCode[] = [
  "EXTENSION_NOT_ALLOWED",
  "EXTENSION_TOO_LATE",
  "EXTENSION_BEYOND_MAXIMUM",
];

export class DeadlineError extends Error {
  readonly code: DeadlineErrorCode;

  constructor(code: DeadlineErrorCode, message: string) {
    super(message);
    this.name = "DeadlineError";
    this.code = code;
  }
}

export function isDeadlineError(error: unknown): error is DeadlineError {
  return error instanceof DeadlineError;
}
