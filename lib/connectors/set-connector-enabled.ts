// Turns one connector on or off. Turning it on checks its stored config first, as a connectors
// file does for an enabled entry (the type's schema, then the live system). Tasks already queued
// for a disabled connector still finish; new approvals leave it out.
import { recordDataMapVersion } from "../data-map/record-data-map-version.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { openConnectorConfig } from "./connector-config.ts";
import { checkEntryConfig, formatEntryPath, liveCheckEntry } from "./validate-connector-entry.ts";

export async function setConnectorEnabled(options: { key: string; enabled: boolean; actor: Actor; liveChecks?: boolean }) {
  const connector = await db().connector.findUnique({ where: { key: options.key } });
  if (!connector) {
    throw new AppError("NOT_FOUND", `There is no connector "${options.key}".`, {
      text: { key: "staffConnectors.errors.notFound", values: { key: options.key } },
    });
  }
  if (connector.enabled === options.enabled)
    return { key: connector.key, enabled: connector.enabled, changed: false, dataMapVersion: null };
  if (options.enabled) {
    const entry = { type: connector.type, config: openConnectorConfig(connector.configEncrypted), actions: connector.actions };
    const problems = checkEntryConfig(entry);
    if (problems.length === 0 && options.liveChecks !== false) problems.push(...(await liveCheckEntry(entry)));
    if (problems.length) {
      const issues = problems.map((problem) => ({ path: formatEntryPath(problem.path), message: problem.message }));
      throw new AppError("VALIDATION_FAILED", `Not enabled: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`, {
        issues,
      });
    }
  }
  return db().$transaction(async (tx: Tx) => {
    const moved = await tx.connector.updateMany({
      where: { id: connector.id, enabled: !options.enabled },
      data: { enabled: options.enabled },
    });
    if (moved.count === 0) return { key: connector.key, enabled: options.enabled, changed: false, dataMapVersion: null };
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: options.enabled ? "connector.enabled" : "connector.disabled",
      data: { connectorId: connector.id, key: connector.key },
    });
    // Which sources are in use is part of the record of processing.
    return { key: connector.key, enabled: options.enabled, changed: true, dataMapVersion: await recordDataMapVersion(tx, options.actor) };
  });
}
