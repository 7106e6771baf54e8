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
};

/** Table name → column name → column, for the mapped tables that exist in the schema. */
export type Catalog = Map<string, Map<string, ColumnInfo>>;

export async function readCatalog(client: pg.ClientBase, config: PostgresConfig): Promise<Catalog> {
  const names = config.tables.map((table) => table.table);
  const { rows } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    character_maximum_length: number | null;
    typcategory: string | null;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length, t.typcategory
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
    });
  }
  return catalog;
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
