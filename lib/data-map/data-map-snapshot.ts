// The data map as one value: the controller's details and every source's key, name, type, enabled
// flag and data map, as stored, sources ordered by key. A version row keeps one (DataMapVersion);
// its SHA-256 is over the canonical JSON, so equal maps have equal hashes whatever the key order.
import { createHash } from "node:crypto";
import type { Tx } from "../db.ts";
import { canonicalJson } from "../evidence/audit-hash.ts";
import { type DataMap, dataMapSchema, type Organisation, organisationSchema } from "./data-map.schema.ts";
import { dataMapSettingKeys } from "./save-data-map-settings.ts";

export type SnapshotSource = { key: string; name: string; type: string; enabled: boolean; dataMap: unknown };
export type DataMapSnapshot = { organisation: unknown; sources: SnapshotSource[] };

export async function snapshotDataMap(tx: Tx): Promise<DataMapSnapshot> {
  const [organisation, connectors] = await Promise.all([
    tx.setting.findUnique({ where: { key: dataMapSettingKeys.organisation } }),
    tx.connector.findMany({ orderBy: { key: "asc" }, select: { key: true, name: true, type: true, enabled: true, dataMap: true } }),
  ]);
  return { organisation: organisation?.value ?? null, sources: connectors.map((row) => ({ ...row, dataMap: row.dataMap ?? null })) };
}

export function snapshotHash(snapshot: DataMapSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}

export type ParsedSource = { key: string; name: string; type: string; enabled: boolean; dataMap: DataMap | null };
export type ParsedDataMap = { organisation: Organisation | null; sources: ParsedSource[] };

/**
 * A snapshot as the schemas read it today: a part that no longer parses is reported as missing
 * (null: "not described"), never guessed.
 */
export function parseDataMapSnapshot(snapshot: unknown): ParsedDataMap {
  const value = (snapshot ?? {}) as Partial<DataMapSnapshot>;
  const organisation = organisationSchema.safeParse(value.organisation);
  return {
    organisation: organisation.success ? organisation.data : null,
    sources: (Array.isArray(value.sources) ? value.sources : []).map((source) => {
      const dataMap = source.dataMap === null || source.dataMap === undefined ? null : dataMapSchema.safeParse(source.dataMap);
      return {
        key: String(source.key),
        name: String(source.name),
        type: String(source.type),
        enabled: source.enabled === true,
        dataMap: dataMap?.success ? dataMap.data : null,
      };
    }),
  };
}
