// Turns what a public server action threw into a sentence in the page's language. Only AppError
// codes are described; anything else is logged (never with personal data) under a reference the
// person can quote, and answered with a generic message.
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors.ts";
import { formatWait, t } from "@/lib/i18n/messages.ts";
import { loggableError, logger } from "@/lib/logger.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";

/** Logs an unexpected error and returns the generic message that quotes its reference. */
export function unexpectedErrorMessage(locale: Locale, error: unknown, action: string): string {
  const reference = randomUUID();
  logger.error(
    {
      err: loggableError(error),
      stack: error instanceof Error ? error.stack?.split("\n").slice(1, 6).join("\n") : undefined,
      reference,
      action,
    },
    "public page or action failed",
  );
  return t(locale).common.genericError(reference);
}

export function describeError(locale: Locale, error: unknown, action: string): string {
  const m = t(locale);
  if (!isAppError(error)) return unexpectedErrorMessage(locale, error, action);
  switch (error.code) {
    case "RATE_LIMITED":
      return m.errors.rateLimited(formatWait(locale, error.retryAfterSeconds ?? 60));
    case "INVALID_CODE":
      return m.submitted.invalidCode(Number(error.details?.attemptsLeft ?? 0));
    case "TOO_MANY_ATTEMPTS":
      if (error.details?.resendLimit === true) return m.submitted.resendLimit;
      return error.details?.startAgain === true ? m.submitted.codesUsedUp : m.submitted.tooManyAttempts;
    case "GONE":
      return error.details?.expired === true ? m.submitted.codeExpired : m.errors.gone;
    case "NOT_FOUND":
      return m.errors.notFound;
    case "INVALID_STATE":
      return m.errors.invalidState;
    case "CONFLICT":
      return m.errors.conflict;
    default:
      return unexpectedErrorMessage(locale, error, action);
  }
}
