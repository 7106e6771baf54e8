// What changed since a date, in words: one line per change, a category's field with its value
// before and after as the record says them.

import type { RecordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { DataMapChange } from "@/lib/data-map/compare-data-maps.ts";
import type { VersionSummary } from "@/lib/data-map/get-processing-record.ts";

type Props = {
  texts: RecordTexts;
  since: { date: string; version: VersionSummary | null; changes: DataMapChange[] };
  day: (date: string) => string;
  when: (iso: string) => string;
};

export function RecordChanges({ texts, since, day, when }: Props) {
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{texts.changesTitle(day(since.date))}</h2>
      <p>{since.version ? texts.changesBase(since.version.number, when(since.version.createdAt)) : texts.changesNoBase}</p>
      {since.changes.length === 0 ? (
        <p>{texts.noChanges}</p>
      ) : (
        <ul className="record-changes">
          {since.changes.map((change, index) => (
            // Changes have no id of their own; their order is fixed by the comparison.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once, never reordered
            <li key={index}>
              <strong>{texts.change[change.kind]}</strong>
              {change.source ? (
                <>
                  {": "}
                  {change.source.name} <code>{change.source.key}</code>
                </>
              ) : null}
              {change.category ? (
                <>
                  {" › "}
                  <code>{change.category}</code>
                </>
              ) : null}
              {change.fieldLabel ? ` (${change.fieldLabel})` : null}
              {change.before !== null || change.after !== null ? (
                <dl className="record-before-after">
                  <div>
                    <dt>{texts.before}</dt>
                    <dd>{change.before ?? "—"}</dd>
                  </div>
                  <div>
                    <dt>{texts.after}</dt>
                    <dd>{change.after ?? "—"}</dd>
                  </div>
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
