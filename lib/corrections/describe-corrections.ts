// The outcome of each correction as the person reads it: the field's label in their language (or
// their own words), and each place a source corrected it (the source's name, the category's label).
import { textIn } from "../data-map/data-map.schema.ts";
import type { DataMapState } from "../data-map/read-data-map.ts";
import { sourceNameFor } from "../data-map/source-name.ts";
import type { Locale } from "../requests/request-input.schema.ts";
import type { CorrectionOutcome, RequestedCorrection } from "./correction-outcomes.ts";
import { correctionFieldLabel } from "./list-correction-choices.ts";

export function requestedCorrections(value: unknown): RequestedCorrection[] {
  return Array.isArray(value) ? (value as RequestedCorrection[]) : [];
}

export function rectificationTasksOf(tasks: Array<{ status: string; receipt: unknown; connector: { key: string; name: string } }>) {
  return tasks.map((task) => ({
    sourceKey: task.connector.key,
    sourceName: task.connector.name,
    status: task.status,
    receipt: task.receipt,
  }));
}

/** A category as the person reads it: its data map label when the source gives one, else its name. */
export function categoryLabel(map: DataMapState, sourceKey: string, category: string, locale: Locale): string {
  const label = map.sources.find((source) => source.key === sourceKey)?.dataMap?.[category]?.label;
  return label ? textIn(label, locale) : category;
}

/** The outcome of each correction in the person's words (labels, sources, categories). */
export function describeCorrections(outcomes: CorrectionOutcome[], map: DataMapState, locale: Locale) {
  return outcomes.map((outcome) => ({
    label: correctionFieldLabel(outcome.field, map.correctableFields, locale),
    state: outcome.state,
    places: outcome.places.map((place) => {
      const source = map.sources.find((candidate) => candidate.key === place.sourceKey);
      return {
        source: source ? sourceNameFor(source, locale) : place.source,
        category: categoryLabel(map, place.sourceKey, place.category, locale),
      };
    }),
  }));
}
