// A refusal shown to a staff member, named by a catalogue message (messages/<locale>/*.json): the
// English text of that message is the error's message (logs, API clients), and the MessageRef lets
// the pages say it in the member's language (lib/i18n/localise-action-error.ts). With `field`, the
// refusal is that field's issue, shown next to it.
import { AppError, type ErrorCode, type MessageRef } from "../errors.ts";
import { translateKey } from "../i18n/translator.ts";

export function staffRefusal(code: ErrorCode, text: MessageRef, options: { field?: string; retryAfterSeconds?: number } = {}): AppError {
  const message = englishText(text);
  return new AppError(code, message, {
    text,
    retryAfterSeconds: options.retryAfterSeconds,
    ...(options.field ? { issues: [{ path: options.field, message, text }] } : {}),
  });
}

/** The English words of a catalogue message (the key itself if it is missing, which tsc and the catalogue test prevent). */
export function englishText(text: MessageRef): string {
  return translateKey("en", text.key, text.values) ?? text.key;
}
