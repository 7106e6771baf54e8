// Puts a staff action's refusal into the reader's language: the error's MessageRef when it has
// one, and each field issue by its own MessageRef, else when its message is a catalogue key (zod
// schemas name keys such as "staffValidation.required") by that key, else when it is one of the
// English check messages of `staffChecks` (localise-check-message.ts). Anything else keeps its
// English text, so nothing is ever lost.
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
      ...(issues ? { issues: issues.map((issue) => ({ ...issue, message: localiseIssue(issue, locale) })) } : {}),
    },
  };
}

function localiseIssue(
  issue: { message: string; text?: { key: string; values?: Record<string, string | number> } },
  locale: Locale,
): string {
  const byRef = issue.text ? translateKey(locale, issue.text.key, issue.text.values) : undefined;
  return (
    byRef ??
    translateKey(locale, issue.message) ??
    (locale === "en" ? undefined : localiseCheckMessage(issue.message, locale)) ??
    issue.message
  );
}
