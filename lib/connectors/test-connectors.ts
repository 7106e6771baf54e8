// Tests every enabled connector against its system and says, for each, whether it answers.
import { db } from "../db.ts";
import { openConnectorConfig } from "./connector-config.ts";
import { connectorType } from "./registry.ts";

export async function testConnectors(): Promise<Array<{ key: string; type: string; ok: boolean; message: string }>> {
  const connectors = await db().connector.findMany({ where: { enabled: true }, orderBy: { key: "asc" } });
  const results = [];
  for (const connector of connectors) {
    try {
      const type = connectorType(connector.type);
      const config = type.configSchema.parse(openConnectorConfig(connector.configEncrypted));
      const result = await type.test(config);
      results.push({ key: connector.key, type: connector.type, ...result });
    } catch (error) {
      results.push({
        key: connector.key,
        type: connector.type,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}
