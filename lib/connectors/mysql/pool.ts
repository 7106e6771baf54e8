// One small pool per MySQL/MariaDB source, opened on first use and kept for the life of the
// process. Statements are written with $1, $2… like PostgreSQL's; formatStatement puts each value
// in, escaped, outside quoted names (a column may be called `why?` or `$1`).
import mysql from "mysql2";
import type { Pool, PoolConnection } from "mysql2/promise";
import { ConnectionProblem } from "../sql/dialect.ts";
import { castValue } from "./values.ts";

const pools = new Map<string, Pool>();
const listening = new WeakSet<object>();

// Every session gets the same settings whatever the server's defaults: UTC (TIMESTAMP values read
// and written in UTC), strict mode (a value that does not fit fails instead of being cut), and no
// mode that would change how the statements read (ANSI_QUOTES, PIPES_AS_CONCAT, NO_BACKSLASH_ESCAPES).
const SESSION = "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

/** `$n` placeholders replaced by their escaped values, skipping `quoted names` and 'string literals'. */
export function formatStatement(sql: string, values: unknown[] | undefined): string {
  if (!values || values.length === 0) return sql;
  let out = "";
  for (let i = 0; i < sql.length; ) {
    const char = sql[i];
    if (char === "`" || char === "'") {
      let end = i + 1;
      for (;;) {
        if (end >= sql.length) break;
        if (char === "'" && sql[end] === "\\") end += 2;
        else if (sql[end] === char && sql[end + 1] === char) end += 2;
        else if (sql[end] === char) break;
        else end++;
      }
      out += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const placeholder = char === "$" ? /^\$(\d+)/.exec(sql.slice(i, i + 12)) : null;
    if (placeholder) {
      const index = Number(placeholder[1]) - 1;
      if (index < 0 || index >= values.length) throw new Error(`Statement names $${index + 1} but has ${values.length} values`);
      out += mysql.escape(values[index] as never);
      i += placeholder[0].length;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}

export function mysqlPoolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = mysql
      .createPool({
        uri: url,
        connectionLimit: 3,
        connectTimeout: 5000,
        idleTimeout: 30_000,
        charset: "utf8mb4",
        supportBigNumbers: true,
        bigNumberStrings: true,
        decimalNumbers: false,
        dateStrings: true,
        jsonStrings: true,
        typeCast: castValue as never,
        queryFormat: formatStatement,
        multipleStatements: false,
      })
      .promise();
    // An idle connection dropped by the server must not crash the process; the next checkout reconnects.
    pool.pool.on("error" as never, () => {});
    pools.set(url, pool);
  }
  return pool;
}

export async function closeMysqlConnectorPools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.end()));
}

/** A pooled connection with the session settings applied, or an error a person can act on (never the password). */
export async function connectMysql(url: string): Promise<PoolConnection> {
  let connection: PoolConnection;
  try {
    connection = await mysqlPoolFor(url).getConnection();
  } catch (error) {
    throw new ConnectionProblem(mysqlConnectionProblem(url, error));
  }
  // A connection dropped by the server while checked out fails its next query, never the process.
  if (!listening.has(connection.connection)) {
    listening.add(connection.connection);
    connection.connection.on("error", () => {});
  }
  try {
    await connection.query(SESSION);
    // Each statement may run 60 s at most (MariaDB's setting; MySQL's has another name).
    await connection.query("SET SESSION max_statement_time = 60").catch(() => connection.query("SET SESSION max_execution_time = 60000"));
  } catch (error) {
    connection.destroy();
    throw error;
  }
  return connection;
}

export function mysqlConnectionProblem(url: string, error: unknown): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const where = parsed ? `${parsed.hostname}:${parsed.port || "3306"}` : "the url";
  const user = parsed ? decodeURIComponent(parsed.username) || "(default user)" : "";
  const database = parsed ? decodeURIComponent(parsed.pathname.slice(1)) : "";
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : "";
  const raw = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED")
    return `Cannot connect to MySQL at ${where}: connection refused. Check the host and port in the url and that the server is running.`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return `The host "${parsed?.hostname}" in the url could not be found. Check its spelling.`;
  if (code === "ETIMEDOUT" || /timeout/i.test(raw))
    return `No answer from MySQL at ${where} within 5 seconds. Check the address and any firewall between the portal and the database.`;
  if (code === "ER_ACCESS_DENIED_ERROR")
    return `MySQL at ${where} refused user "${user}" with this password. Check the credentials in the url.`;
  if (code === "ER_BAD_DB_ERROR") return `There is no database "${database}" on ${where}. Check the database name at the end of the url.`;
  if (code === "ER_DBACCESS_DENIED_ERROR")
    return `User "${user}" may not use database "${database}" on ${where}. Grant it access, or check the url.`;
  const secret = parsed?.password ? [parsed.password, decodeURIComponent(parsed.password)] : [];
  return `Cannot connect to MySQL at ${where} as "${user}": ${secret.reduce((text, value) => text.replaceAll(value, "***"), raw)}`;
}
