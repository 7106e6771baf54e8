// Puts a staff action's refusal into the reader's language: the error's MessageRef when it has
// one, and each field issue by its own MessageRef or, when its message is a catalogue key (zod
// schemas name keys such as "staffValidation.required"), by that key. Anything else keeps its
// English text, so nothing is ever lost.
import type { ActionResult } from "../auth/staff-action.ts";
import type { Locale } from "./catalogue.ts";
import { translateKey } from "./translator.ts";

type Refusal = Extract<ActionResult, { ok: false }>;

export function localiseActionError(result: Refusal, locale: Locale): Refusal {
  const { text, issues } = result.error;
  const message = (text && translateKey(locale, text.key, text.values)) ?? result.error.message;
  return {
    ok: false,
    error: {
      ...result.error,
      message,
      ...(issues
        ? {
            issues: issues.map((issue) => ({
              ...issue,
              message: translateKey(locale, issue.text?.key ?? issue.message, issue.text?.values) ?? issue.message,
            })),
          }
        : {}),
    },
  };
}
