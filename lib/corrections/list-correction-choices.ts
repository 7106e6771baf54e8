// What the correction form offers: the correctable fields the data map declares that at least one
// enabled source with the rectification action maps, with their labels and hints in the person's
// language. Anything else the person describes in words ("something else"), and staff correct it.
import { openConnectorConfig } from "../connectors/connector-config.ts";
import { type CorrectableFields, type DataMapLocale, textIn } from "../data-map/data-map.schema.ts";
import { readDataMap } from "../data-map/read-data-map.ts";
import { db } from "../db.ts";
import { loggableError, logger } from "../logger.ts";
import { fieldsMappedBy } from "./rectify-maps-of.ts";

export type CorrectionChoice = { name: string; label: string; hint: string | null; multiline: boolean };

export async function listCorrectionChoices(locale: DataMapLocale): Promise<CorrectionChoice[]> {
  const [{ correctableFields }, connectors] = await Promise.all([
    readDataMap(),
    db().connector.findMany({ where: { enabled: true, actions: { has: "RECTIFICATION" } }, select: { key: true, configEncrypted: true } }),
  ]);
  const mapped = new Set<string>();
  for (const connector of connectors) {
    try {
      for (const field of fieldsMappedBy(openConnectorConfig(connector.configEncrypted))) mapped.add(field);
    } catch (error) {
      // A config that cannot be opened maps nothing; its tasks report the problem to staff.
      logger.warn({ connector: connector.key, err: loggableError(error) }, "connector config unreadable for the correction form");
    }
  }
  return correctionChoicesOf(correctableFields, mapped, locale);
}

export function correctionChoicesOf(fields: CorrectableFields, mapped: ReadonlySet<string>, locale: DataMapLocale): CorrectionChoice[] {
  return Object.entries(fields)
    .filter(([name]) => mapped.has(name))
    .map(([name, field]) => ({
      name,
      label: textIn(field.label, locale),
      hint: field.hint ? textIn(field.hint, locale) : null,
      multiline: field.multiline,
    }));
}

/** A correction's field as a person reads it: a declared field's label, or the person's own words. */
export function correctionFieldLabel(field: string, fields: CorrectableFields, locale: DataMapLocale): string {
  const declared = Object.hasOwn(fields, field) ? fields[field] : undefined;
  return declared ? textIn(declared.label, locale) : field;
}
