// Applies a validated connectors file in one transaction: creates and updates connectors by key,
// and disables the ones the file no longer lists (their tasks and receipts stay). With `shared`, the
// file's controller details and correctable fields are stored in the same transaction, and so is a
// new version of the data map when any of it changed.

import { recordDataMapVersion } from "../data-map/record-data-map-version.ts";
import { saveDataMapSettings } from "../data-map/save-data-map-settings.ts";
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import type { ConnectorEntry, ConnectorsFileShared } from "./connectors-file.schema.ts";
import { upsertConnector } from "./upsert-connector.ts";

export type ApplyOutcome = {
  created: string[];
  updated: string[];
  unchanged: string[];
  disabled: string[];
  settings: string[];
  /** The data map version this wrote, or null when the map did not change. */
  dataMapVersion: number | null;
};

export async function applyConnectors(entries: ConnectorEntry[], actor: Actor, shared?: ConnectorsFileShared): Promise<ApplyOutcome> {
  return db().$transaction(async (tx: Tx) => {
    const outcome: ApplyOutcome = { created: [], updated: [], unchanged: [], disabled: [], settings: [], dataMapVersion: null };
    const existing = new Map((await tx.connector.findMany()).map((row) => [row.key, row]));
    for (const entry of entries) {
      const result = await upsertConnector(tx, entry, existing.get(entry.key) ?? null, actor);
      outcome[result.outcome].push(entry.key);
    }
    const listed = new Set(entries.map((entry) => entry.key));
    for (const row of existing.values()) {
      if (listed.has(row.key) || !row.enabled) continue;
      await tx.connector.update({ where: { id: row.id }, data: { enabled: false } });
      await appendAuditEvent(tx, { actor, action: "connector.disabled", data: { connectorId: row.id, key: row.key } });
      outcome.disabled.push(row.key);
    }
    if (shared) outcome.settings = await saveDataMapSettings(tx, shared, actor);
    outcome.dataMapVersion = await recordDataMapVersion(tx, actor);
    return outcome;
  });
}
