import type { RequestType } from "../../lib/deadlines/types.ts";
import { type EmailLocale, emailTexts } from "./i18n.ts";

/**
 * Request types as a person would say them. They are shown after a reference ("DSAR-12: access to your
 * data") rather than inside a sentence, so French needs no elision ("demande d'accès" vs "de
 * rectification") and every label reads the same wherever it appears.
 */
export function requestTypeLabel(locale: EmailLocale, type: RequestType): string {
  return emailTexts(locale, "requestType")(type);
}
