// The `postgres` connector: any PostgreSQL database that holds a company's customer data, mapped
// table by table (config.ts). The engine is shared with the other SQL sources (../sql/); this
// folder holds what is PostgreSQL's own (dialect.ts, catalog.ts, pool.ts).
import type { ConnectorType } from "../connector.ts";
import { sqlConnector } from "../sql/connector.ts";
import { type PostgresConfig, postgresConfigSchema } from "./config.ts";
import { postgresDialect } from "./dialect.ts";

export { type PostgresConfig, postgresConfigSchema } from "./config.ts";
export { quoteIdent } from "./dialect.ts";
export { closePostgresConnectorPools } from "./pool.ts";

// hashSalt is secret too: with it, anyone holding a hashed value could test guesses against it.
export const postgresConnector: ConnectorType<PostgresConfig> = sqlConnector("postgres", postgresDialect, postgresConfigSchema, [
  ["url"],
  ["hashSalt"],
]);
