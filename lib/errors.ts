// One user-safe error type: only its message reaches a person. Everything else is logged and
// answered with a generic message and a reference (see lib/http/respond.ts).
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_CODE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_OUTCOME_UNKNOWN: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  TOO_MANY_ATTEMPTS: 429,
  DEADLINE_REFUSED: 422,
  /** A right the law of the person's residence does not grant, and the company does not offer there. */
  RIGHT_NOT_GRANTED: 422,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A problem with one field; `text` names it in the catalogues when its words need arguments. */
export type FieldIssue = { path: string; message: string; text?: MessageRef };

/**
 * A message of the catalogues (messages/<locale>/*.json) by its full dotted key, with its
 * arguments: how an error names itself to a person in their language. The English `message` stays
 * for logs and API clients.
 */
export type MessageRef = { key: string; values?: Record<string, string | number> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly details?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;
  readonly text?: MessageRef;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { issues?: FieldIssue[]; details?: Record<string, unknown>; retryAfterSeconds?: number; text?: MessageRef } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = extra.issues;
    this.details = extra.details;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.text = extra.text;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
