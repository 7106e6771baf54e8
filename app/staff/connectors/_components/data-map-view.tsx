// What the connector's data map says, in words, above the form that edits it: each category with
// its data, purposes, legal basis, retention and recipients; or why there is nothing to show. In
// the member's language (the map's own texts in French when it gives them).
import { getLocale, getTranslations } from "next-intl/server";
import { CategoryDetails } from "@/app/staff/_components/data-map/category-details.tsx";
import { recordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { ConnectorForEdit } from "@/lib/connectors/connector-for-edit.ts";
import { buildProcessingRecord } from "@/lib/data-map/build-processing-record.ts";
import { dataMapSchema } from "@/lib/data-map/data-map.schema.ts";

export async function DataMapView({ connector }: { connector: ConnectorForEdit }) {
  const locale = await getLocale();
  const t = await getTranslations("staffConnectors.dataMap");
  const texts = recordTexts[locale];
  const parsed = connector.dataMap === null ? null : dataMapSchema.safeParse(connector.dataMap);
  const source = { key: connector.key, name: connector.name, type: connector.type, enabled: connector.enabled };
  const categories = parsed?.success
    ? (buildProcessingRecord({ organisation: null, sources: [{ ...source, dataMap: parsed.data }] }, locale).sources[0]?.categories ?? [])
    : [];
  return (
    <section aria-labelledby="data-map-title" className="connector-data-map">
      <h2 id="data-map-title">{t("title")}</h2>
      {parsed === null ? (
        <p className="message message--error">{t("missing")}</p>
      ) : parsed.success ? (
        <>
          <p className="hint">{t.rich("shown", { link: (chunks) => <a href="/staff/reports/processing">{chunks}</a> })}</p>
          {categories.map((category) => (
            <CategoryDetails key={category.category} category={category} texts={texts} />
          ))}
        </>
      ) : (
        <p className="message message--error">{t("unreadable")}</p>
      )}
    </section>
  );
}
