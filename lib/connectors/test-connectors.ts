// Tests every enabled connector against its system and says, for each, whether it answers.
import { db } from "../db.ts";
import { testConnector } from "./test-connector.ts";

export async function testConnectors(): Promise<Array<{ key: string; type: string; ok: boolean; message: string }>> {
  const connectors = await db().connector.findMany({ where: { enabled: true }, orderBy: { key: "asc" } });
  const results = [];
  for (const connector of connectors) results.push({ key: connector.key, type: connector.type, ...(await testConnector(connector)) });
  return results;
}
