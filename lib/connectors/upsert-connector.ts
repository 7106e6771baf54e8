// Writes one validated connector inside the caller's transaction, the same way whether it comes
// from a connectors file or the staff form: created when new, updated only when something differs
// (compared canonically, so re-saving the same thing changes nothing), one audit event either way.
import type { Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { canonicalJson } from "../evidence/audit-hash.ts";
import { type Connector, Prisma } from "../generated/prisma/client.ts";
import type { RequestType } from "../generated/prisma/enums.ts";
import { openConnectorConfig, sealConnectorConfig } from "./connector-config.ts";
import type { ConnectorEntry } from "./connectors-file.schema.ts";

export type UpsertOutcome = {
  outcome: "created" | "updated" | "unchanged";
  connectorId: string;
  /** Names of the fields that changed ("config" for the configuration); never their values. */
  changed: string[];
};

export async function upsertConnector(tx: Tx, entry: ConnectorEntry, current: Connector | null, actor: Actor): Promise<UpsertOutcome> {
  const fields = {
    name: entry.name,
    type: entry.type,
    actions: entry.actions.map((action) => action.toUpperCase() as RequestType),
    enabled: entry.enabled,
    maxAttempts: entry.maxAttempts,
    concurrency: entry.concurrency,
    rateLimitPerSecond: entry.rateLimitPerSecond ?? null,
    fieldDescriptions: entry.fieldDescriptions ?? Prisma.DbNull,
    dataMap: entry.dataMap ?? Prisma.DbNull,
    publicName: entry.publicName ?? Prisma.DbNull,
  };
  if (!current) {
    const created = await tx.connector.create({ data: { key: entry.key, ...fields, configEncrypted: sealConnectorConfig(entry.config) } });
    await appendAuditEvent(tx, { actor, action: "connector.created", data: { connectorId: created.id, key: entry.key, type: entry.type } });
    return { outcome: "created", connectorId: created.id, changed: [] };
  }
  // Compared as stored: no descriptions is a database NULL.
  const comparable = {
    ...fields,
    fieldDescriptions: entry.fieldDescriptions ?? null,
    dataMap: entry.dataMap ?? null,
    publicName: entry.publicName ?? null,
  };
  // Key order is not kept by PostgreSQL's jsonb: compare canonical encodings.
  const sameConfig = canonicalJson(openConnectorConfig(current.configEncrypted)) === canonicalJson(entry.config);
  const changed = Object.entries(comparable)
    .filter(([name, value]) => canonicalJson(current[name as keyof Connector]) !== canonicalJson(value))
    .map(([name]) => name);
  if (!sameConfig) changed.push("config");
  if (changed.length === 0) return { outcome: "unchanged", connectorId: current.id, changed };
  await tx.connector.update({
    where: { id: current.id },
    data: { ...fields, ...(sameConfig ? {} : { configEncrypted: sealConnectorConfig(entry.config) }) },
  });
  await appendAuditEvent(tx, {
    actor,
    action: "connector.updated",
    data: { connectorId: current.id, key: entry.key, type: entry.type, configChanged: !sameConfig, enabled: entry.enabled, changed },
  });
  return { outcome: "updated", connectorId: current.id, changed };
}
