// Turns what a public server action threw into a sentence in the page's language. Only AppError
// codes are described; anything else is logged (never with personal data) under a reference the
// person can quote, and answered with a generic message.
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors.ts";
import { formatWait } from "@/lib/i18n/format-date.ts";
import { translator } from "@/lib/i18n/translator.ts";
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
  return translator(locale)("publicCommon.common.genericError", { reference });
}

export function describeError(locale: Locale, error: unknown, action: string): string {
  const t = translator(locale);
  if (!isAppError(error)) return unexpectedErrorMessage(locale, error, action);
  switch (error.code) {
    case "RATE_LIMITED":
      return t("publicCommon.errors.rateLimited", { wait: formatWait(locale, error.retryAfterSeconds ?? 60) });
    case "INVALID_CODE":
      return t("publicForm.submitted.invalidCode", { left: Number(error.details?.attemptsLeft ?? 0) });
    case "TOO_MANY_ATTEMPTS":
      if (error.details?.resendLimit === true) return t("publicForm.submitted.resendLimit");
      return error.details?.startAgain === true ? t("publicForm.submitted.codesUsedUp") : t("publicForm.submitted.tooManyAttempts");
    case "GONE":
      return error.details?.expired === true ? t("publicForm.submitted.codeExpired") : t("publicCommon.errors.gone");
    case "NOT_FOUND":
      return t("publicCommon.errors.notFound");
    case "INVALID_STATE":
      return t("publicCommon.errors.invalidState");
    case "CONFLICT":
      return t("publicCommon.errors.conflict");
    default:
      return unexpectedErrorMessage(locale, error, action);
  }
}
