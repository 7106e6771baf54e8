// MySQL/MariaDB's side of the shared SQL engine: backquoted names, values escaped into the text
// (pool.ts), the primary key as the row identity, remembered keys held in memory (MySQL cannot
// name one temporary table twice in a statement), rows streamed from the server as they come.
import type { Connection } from "mysql2";
import type { PoolConnection } from "mysql2/promise";
import { isText } from "../sql/catalog.ts";
import { ConnectionProblem, type SqlDialect, type SqlSession } from "../sql/dialect.ts";
import { readMysqlCatalog, readMysqlForeignKeys, readMysqlTableNames, readMysqlUniqueKeys } from "./catalog.ts";
import { databaseOf, type MysqlConfig } from "./config.ts";
import { connectMysql } from "./pool.ts";
import { mysqlRowToFields, mysqlValueFormat } from "./values.ts";

/** A MySQL identifier in backquotes, inner backquotes doubled: `eMail` → `` `eMail` ``. */
export function quoteMysqlIdent(name: string): string {
  if (name.includes("\0")) throw new Error("An identifier cannot contain a NUL character");
  return `\`${name.replaceAll("`", "``")}\``;
}

const qualified = (schema: string, table: string) => `${quoteMysqlIdent(schema)}.${quoteMysqlIdent(table)}`;

type MysqlSession = SqlSession & { raw: SqlSession };

export function mysqlSession(connection: PoolConnection): MysqlSession {
  const run =
    (raw: boolean): SqlSession["query"] =>
    async (sql, params) => {
      const [result] = await connection.query({ sql, values: params, ...(raw ? { typeCast: true } : {}) });
      if (Array.isArray(result)) return { rows: result as Array<Record<string, unknown>>, rowCount: result.length };
      return { rows: [], rowCount: (result as { affectedRows: number }).affectedRows };
    };
  // Keys remembered for later statements are read as the driver gives them (dates as the server
  // writes them, bits as bytes), so they compare equal when sent back.
  return { query: run(false), raw: { query: run(true) } };
}

const INTEGERS: Record<string, bigint> = {
  tinyint: 127n,
  smallint: 32767n,
  mediumint: 8388607n,
  int: 2147483647n,
  integer: 2147483647n,
  bigint: 9223372036854775807n,
};

async function rollbackOrDestroy(connection: PoolConnection): Promise<void> {
  try {
    await connection.query("ROLLBACK");
    connection.release();
  } catch {
    connection.destroy();
  }
}

export const mysqlDialect: SqlDialect<MysqlConfig> = {
  name: "MySQL",
  schemaOf: (config) => databaseOf(config.url),
  quote: quoteMysqlIdent,
  qualified,

  async inTransaction(url, work) {
    const connection = await connectMysql(url);
    try {
      await connection.query("START TRANSACTION");
      const result = await work(mysqlSession(connection));
      await connection.query("COMMIT");
      connection.release();
      return result;
    } catch (error) {
      await rollbackOrDestroy(connection);
      throw error;
    }
  },

  async withSession(url, work) {
    const connection = await connectMysql(url);
    try {
      return await work(mysqlSession(connection));
    } finally {
      connection.release();
    }
  },

  async openSnapshot(url) {
    const connection = await connectMysql(url);
    let open = false;
    // A stream left before its end leaves rows on the wire: that connection is dropped, not reused.
    let unfinished = false;
    try {
      await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      await connection.query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      open = true;
    } catch (error) {
      connection.destroy();
      throw error;
    }
    return {
      session: mysqlSession(connection),
      async *stream(sql, params) {
        unfinished = true;
        const core = connection.connection as unknown as Connection;
        const rows = core.query({ sql, values: params }).stream({ highWaterMark: 500 });
        for await (const row of rows) yield row as Record<string, unknown>;
        unfinished = false;
      },
      async commit() {
        await connection.query("COMMIT");
        open = false;
      },
      async close() {
        if (unfinished) connection.destroy();
        else if (open) await rollbackOrDestroy(connection);
        else connection.release();
      },
    };
  },

  // The database is in the url: a missing one fails the connection, reported at the url.
  schemaProblem: async () => null,
  tableNames: readMysqlTableNames,
  readCatalog: readMysqlCatalog,
  readForeignKeys: readMysqlForeignKeys,
  readUniqueKeys: readMysqlUniqueKeys,

  emailPredicate(target, column, param) {
    // A case-insensitive collation (MariaDB's and MySQL's defaults) compares so by itself, and a
    // plain index on the column serves it; a binary or case-sensitive one needs LOWER() on both sides.
    if (column.caseInsensitive) return `${target} = ${param}`;
    return `LOWER(CONVERT(${target} USING utf8mb4)) = LOWER(CONVERT(${param} USING utf8mb4))`;
  },

  /**
   * Compares in the column's own type; a value that cannot be of that type (letters for an integer
   * id) matches nothing, since MySQL would turn '2abc' into 2. Text is compared byte for byte too,
   * so a case-insensitive collation cannot make "ab-1" find "AB-1".
   */
  accountPredicate(target, column, value, params) {
    const limit = INTEGERS[column.dataType];
    if (limit !== undefined) {
      if (!/^-?\d{1,20}$/.test(value)) return "FALSE";
      const number = BigInt(value);
      const unsigned = /unsigned/.test(column.udtName);
      const [low, high] = unsigned ? [0n, limit * 2n + 1n] : [-limit - 1n, limit];
      return number < low || number > high ? "FALSE" : `${target} = ${params.add(value)}`;
    }
    const param = params.add(value);
    if (isText(column)) return `(${target} = ${param} AND CAST(${target} AS BINARY) = CAST(${param} AS BINARY))`;
    return `CAST(${target} AS CHAR) = ${param}`;
  },

  rowIdentity(table, alias, columns) {
    const key = [...columns.values()].filter((column) => column.inPrimaryKey);
    if (key.length === 0) {
      throw new Error(
        `Table "${table}" has no primary key: MySQL has no other way to tell its rows apart, so a row other records share could not be set aside. ` +
          "Add a primary key, or retain these rows (erase: { strategy: retain, reason: … })",
      );
    }
    return key.map((column) => `${alias}.${quoteMysqlIdent(column.name)}`);
  },

  async remember(session, _name, select, params, width) {
    const { rows } = await (session as MysqlSession).raw.query(select, params);
    // A key with a NULL in it equals nothing: it can be left out.
    const tuples = rows
      .map((row) => Array.from({ length: width }, (_, i) => row[`c${i}`]))
      .filter((tuple) => tuple.every((value) => value !== null && value !== undefined));
    return {
      rows: rows.length,
      contains(expressions, statement) {
        if (tuples.length === 0) return "FALSE";
        const listed = tuples.map((tuple) =>
          tuple.length === 1 ? statement.add(tuple[0]) : `(${tuple.map((value) => statement.add(value)).join(", ")})`,
        );
        const left = expressions.length === 1 ? expressions[0] : `(${expressions.join(", ")})`;
        return `${left} IN (${listed.join(", ")})`;
      },
    };
  },

  deleteFrom: (table, alias) => `DELETE ${alias} FROM ${table} AS ${alias}`,
  text: (param) => param,
  distinct: (a, b) => `NOT (${a} <=> ${b})`,
  // UTF-8 bytes whatever the column's character set, so the hash equals PostgreSQL's for the same text.
  hash: (salt, value, length) => `LEFT(SHA2(CONVERT(CONCAT(${salt}, ${value}) USING utf8mb4), 256), ${length})`,
  matches: (value, pattern) => `CAST(${value} AS BINARY) REGEXP ${pattern}`,

  // A primary key does not move when another column changes: nothing to carry along.
  async updateTracked(session, table, set, where, _tracked, params) {
    const condition = where("p");
    return (await session.query(`UPDATE ${table} AS p SET ${set} WHERE ${condition}`, params.values)).rowCount;
  },

  errorState: (error) => (typeof error === "object" && error && "sqlState" in error ? String(error.sqlState) : ""),

  lookupAdvice(config, catalog) {
    const schema = databaseOf(config.url);
    return config.tables.flatMap((table) => {
      const email = table.identity?.email;
      const column = email === undefined ? undefined : catalog.get(table.table)?.get(email);
      if (!email || !column) return [];
      if (!column.caseInsensitive) {
        return [
          `"${table.table}"."${email}" has collation ${column.collation ?? "binary"}, which tells capitals apart: the email is compared with LOWER() on both sides, ` +
            `which no index serves; a case-insensitive collation (e.g. utf8mb4_unicode_ci) lets an index on the column find the person`,
        ];
      }
      if (column.lowerIndexed) return [];
      return [
        `finding a person in "${table.table}" reads the whole table (no index on "${email}"); create one: ` +
          `CREATE INDEX ${quoteMysqlIdent(`${table.table}_${email}`.slice(0, 64))} ON ${qualified(schema, table.table)} (${quoteMysqlIdent(email)})`,
      ];
    });
  },

  rowToFields: mysqlRowToFields,
  valueFormat: mysqlValueFormat,
};

export { ConnectionProblem };
