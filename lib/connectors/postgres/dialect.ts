// PostgreSQL's side of the shared SQL engine: double-quoted names, $n parameters, temporary tables
// for remembered keys, (tableoid, ctid) as the row identity, server-side cursors for streaming.
import type pg from "pg";
import { isText } from "../sql/catalog.ts";
import { ConnectionProblem, type KeySet, type SqlDialect, type SqlSession } from "../sql/dialect.ts";
import type { Params } from "../sql/sql.ts";
import { rowToFields } from "../sql/values.ts";
import { readPostgresCatalog, readPostgresForeignKeys, readPostgresUniqueKeys } from "./catalog.ts";
import type { PostgresConfig } from "./config.ts";
import { connect, inTransaction } from "./pool.ts";
import { postgresValueFormat } from "./value-format.ts";

/** A PostgreSQL identifier in double quotes, inner quotes doubled: `eMail` → `"eMail"`. */
export function quoteIdent(name: string): string {
  if (name.includes("\0")) throw new Error("An identifier cannot contain a NUL character");
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** A pg client as a session of the shared engine. */
export function postgresSession(client: pg.ClientBase): SqlSession {
  return {
    async query(sql, params) {
      const result = await client.query(sql, params);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}

const BATCH = 500;
const INTEGER_RANGE: Record<string, bigint> = { int2: 32767n, int4: 2147483647n, int8: 9223372036854775807n };

type TempKeys = KeySet & { name: string };

export const postgresDialect: SqlDialect<PostgresConfig> = {
  name: "PostgreSQL",
  schemaOf: (config) => config.schema,
  quote: quoteIdent,
  qualified,

  inTransaction: (url, work) => inTransaction(url, (client) => work(postgresSession(client))),

  async withSession(url, work) {
    let client: pg.PoolClient;
    try {
      client = await connect(url);
    } catch (error) {
      throw new ConnectionProblem(error instanceof Error ? error.message : String(error));
    }
    try {
      return await work(postgresSession(client));
    } finally {
      client.release();
    }
  },

  async openSnapshot(url) {
    const client = await connect(url);
    const session = postgresSession(client);
    let open = false;
    let broken = false;
    let cursors = 0;
    try {
      // One snapshot for every table, so a child row never appears without its parent or vice versa.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      open = true;
      await client.query("SET LOCAL statement_timeout = '60s'");
      // One output format whatever the database's defaults are (pool.ts turns it into ISO 8601).
      await client.query("SET LOCAL TimeZone = 'UTC'");
      await client.query("SET LOCAL DateStyle = 'ISO, YMD'");
      await client.query("SET LOCAL IntervalStyle = 'iso_8601'");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      client.release(true);
      throw error;
    }
    return {
      session,
      async *stream(sql, params) {
        const cursor = `dsar_access_${cursors++}`;
        await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
        for (;;) {
          const { rows } = await client.query(`FETCH ${BATCH} FROM ${cursor}`);
          yield* rows;
          if (rows.length < BATCH) break;
        }
        await client.query(`CLOSE ${cursor}`);
      },
      async commit() {
        await client.query("COMMIT");
        open = false;
      },
      async close() {
        if (open) {
          await client.query("ROLLBACK").catch(() => {
            broken = true;
          });
        }
        client.release(broken);
      },
    };
  },

  async schemaProblem(session, config) {
    const schemas = await session.query("SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1", [
      config.schema,
    ]);
    if (schemas.rows[0].n !== 0) return null;
    return { path: ["schema"], message: `There is no schema "${config.schema}" in this database (or this user cannot see it)` };
  },
  async tableNames(session, schema) {
    const tables = await session.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name", [
      schema,
    ]);
    return tables.rows.map((row) => String(row.table_name));
  },
  readCatalog: readPostgresCatalog,
  readForeignKeys: readPostgresForeignKeys,
  readUniqueKeys: readPostgresUniqueKeys,

  emailPredicate(target, column, param) {
    // A citext column compares so by itself, and its own index serves a plain equality; elsewhere
    // lower() on both sides, which an index on lower(column) serves (the connector test says to create one).
    if (column.udtName === "citext") return `${target} = ${param}`;
    return `lower(${target}${isText(column) ? "" : "::text"}) = lower(${param}::text)`;
  },

  /**
   * Compares in the column's own type where possible so an index on it is used; a value that cannot
   * be of that type (letters for an integer id) matches nothing rather than failing the transaction.
   */
  accountPredicate(target, column, value, params) {
    const limit = INTEGER_RANGE[column.udtName];
    if (limit !== undefined) {
      if (!/^-?\d{1,19}$/.test(value)) return "FALSE";
      const number = BigInt(value);
      return number > limit || number < -limit - 1n ? "FALSE" : `${target} = ${params.add(value)}`;
    }
    if (column.udtName === "uuid") {
      return /^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/i.test(value) ? `${target} = ${params.add(value)}` : "FALSE";
    }
    if (isText(column)) return `${target} = ${params.add(value)}`;
    return `${target}::text = ${params.add(value)}::text`;
  },

  // The physical address: unique across partitions, stable in the transaction until the row changes.
  rowIdentity: (_table, alias) => [`${alias}.tableoid`, `${alias}.ctid`],

  async remember(session, name, select, params, width) {
    // ON COMMIT DROP: gone with the transaction, whether it commits or rolls back.
    const result = await session.query(`CREATE TEMP TABLE ${name} ON COMMIT DROP AS ${select}`, params);
    const columns = Array.from({ length: width }, (_, i) => `c${i}`);
    const set: TempKeys = {
      name,
      rows: result.rowCount,
      contains: (expressions: string[]) => `${tuple(expressions)} IN (SELECT ${columns.join(", ")} FROM pg_temp.${name})`,
    };
    return set;
  },

  deleteFrom: (table, alias) => `DELETE FROM ${table} AS ${alias}`,
  text: (param) => `${param}::text`,
  distinct: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  hash: (salt, value, length) => `left(encode(sha256(convert_to(${salt}::text || ${value}::text, 'UTF8')), 'hex'), ${length})`,
  matches: (value, pattern) => `${value}::text ~ ${pattern}::text`,

  async updateTracked(session, table, set, where, tracked, params: Params) {
    if (!tracked) {
      const condition = where("p");
      return (await session.query(`UPDATE ${table} AS p SET ${set} WHERE ${condition}`, params.values)).rowCount;
    }
    // Updating a row gives it a new ctid: the old address is read in the same statement as the
    // update, through a self-join on it, and the remembered set moved along.
    const condition = where("old");
    const name = (tracked as TempKeys).name;
    const statement = `WITH moved AS (UPDATE ${table} AS p SET ${set} FROM ${table} AS old
          WHERE old.tableoid = p.tableoid AND old.ctid = p.ctid AND ${condition}
          RETURNING p.tableoid AS o, p.ctid AS c, old.tableoid AS old_o, old.ctid AS old_c),
        kept AS (UPDATE pg_temp.${name} AS s SET c0 = moved.o, c1 = moved.c FROM moved WHERE s.c0 = moved.old_o AND s.c1 = moved.old_c)
       SELECT o, c FROM moved`;
    return (await session.query(statement, params.values)).rowCount;
  },

  errorState: (error) => (typeof error === "object" && error && "code" in error ? String(error.code) : ""),

  lookupAdvice(config, catalog) {
    return config.tables.flatMap((table) => {
      const email = table.identity?.email;
      const column = email === undefined ? undefined : catalog.get(table.table)?.get(email);
      if (!email || !column || column.udtName === "citext" || column.lowerIndexed) return [];
      return [
        `finding a person in "${table.table}" reads the whole table (no index on lower("${email}")); create one: ` +
          `CREATE INDEX ON ${qualified(config.schema, table.table)} (lower(${quoteIdent(email)}))`,
      ];
    });
  },

  // pool.ts's parsers already give every value in its documented format.
  rowToFields: (row) => rowToFields(row),
  valueFormat: postgresValueFormat,
};

function tuple(expressions: string[]): string {
  return expressions.length === 1 ? expressions[0] : `(${expressions.join(", ")})`;
}
