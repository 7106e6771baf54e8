// What the connector's data map says, in words, above the form that edits it: each category with
// its data, purposes, legal basis, retention and recipients; or why there is nothing to show.
import { CategoryDetails } from "@/app/staff/_components/data-map/category-details.tsx";
import { recordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { ConnectorForEdit } from "@/lib/connectors/connector-for-edit.ts";
import { buildProcessingRecord } from "@/lib/data-map/build-processing-record.ts";
import { dataMapSchema } from "@/lib/data-map/data-map.schema.ts";

export function DataMapView({ connector }: { connector: ConnectorForEdit }) {
  const texts = recordTexts.en;
  const parsed = connector.dataMap === null ? null : dataMapSchema.safeParse(connector.dataMap);
  const source = { key: connector.key, name: connector.name, type: connector.type, enabled: connector.enabled };
  const categories = parsed?.success
    ? (buildProcessingRecord({ organisation: null, sources: [{ ...source, dataMap: parsed.data }] }, "en").sources[0]?.categories ?? [])
    : [];
  return (
    <section aria-labelledby="data-map-title" className="connector-data-map">
      <h2 id="data-map-title">Data map</h2>
      {parsed === null ? (
        <p className="message message--error">
          Not described: the record of processing and the person's answer cannot say why this source's data is kept. Describe it in the data
          map field below.
        </p>
      ) : parsed.success ? (
        <>
          <p className="hint">
            As the record of processing shows it (<a href="/staff/reports/processing">record of processing</a>). Edit it in the data map
            field below.
          </p>
          {categories.map((category) => (
            <CategoryDetails key={category.category} category={category} texts={texts} />
          ))}
        </>
      ) : (
        <p className="message message--error">
          The stored data map no longer reads as the current rules expect, so it is shown as not described. Correct it in the data map field
          below: saving names each problem.
        </p>
      )}
    </section>
  );
}
