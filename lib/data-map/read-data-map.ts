// The data map as it stands: the controller's details, the correctable fields and, per connector,
// what its data map says of each category. Read by the access answer, the correction form and the
// record of processing. A stored part that no longer parses is reported as missing, never guessed.
import { db, type Tx } from "../db.ts";
import {
  type CorrectableFields,
  correctableFieldsSchema,
  type DataMap,
  dataMapSchema,
  type Organisation,
  organisationSchema,
} from "./data-map.schema.ts";
import { dataMapSettingKeys } from "./save-data-map-settings.ts";

export type DataMapSource = {
  connectorId: string;
  key: string;
  name: string;
  /** As stored ({ en, fr } or null): read it with sourceNameFor (source-name.ts). */
  publicName: unknown;
  type: string;
  enabled: boolean;
  dataMap: DataMap | null;
};

export type DataMapState = {
  organisation: Organisation | null;
  correctableFields: CorrectableFields;
  sources: DataMapSource[];
};

export async function readDataMap(tx: Tx = db()): Promise<DataMapState> {
  const [settings, connectors] = await Promise.all([
    tx.setting.findMany({ where: { key: { in: Object.values(dataMapSettingKeys) } } }),
    tx.connector.findMany({
      orderBy: { key: "asc" },
      select: { id: true, key: true, name: true, publicName: true, type: true, enabled: true, dataMap: true },
    }),
  ]);
  const setting = (key: string) => settings.find((row) => row.key === key)?.value;
  const correctableFields = correctableFieldsSchema.safeParse(setting(dataMapSettingKeys.correctableFields) ?? {});
  return {
    organisation: organisationOf(setting(dataMapSettingKeys.organisation)),
    correctableFields: correctableFields.success ? correctableFields.data : {},
    sources: connectors.map((row) => {
      return {
        connectorId: row.id,
        key: row.key,
        name: row.name,
        publicName: row.publicName,
        type: row.type,
        enabled: row.enabled,
        dataMap: dataMapOf(row.dataMap),
      };
    }),
  };
}

/** The controller's details as stored in their setting, or null when missing or no longer valid. */
export function organisationOf(value: unknown): Organisation | null {
  const parsed = organisationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A connector's stored data map, or null when it has none or it no longer parses. */
export function dataMapOf(value: unknown): DataMap | null {
  if (value === null || value === undefined) return null;
  const parsed = dataMapSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
