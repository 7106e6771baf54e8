// The short form of the access answer, for the email and the status page: per source and category the
// person's data was found in, which kinds of data, why, how long and who receives it, in the person's
// language. The data itself stays in the encrypted package; a category the map does not describe is
// marked so, never filled in.
import type { DataMap, DataMapLocale } from "./data-map.schema.ts";
import { textIn } from "./data-map.schema.ts";
import { describeDataMapCategory } from "./describe-data-map-category.ts";

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
  return sources
    .filter((source) => source.categories.length > 0)
    .map((source) => ({
      name: source.name,
      categories: source.categories.map((category) => {
        const entry = source.dataMap && Object.hasOwn(source.dataMap, category) ? source.dataMap[category] : undefined;
        if (!entry) return { label: category, described: false, kinds: [], purposes: [], retention: null, recipients: [] };
        const described = describeDataMapCategory(entry, locale);
        return {
          label: entry.label ? textIn(entry.label, locale) : category,
          described: true,
          kinds: described.dataCategories,
          purposes: described.purposes,
          retention: described.retention,
          recipients: described.recipients.map((recipient) =>
            recipient.country ? `${recipient.name} (${recipient.country})` : recipient.name,
          ),
        };
      }),
    }));
}
