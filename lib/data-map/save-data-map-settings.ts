// Stores what a connectors file says beside its connectors (the controller's details and the fields
// a person may ask to correct) as settings, inside the caller's transaction. What the file leaves out
// is removed: the file is the whole description. One audit event names what changed, never values.

import type { ConnectorsFileShared } from "../connectors/connectors-file.schema.ts";
import type { Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { canonicalJson } from "../evidence/audit-hash.ts";

export const dataMapSettingKeys = { organisation: "dataMap.organisation", correctableFields: "dataMap.correctableFields" } as const;

export async function saveDataMapSettings(tx: Tx, shared: ConnectorsFileShared, actor: Actor): Promise<string[]> {
  const changed: string[] = [];
  for (const [name, key] of Object.entries(dataMapSettingKeys) as Array<[keyof ConnectorsFileShared, string]>) {
    const value = shared[name];
    const current = await tx.setting.findUnique({ where: { key } });
    if (canonicalJson(current?.value ?? null) === canonicalJson(value ?? null)) continue;
    if (value === undefined) await tx.setting.delete({ where: { key } });
    else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    changed.push(name);
  }
  if (changed.length) await appendAuditEvent(tx, { actor, action: "data-map.settings-updated", data: { changed } });
  return changed;
}
