// Names as the person reads them: a source's public name in their language (English otherwise), or
// the name staff gave it when the connectors file sets none; a category's data map label, or its
// table name when the map gives none.
import { type DataMapLocale, dataMapCategorySchema, type LocalText, localText, textIn } from "./data-map.schema.ts";

const publicNameSchema = localText("publicName", 200);

export function sourceNameFor(connector: { name: string; publicName?: unknown }, locale: DataMapLocale): string {
  const parsed =
    connector.publicName === null || connector.publicName === undefined ? null : publicNameSchema.safeParse(connector.publicName);
  return parsed?.success ? textIn(parsed.data as LocalText, locale) : connector.name;
}

export function categoryNameFor(connector: { dataMap?: unknown }, category: string, locale: DataMapLocale): string {
  const entry = (connector.dataMap as Record<string, unknown> | null | undefined)?.[category];
  const parsed = entry === undefined ? null : dataMapCategorySchema.safeParse(entry);
  return parsed?.success && parsed.data.label ? textIn(parsed.data.label, locale) : category;
}
