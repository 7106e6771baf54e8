// The same map by source: each source, whether it is enabled and described, and what its data map
// says of each category.
import { CategoryDetails } from "@/app/staff/_components/data-map/category-details.tsx";
import type { RecordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { ProcessingRecord } from "@/lib/data-map/build-processing-record.ts";

export function RecordSources({ record, texts }: { record: ProcessingRecord; texts: RecordTexts }) {
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{texts.bySourceTitle}</h2>
      {record.sources.map((source) => (
        <article key={source.key} className="record-card" aria-labelledby={`source-${source.key}`}>
          <h3 id={`source-${source.key}`}>
            {source.name} <code>{source.key}</code> <span className="record-type">({source.type})</span>
          </h3>
          {source.enabled ? null : <p className="record-status">{texts.disabled}</p>}
          {source.described ? null : <p className="record-status record-status--warning">{texts.notDescribed}</p>}
          {source.categories.map((category) => (
            <CategoryDetails key={category.category} category={category} texts={texts} />
          ))}
        </article>
      ))}
    </section>
  );
}
