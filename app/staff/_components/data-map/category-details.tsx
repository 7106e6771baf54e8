// What the data map says of one category of a source, in words: the record of processing's view by
// source and the connector's edit page both show it this way.
import type { RecordCategory } from "@/lib/data-map/build-processing-record.ts";
import { RecordRecipients } from "./record-recipients.tsx";
import type { RecordTexts } from "./record-texts.ts";
import "./data-map.css";

export function CategoryDetails({ category, texts }: { category: RecordCategory; texts: RecordTexts }) {
  const rows: Array<[string, string | null]> = [
    [texts.dataCategories, category.dataCategories.map((item) => item.label).join("; ")],
    [texts.specialCondition, category.specialCategoryCondition?.label ?? null],
    [texts.purposes, category.purposes.join("; ")],
    [texts.legalBasis, category.legalBasis.map((item) => item.label).join("; ")],
    [texts.legitimateInterests, category.legitimateInterests],
    [texts.retention, category.retention],
    [texts.origin, category.originDetail ? `${category.origin.label}: ${category.originDetail}` : category.origin.label],
    [
      texts.automatedDecisions,
      category.automatedDecisions ? `${category.automatedDecisions.logic} (${category.automatedDecisions.significance})` : null,
    ],
  ];
  return (
    <div className="record-category">
      <h4>
        {texts.category}: {category.label} {category.label === category.category ? null : <code>{category.category}</code>}
      </h4>
      <dl className="report-definitions">
        {rows
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <RecordRecipients recipients={category.recipients} texts={texts} caption={`${texts.recipients}: ${category.label}`} />
    </div>
  );
}
