// What the database says the mapped tables look like. `check` compares it with the config; erase
// and access use the column types to build comparisons and masks that the column can hold.
import type pg from "pg";
import type { PostgresConfig } from "./config.ts";

export type ColumnInfo = {
  name: string;
  /** As information_schema spells it: "integer", "text", "character varying", "USER-DEFINED"… */
  dataType: string;
  udtName: string;
  maxLength: number | null;
  /** pg_type.typcategory: N numeric, S string, D date/time, U user-defined… */
  category: string;
  nullable: boolean;
  /** An index on lower(column) exists, so a case-insensitive lookup on it need not read the whole table. */
  lowerIndexed: boolean;
};

/** Table name → column name → column, for the mapped tables that exist in the schema. */
export type Catalog = Map<string, Map<string, ColumnInfo>>;

/** A foreign key that points at a mapped table, from any table of any schema. */
export type ForeignKey = {
  name: string;
  fromSchema: string;
  fromTable: string;
  fromColumns: string[];
  /** The mapped table it references, and that table's columns in the same order. */
  toTable: string;
  toColumns: string[];
  /** pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
};

/** A unique index or constraint of a mapped table (a partial index counts only for its rows, so it is left out). */
export type UniqueKey = { name: string; table: string; columns: string[] };

export async function readCatalog(client: pg.ClientBase, config: PostgresConfig): Promise<Catalog> {
  const names = config.tables.map((table) => table.table);
  const { rows } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    character_maximum_length: number | null;
    typcategory: string | null;
    is_nullable: string;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length, t.typcategory, c.is_nullable
       FROM information_schema.columns c
       LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = c.udt_schema
       LEFT JOIN pg_catalog.pg_type t ON t.typname = c.udt_name AND t.typnamespace = n.oid
      WHERE c.table_schema = $1 AND c.table_name = ANY($2::text[])
      ORDER BY c.table_name, c.ordinal_position`,
    [config.schema, names],
  );
  const catalog: Catalog = new Map();
  for (const row of rows) {
    if (!catalog.has(row.table_name)) catalog.set(row.table_name, new Map());
    catalog.get(row.table_name)!.set(row.column_name, {
      name: row.column_name,
      dataType: row.data_type,
      udtName: row.udt_name,
      maxLength: row.character_maximum_length,
      category: row.typcategory ?? "X",
      nullable: row.is_nullable === "YES",
      lowerIndexed: false,
    });
  }
  const lowered = await client.query<{ table_name: string; column_name: string }>(
    `SELECT DISTINCT c.relname::text AS table_name, a.attname::text AS column_name
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND i.indpred IS NULL
        AND pg_catalog.pg_get_indexdef(i.indexrelid, 1, true) IN
            ('lower(' || quote_ident(a.attname) || ')', 'lower(' || quote_ident(a.attname) || '::text)')`,
    [config.schema, names],
  );
  for (const row of lowered.rows) {
    const column = catalog.get(row.table_name)?.get(row.column_name);
    if (column) column.lowerIndexed = true;
  }
  return catalog;
}

const NAMES_OF = (keys: string, relation: string) =>
  `array(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(n, i)
           JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.n ORDER BY k.i)`;

/** Every foreign key that references a mapped table (top-level constraints only, not a partition's copies). */
export async function readForeignKeys(client: pg.ClientBase, config: PostgresConfig): Promise<ForeignKey[]> {
  const { rows } = await client.query<{
    name: string;
    from_schema: string;
    from_table: string;
    from_columns: string[];
    to_table: string;
    to_columns: string[];
    on_delete: string;
  }>(
    `SELECT c.conname::text AS name, sn.nspname::text AS from_schema, src.relname::text AS from_table,
            ${NAMES_OF("c.conkey", "c.conrelid")} AS from_columns, dst.relname::text AS to_table,
            ${NAMES_OF("c.confkey", "c.confrelid")} AS to_columns, c.confdeltype::text AS on_delete
       FROM pg_catalog.pg_constraint c
       JOIN pg_catalog.pg_class dst ON dst.oid = c.confrelid
       JOIN pg_catalog.pg_namespace dn ON dn.oid = dst.relnamespace
       JOIN pg_catalog.pg_class src ON src.oid = c.conrelid
       JOIN pg_catalog.pg_namespace sn ON sn.oid = src.relnamespace
      WHERE c.contype = 'f' AND c.conparentid = 0 AND dn.nspname = $1 AND dst.relname = ANY($2::text[])
      ORDER BY src.relname, c.conname`,
    [config.schema, config.tables.map((table) => table.table)],
  );
  return rows.map((row) => ({
    name: row.name,
    fromSchema: row.from_schema,
    fromTable: row.from_table,
    fromColumns: row.from_columns,
    toTable: row.to_table,
    toColumns: row.to_columns,
    onDelete: row.on_delete,
  }));
}

/** The unique indexes (and so unique and primary-key constraints) of the mapped tables. */
export async function readUniqueKeys(client: pg.ClientBase, config: PostgresConfig): Promise<UniqueKey[]> {
  const { rows } = await client.query<{ name: string; table: string; columns: string[] }>(
    `SELECT ic.relname::text AS name, tc.relname::text AS table, ${NAMES_OF("i.indkey::int2[]", "i.indrelid")} AS columns
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace
      WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL AND n.nspname = $1 AND tc.relname = ANY($2::text[])
      ORDER BY tc.relname, ic.relname`,
    [config.schema, config.tables.map((table) => table.table)],
  );
  return rows;
}

/** The catalog, or an error naming the first mapped table or column that has gone since `check`. */
export async function readCatalogOrThrow(client: pg.ClientBase, config: PostgresConfig): Promise<Catalog> {
  const catalog = await readCatalog(client, config);
  for (const table of config.tables) {
    const columns = catalog.get(table.table);
    if (!columns)
      throw new Error(`Table "${table.table}" is not in schema "${config.schema}" (or this user cannot see it); run the connector check`);
    for (const column of mappedColumns(table)) {
      if (!columns.has(column)) throw new Error(`Table "${table.table}" has no column "${column}"; run the connector check`);
    }
  }
  for (const table of config.tables) {
    if (table.via && !catalog.get(table.via.parent)?.has(table.via.parentColumn)) {
      throw new Error(`Table "${table.via.parent}" has no column "${table.via.parentColumn}"; run the connector check`);
    }
  }
  return catalog;
}

/** Every column of its own that a table's mapping names. */
export function mappedColumns(table: PostgresConfig["tables"][number]): string[] {
  return [
    table.identity?.email,
    table.identity?.accountId,
    table.via?.column,
    ...(table.columns ?? []),
    ...(table.erase.strategy === "mask" ? Object.keys(table.erase.columns) : []),
    ...Object.values(table.rectify ?? {}),
  ].filter((column): column is string => column !== undefined);
}

export function isText(column: ColumnInfo): boolean {
  return column.category === "S";
}
