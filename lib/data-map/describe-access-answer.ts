// The access answer per source and category the person's data was found in, with everything the data
// map says of each category in the person's language (GDPR Art. 15(1)-(2)): the status page shows it
// whole, the email sums it up (summarise-access-answer.ts). The data itself stays in the encrypted
// package; a category the map does not describe is marked so, never filled in.
import type { DataMap, DataMapLocale } from "./data-map.schema.ts";
import { textIn } from "./data-map.schema.ts";
import { type DescribedCategory, describeDataMapCategory } from "./describe-data-map-category.ts";

export type AnswerCategory = {
  /** The map's label, else the category's technical name. */
  label: string;
  /** What the map says of it, or null when the map does not describe it. */
  described: DescribedCategory | null;
};

export type AnswerSource = { name: string; categories: AnswerCategory[] };

export function describeAccessAnswer(
  sources: Array<{ name: string; categories: string[]; dataMap: DataMap | null }>,
  locale: DataMapLocale,
): AnswerSource[] {
  return sources
    .filter((source) => source.categories.length > 0)
    .map((source) => ({
      name: source.name,
      categories: source.categories.map((category) => {
        const entry = source.dataMap && Object.hasOwn(source.dataMap, category) ? source.dataMap[category] : undefined;
        if (!entry) return { label: category, described: null };
        return { label: entry.label ? textIn(entry.label, locale) : category, described: describeDataMapCategory(entry, locale) };
      }),
    }));
}
