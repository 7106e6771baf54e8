// The short form of the access answer, for the email: per source and category the person's data was
// found in, which kinds of data, why, how long and who receives it, in the person's language. The
// status page shows the whole description (describe-access-answer.ts); the data itself stays in the
// encrypted package; a category the map does not describe is marked so, never filled in.
import type { DataMap, DataMapLocale } from "./data-map.schema.ts";
import { describeAccessAnswer } from "./describe-access-answer.ts";

export type AnswerSummaryCategory = {
  /** The map's label, else the category's technical name. */
  label: string;
  described: boolean;
  kinds: string[];
  purposes: string[];
  retention: string | null;
  /** "Name (country)" per recipient. */
  recipients: string[];
};

export type AnswerSummarySource = { name: string; categories: AnswerSummaryCategory[] };

export function summariseAccessAnswer(
  sources: Array<{ name: string; categories: string[]; dataMap: DataMap | null }>,
  locale: DataMapLocale,
): AnswerSummarySource[] {
  return describeAccessAnswer(sources, locale).map((source) => ({
    name: source.name,
    categories: source.categories.map(({ label, described }) =>
      described
        ? {
            label,
            described: true,
            kinds: described.dataCategories,
            purposes: described.purposes,
            retention: described.retention,
            recipients: described.recipients.map((recipient) =>
              recipient.country ? `${recipient.name} (${recipient.country})` : recipient.name,
            ),
          }
        : { label, described: false, kinds: [], purposes: [], retention: null, recipients: [] },
    ),
  }));
}
