// The `mysql` connector: a MySQL or MariaDB database that holds a company's customer data, mapped
// table by table exactly as a `postgres` source is (../sql/config.ts). The engine is shared with
// the other SQL sources (../sql/); this folder holds what is MySQL's own (dialect.ts, catalog.ts,
// pool.ts, values.ts).
import type { ConnectorType } from "../connector.ts";
import { sqlConnector } from "../sql/connector.ts";
import { type MysqlConfig, mysqlConfigSchema } from "./config.ts";
import { mysqlDialect } from "./dialect.ts";

export { type MysqlConfig, mysqlConfigSchema } from "./config.ts";
export { closeMysqlConnectorPools } from "./pool.ts";

// The url holds the password; hashSalt is secret too: with it, anyone holding a hashed value could test guesses against it.
export const mysqlConnector: ConnectorType<MysqlConfig> = sqlConnector("mysql", mysqlDialect, mysqlConfigSchema, [["url"], ["hashSalt"]]);
