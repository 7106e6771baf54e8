// Applies a validated connectors file in one transaction: creates and updates connectors by key,
// and disables the ones the file no longer lists (their tasks and receipts stay).
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { canonicalJson } from "../evidence/audit-hash.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { RequestType } from "../generated/prisma/enums.ts";
import { openConnectorConfig, sealConnectorConfig } from "./connector-config.ts";
import type { ConnectorEntry } from "./connectors-file.schema.ts";

export type ApplyOutcome = { created: string[]; updated: string[]; unchanged: string[]; disabled: string[] };

export async function applyConnectors(entries: ConnectorEntry[], actor: Actor): Promise<ApplyOutcome> {
  return db().$transaction(async (tx: Tx) => {
    const outcome: ApplyOutcome = { created: [], updated: [], unchanged: [], disabled: [] };
    const existing = new Map((await tx.connector.findMany()).map((row) => [row.key, row]));
    for (const entry of entries) {
      const fields = {
        name: entry.name,
        type: entry.type,
        actions: entry.actions.map((action) => action.toUpperCase() as RequestType),
        enabled: entry.enabled,
        maxAttempts: entry.maxAttempts,
        concurrency: entry.concurrency,
        rateLimitPerSecond: entry.rateLimitPerSecond ?? null,
        fieldDescriptions: entry.fieldDescriptions ?? Prisma.DbNull,
      };
      // Compared as stored: no descriptions is a database NULL.
      const comparable = { ...fields, fieldDescriptions: entry.fieldDescriptions ?? null };
      const current = existing.get(entry.key);
      if (!current) {
        const created = await tx.connector.create({
          data: { key: entry.key, ...fields, configEncrypted: sealConnectorConfig(entry.config) },
        });
        await appendAuditEvent(tx, {
          actor,
          action: "connector.created",
          data: { connectorId: created.id, key: entry.key, type: entry.type },
        });
        outcome.created.push(entry.key);
        continue;
      }
      // Key order is not kept by PostgreSQL's jsonb: compare canonical encodings.
      const sameConfig = canonicalJson(openConnectorConfig(current.configEncrypted)) === canonicalJson(entry.config);
      const sameFields = Object.entries(comparable).every(
        ([name, value]) => canonicalJson(current[name as keyof typeof current]) === canonicalJson(value),
      );
      if (sameConfig && sameFields) {
        outcome.unchanged.push(entry.key);
        continue;
      }
      await tx.connector.update({
        where: { id: current.id },
        data: { ...fields, ...(sameConfig ? {} : { configEncrypted: sealConnectorConfig(entry.config) }) },
      });
      await appendAuditEvent(tx, {
        actor,
        action: "connector.updated",
        data: { connectorId: current.id, key: entry.key, type: entry.type, configChanged: !sameConfig, enabled: entry.enabled },
      });
      outcome.updated.push(entry.key);
    }
    const listed = new Set(entries.map((entry) => entry.key));
    for (const row of existing.values()) {
      if (listed.has(row.key) || !row.enabled) continue;
      await tx.connector.update({ where: { id: row.id }, data: { enabled: false } });
      await appendAuditEvent(tx, { actor, action: "connector.disabled", data: { connectorId: row.id, key: row.key } });
      outcome.disabled.push(row.key);
    }
    return outcome;
  });
}
