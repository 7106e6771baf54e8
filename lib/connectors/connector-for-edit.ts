// One connector as the edit form shows it: every field, the config without its secrets and the data
// map (as YAML, the connectors file's language), and for each secret only whether one is stored.
import { stringify } from "yaml";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { openConnectorConfig } from "./connector-config.ts";
import { secretFields, withoutSecrets } from "./connector-secrets.ts";

export async function connectorForEdit(key: string) {
  const connector = await db().connector.findUnique({ where: { key } });
  if (!connector) {
    throw new AppError("NOT_FOUND", `There is no connector "${key}".`, {
      text: { key: "staffConnectors.errors.notFound", values: { key } },
    });
  }
  const config = openConnectorConfig(connector.configEncrypted);
  return {
    key: connector.key,
    name: connector.name,
    type: connector.type,
    actions: connector.actions.map((action) => action.toLowerCase()),
    enabled: connector.enabled,
    maxAttempts: connector.maxAttempts,
    concurrency: connector.concurrency,
    rateLimitPerSecond: connector.rateLimitPerSecond,
    fieldDescriptionsText: connector.fieldDescriptions ? stringify(connector.fieldDescriptions) : "",
    /** The data map as stored: what the edit form shows, and posts back unless an admin edits it. */
    dataMap: connector.dataMap,
    dataMapText: connector.dataMap ? stringify(connector.dataMap) : "",
    configText: stringify(withoutSecrets(connector.type, config)),
    secrets: secretFields(connector.type, config),
  };
}

export type ConnectorForEdit = Awaited<ReturnType<typeof connectorForEdit>>;
