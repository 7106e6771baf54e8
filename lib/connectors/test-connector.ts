// Tests one stored connector against its system: its config is validated again by its type's
// schema, then the type's own test runs. Any failure becomes a message a person can act on.
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Connector } from "../generated/prisma/client.ts";
import type { TestResult } from "./connector.ts";
import { openConnectorConfig } from "./connector-config.ts";
import { connectorType } from "./registry.ts";

export async function testConnector(connector: Pick<Connector, "type" | "configEncrypted">): Promise<TestResult> {
  try {
    const type = connectorType(connector.type);
    const config = type.configSchema.parse(openConnectorConfig(connector.configEncrypted));
    return await type.test(config);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The connectors page's "Test" button: the connector by its key. */
export async function testConnectorByKey(key: string): Promise<TestResult & { key: string }> {
  const connector = await db().connector.findUnique({ where: { key }, select: { type: true, configEncrypted: true } });
  if (!connector) {
    throw new AppError("NOT_FOUND", `There is no connector "${key}".`, {
      text: { key: "staffConnectors.errors.notFound", values: { key } },
    });
  }
  return { key, ...(await testConnector(connector)) };
}
