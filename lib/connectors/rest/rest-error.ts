// A failed call of the rest connector. `status` when the API answered, `code` when it could not be
// reached (ECONNREFUSED, EREFUSEDADDRESS, ETIMEDOUT, …): the task failure sent to the queue keeps
// only these (lib/fulfilment/task-failure-message.ts); the message stays on the task row.
import { RefusedAddressError } from "../http/address-guard.ts";

const MAX_BODY_IN_ERROR = 300;

export class RestConnectorError extends Error {
  readonly status?: number;
  readonly code?: string;
  /** The message without the start of the answer (which may quote the person): for the Test button. */
  readonly withoutAnswer: string;
  /** The start of the answer, secrets blanked. */
  readonly answer?: string;
  constructor(message: string, details: { status?: number; code?: string; answer?: string } = {}) {
    super(details.answer === undefined ? message : `${message}: ${details.answer}`);
    this.withoutAnswer = message;
    this.answer = details.answer;
    this.name = "RestConnectorError";
    this.status = details.status;
    this.code = details.code;
  }

  static unreachable(where: string, error: unknown): RestConnectorError {
    if (error instanceof RefusedAddressError)
      return new RestConnectorError(`Refused to call ${where}: ${error.message}`, { code: error.code });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = typeof (cause as { code?: unknown })?.code === "string" ? (cause as { code: string }).code : undefined;
    const text = cause instanceof Error ? cause.message : String(cause);
    return new RestConnectorError(`Could not reach ${where}: ${code && !text.includes(code) ? `${code} ` : ""}${text}`, { code });
  }
}

/** At most 300 characters of an answer, on one line, with every secret blanked should the API echo one. */
export function answerExcerpt(text: string, secrets: string[]): string {
  let flat = text;
  for (const secret of secrets) if (secret) flat = flat.split(secret).join("••••••");
  flat = flat.replace(/\s+/g, " ").trim();
  if (!flat) return "(empty body)";
  return flat.length > MAX_BODY_IN_ERROR ? `${flat.slice(0, MAX_BODY_IN_ERROR)}…` : flat;
}
