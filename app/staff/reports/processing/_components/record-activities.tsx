// One processing activity per purpose (Art. 30(1)(b)-(f)): its legal bases, the categories of data,
// the recipients and transfers, the retention of each category serving it, and those categories.

import { RecordRecipients } from "@/app/staff/_components/data-map/record-recipients.tsx";
import type { RecordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { ProcessingRecord } from "@/lib/data-map/build-processing-record.ts";

export function RecordActivities({ record, texts }: { record: ProcessingRecord; texts: RecordTexts }) {
  return (
    <section aria-labelledby="activities-title">
      <h2 id="activities-title">{texts.activitiesTitle}</h2>
      {record.activities.length === 0 ? <p>{texts.activitiesEmpty}</p> : null}
      {record.activities.map((activity, index) => {
        const id = `activity-${index + 1}`;
        return (
          <article key={activity.purpose} className="record-card" aria-labelledby={id}>
            <h3 id={id}>{activity.purpose}</h3>
            <dl className="report-definitions">
              <div>
                <dt>{texts.legalBasis}</dt>
                <dd>{activity.legalBasis.map((basis) => basis.label).join("; ")}</dd>
              </div>
              <div>
                <dt>{texts.dataCategories}</dt>
                <dd>{activity.dataCategories.map((category) => category.label).join("; ")}</dd>
              </div>
              {activity.specialCategoryConditions.length ? (
                <div>
                  <dt>{texts.specialCondition}</dt>
                  <dd>{activity.specialCategoryConditions.map((condition) => condition.label).join("; ")}</dd>
                </div>
              ) : null}
              <div>
                <dt>{texts.retention}</dt>
                <dd>
                  <ul className="record-plain-list">
                    {activity.retention.map((rule) => (
                      <li key={`${rule.source}/${rule.category}`}>
                        {rule.sourceName} › {rule.label}: {rule.retention}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>{texts.sources}</dt>
                <dd>
                  <ul className="record-plain-list">
                    {activity.sources.map((source) => (
                      <li key={`${source.key}/${source.category}`}>
                        {source.name} › {source.label} <code>{source.category}</code>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            </dl>
            <RecordRecipients recipients={activity.recipients} texts={texts} caption={`${texts.recipients}: ${activity.purpose}`} />
          </article>
        );
      })}
    </section>
  );
}
