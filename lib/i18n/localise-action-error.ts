// Puts a staff action's refusal into the reader's language: the error's MessageRef when it has
// one, and each field issue whose message is a catalogue key (zod schemas name keys such as
// "staffValidation.required") or one of the English check messages of `staffChecks`
// (localise-check-message.ts). Anything else keeps its English text, so nothing is ever lost.
import type { ActionResult } from "../auth/staff-action.ts";
import type { Locale } from "./catalogue.ts";
import { localiseCheckMessage } from "./localise-check-message.ts";
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
      ...(issues ? { issues: issues.map((issue) => ({ ...issue, message: localiseIssue(issue.message, locale) })) } : {}),
    },
  };
}

function localiseIssue(message: string, locale: Locale): string {
  return translateKey(locale, message) ?? (locale === "en" ? undefined : localiseCheckMessage(message, locale)) ?? message;
}
