// Reads a PostgreSQL schema for discovery, in one READ ONLY transaction with short statement and
// lock timeouts: the catalog (tables, columns, keys, foreign keys), then a bounded sample of each
// table's rows, turned into pattern counts as they arrive. Identifiers are always quoted.
import pg from "pg";
import { readPostgresForeignKeys } from "../connectors/postgres/catalog.ts";
import { postgresSession } from "../connectors/postgres/dialect.ts";
import { AppError } from "../errors.ts";
import type { Inspection, InspectOptions } from "./inspect-source.ts";
import { type ReadRows, sampleTables } from "./sample-tables.ts";
import type { CatalogColumn, CatalogTable, ColumnKind, SourceCatalog } from "./source-catalog.ts";
import { connectionError, errorCode } from "./source-errors.ts";

const NAMES_OF = (keys: string, relation: string) =>
  `array(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(n, i)
           JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.n ORDER BY k.i)`;

export async function inspectPostgres(url: string, options: InspectOptions): Promise<Inspection> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    statement_timeout: options.statementTimeoutMs,
    application_name: "dsar-portal-discovery",
  });
  // A connection dropped mid-way must fail the next query, not the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw connectionError("PostgreSQL", url, error);
  }
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${Math.round(options.statementTimeoutMs)}`);
    await client.query("SET LOCAL lock_timeout = 2000");
    const schema = options.schema ?? "public";
    const catalog = await readCatalog(client, schema);
    const { sample, unsampled } = await sampleTables(catalog, options, rowReader(client, schema));
    await client.query("ROLLBACK");
    return { catalog, sample, unsampled, sourceName: databaseName(url) ?? schema };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = errorCode(error) || "unknown";
    throw new AppError("BAD_REQUEST", `PostgreSQL refused to describe the schema (error ${code}).`, {
      text: { key: "staffConnectors.errors.describeRefused", values: { engine: "PostgreSQL", code } },
    });
  } finally {
    await client.end().catch(() => {});
  }
}

type ColumnRow = {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  max_length: number | null;
  category: string | null;
  nullable: boolean;
};

async function readCatalog(client: pg.Client, schema: string): Promise<SourceCatalog> {
  const exists = await client.query("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", [schema]);
  if (exists.rowCount === 0)
    throw new AppError("BAD_REQUEST", `There is no schema "${schema}" in this database (or this user cannot see it).`, {
      text: { key: "staffConnectors.errors.noSchema", values: { schema } },
    });
  const columns = await client.query<ColumnRow>(
    `SELECT c.relname::text AS table_name, a.attname::text AS column_name, format_type(a.atttypid, NULL) AS data_type,
            t.typname::text AS udt_name, information_schema._pg_char_max_length(information_schema._pg_truetypid(a, t),
            information_schema._pg_truetypmod(a, t)) AS max_length, bt.typcategory::text AS category, NOT a.attnotnull AS nullable
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       JOIN pg_catalog.pg_type bt ON bt.oid = information_schema._pg_truetypid(a, t)
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const keys = await client.query<{ table_name: string; columns: string[]; primary: boolean }>(
    `SELECT tc.relname::text AS table_name, ${NAMES_OF("i.indkey::int2[]", "i.indrelid")} AS columns, i.indisprimary AS primary
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace
      WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL AND n.nspname = $1
      ORDER BY tc.relname, (SELECT relname FROM pg_catalog.pg_class WHERE oid = i.indexrelid)`,
    [schema],
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns.rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [], primaryKey: [], uniqueKeys: [] };
    table.columns.push(columnOf(row));
    tables.set(row.table_name, table);
  }
  for (const row of keys.rows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    table.uniqueKeys.push(row.columns);
    if (row.primary) table.primaryKey = row.columns;
  }
  // The connector's own reader, so discovery and the connector's check see the same foreign keys.
  const foreignKeys = await readPostgresForeignKeys(postgresSession(client), schema, [...tables.keys()]);
  return { dialect: "postgres", schema, tables: [...tables.values()], foreignKeys };
}

function columnOf(row: ColumnRow): CatalogColumn {
  return {
    name: row.column_name,
    type: row.data_type,
    kind: kindOf(row.category, row.udt_name),
    maxLength: row.max_length,
    nullable: row.nullable,
  };
}

/** pg_type.typcategory (of the base type for a domain): S string, N numeric, D date/time, B boolean. */
function kindOf(category: string | null, udtName: string): ColumnKind {
  if (category === "S") return "text";
  if (category === "N") return "number";
  if (category === "B") return "boolean";
  if (category === "D") return udtName === "date" ? "date" : "timestamp";
  if (udtName === "bytea") return "binary";
  return "other";
}

/** One table's rows, in a savepoint so that a table this user may not read leaves the transaction usable. */
function rowReader(client: pg.Client, schema: string): ReadRows {
  return async (table, columns, limit) => {
    const list = columns.map((column) => `left(${quoteIdent(column.name)}::text, 200)`).join(", ");
    await client.query("SAVEPOINT sample");
    try {
      const { rows } = await client.query<Array<string | null>>({
        text: `SELECT ${list} FROM ${quoteIdent(schema)}.${quoteIdent(table.name)} LIMIT ${limit}`,
        rowMode: "array",
      });
      await client.query("RELEASE SAVEPOINT sample");
      return rows;
    } catch (error) {
      await client.query("ROLLBACK TO SAVEPOINT sample");
      throw error;
    }
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function databaseName(url: string): string | null {
  try {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    return name || null;
  } catch {
    return null;
  }
}
