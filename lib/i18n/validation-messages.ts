// What each validation key says in one language, for the server (API answers, server actions).
import type { Locale } from "./catalogue.ts";
import { translator } from "./translator.ts";
import { localiseIssuesWith, validationKeyOf } from "./validation-keys.ts";

export function validationMessage(locale: Locale, key: string): string {
  return translator(locale)(validationKeyOf(key));
}

/** zod issues as `{ path, message }` in the given language; an unknown field is named as its own issue. */
export function localiseIssues(issues: Parameters<typeof localiseIssuesWith>[0], locale: Locale): Array<{ path: string; message: string }> {
  const t = translator(locale);
  return localiseIssuesWith(issues, (key) => t(key));
}
