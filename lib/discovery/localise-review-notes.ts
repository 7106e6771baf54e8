// Discovery writes its guesses and notes in English (the command line, the tests); a staff member
// reads them in their language: each guess is one of the check messages (staffChecks.discovery),
// with the tables, columns and keys it names kept verbatim, and the notes are put together from
// the proposal in the catalogue's words (staffConnectors.draft).
import type { Locale } from "../i18n/catalogue.ts";
import { localiseCheckMessage } from "../i18n/localise-check-message.ts";
import { translator } from "../i18n/translator.ts";
import { type MappingProposal, type NoteWords, reviewNotesOf } from "./propose-mapping.ts";

export function discoveryWords(locale: Locale): (english: string) => string {
  return (english) => (locale === "en" ? english : (localiseCheckMessage(english, locale) ?? english));
}

export function noteWords(locale: Locale): NoteWords {
  const t = translator(locale);
  return {
    say: discoveryWords(locale),
    tableNote: (table, note) => t("staffConnectors.draft.tableNote", { table, note }),
    notLinked: (tables) => t("staffConnectors.draft.notLinked", { tables }),
  };
}

/** The notes to review, in the reader's language. */
export function reviewNotesIn(proposal: MappingProposal, locale: Locale): string[] {
  return reviewNotesOf(proposal, noteWords(locale));
}
