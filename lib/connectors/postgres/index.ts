// The `postgres` connector: any PostgreSQL database that holds a company's customer data, mapped
// table by table in config.ts. Every statement quotes identifiers and passes values as parameters.
import type { ConnectorType } from "../connector.ts";
import { accessRecords } from "./access.ts";
import { checkConfig, mappingAdvice } from "./check.ts";
import { type PostgresConfig, postgresConfigSchema } from "./config.ts";
import { eraseRows } from "./erase.ts";
import { inTransaction } from "./pool.ts";
import { rectifyRows } from "./rectify.ts";

export { type PostgresConfig, postgresConfigSchema } from "./config.ts";
export { closePostgresConnectorPools } from "./pool.ts";
export { quoteIdent } from "./sql.ts";

export const postgresConnector: ConnectorType<PostgresConfig> = {
  type: "postgres",
  configSchema: postgresConfigSchema,
  // hashSalt is secret too: with it, anyone holding a hashed value could test guesses against it.
  secretPaths: [["url"], ["hashSalt"]],
  categories: (config) => config.tables.map((table) => ({ name: table.table, reference: table.reference === true })),
  check: checkConfig,
  async test(config) {
    try {
      await inTransaction(config.url, (client) => client.query("SELECT 1"));
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const problems = await checkConfig(config);
    if (problems.length === 0) {
      const count = config.tables.length;
      const advice = await mappingAdvice(config);
      const slow = advice.length > 0 ? `. To consider: ${advice.join("; ")}` : "";
      return { ok: true, message: `Connected; ${count} ${count === 1 ? "table" : "tables"} mapped${slow}` };
    }
    const shown = problems.slice(0, 3).map((problem) => `${problem.path.join(".")}: ${problem.message}`);
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
    return { ok: false, message: `Connected, but the mapping does not match the database: ${shown.join("; ")}${more}` };
  },
  access: (config, subject, context) => accessRecords(config, subject, context),
  erase: eraseRows,
  rectify: rectifyRows,
};
