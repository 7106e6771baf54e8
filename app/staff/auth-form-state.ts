// What the sign-in and account forms show after a refusal: the service's or the schema's words in
// the reader's language (the member's, or before sign-in the `locale` cookie's or the browser's),
// field by field when the refusal names fields.
import { actionError } from "@/lib/auth/staff-action.ts";
import { AppError, type MessageRef } from "@/lib/errors.ts";
import { localiseActionError } from "@/lib/i18n/localise-action-error.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import type { AuthFormState } from "./auth-actions.schema.ts";

export async function refusalState(error: unknown): Promise<NonNullable<AuthFormState>> {
  const { error: failure } = localiseActionError(actionError(withWaitText(error)), await staffLocale());
  const fieldErrors = Object.fromEntries((failure.issues ?? []).map((issue) => [issue.path, issue.message]));
  return { error: failure.issues?.length ? undefined : failure.message, fieldErrors };
}

/**
 * The throttles (lib/security) say how long to wait in English only; the forms say it from the
 * catalogue, with the same wait.
 */
function withWaitText(error: unknown): unknown {
  if (!(error instanceof AppError) || error.text || !error.retryAfterSeconds) return error;
  if (error.code !== "RATE_LIMITED" && error.code !== "TOO_MANY_ATTEMPTS") return error;
  const seconds = error.retryAfterSeconds;
  const text: MessageRef =
    seconds < 60
      ? { key: "staffAuth.errors.waitSeconds", values: { seconds } }
      : { key: "staffAuth.errors.wait", values: { minutes: Math.ceil(seconds / 60) } };
  return new AppError(error.code, error.message, { retryAfterSeconds: seconds, text });
}
