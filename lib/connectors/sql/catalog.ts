// The catalog as the engine uses it at run time: what check compared, read again in the
// transaction, so a table or column dropped since fails with its name before anything changes.
import type { SqlConfig, TableConfig } from "./config.ts";
import { linksOf } from "./config.ts";
import type { Catalog, ColumnInfo, SqlDialect, SqlSession } from "./dialect.ts";

/** The catalog, or an error naming the first mapped table or column that has gone since `check`. */
export async function readCatalogOrThrow<C extends SqlConfig>(dialect: SqlDialect<C>, session: SqlSession, config: C): Promise<Catalog> {
  const schema = dialect.schemaOf(config);
  const catalog = await dialect.readCatalog(
    session,
    schema,
    config.tables.map((table) => table.table),
  );
  for (const table of config.tables) {
    const columns = catalog.get(table.table);
    if (!columns)
      throw new Error(`Table "${table.table}" is not in schema "${schema}" (or this user cannot see it); run the connector check`);
    for (const column of mappedColumns(table)) {
      if (!columns.has(column)) throw new Error(`Table "${table.table}" has no column "${column}"; run the connector check`);
    }
  }
  for (const table of config.tables) {
    for (const link of linksOf(table)) {
      const missing = link.parentColumns.find((column) => !catalog.get(link.parent)?.has(column));
      if (missing !== undefined) throw new Error(`Table "${link.parent}" has no column "${missing}"; run the connector check`);
    }
  }
  return catalog;
}

/** Every column of its own that a table's mapping names. */
export function mappedColumns(table: TableConfig): string[] {
  return [
    table.identity?.email,
    table.identity?.accountId,
    ...linksOf(table).flatMap((link) => link.columns),
    ...Object.keys(table.where ?? {}),
    ...(table.columns ?? []),
    ...(table.erase.strategy === "mask" ? Object.keys(table.erase.columns) : []),
    ...Object.values(table.rectify ?? {}),
  ].filter((column): column is string => column !== undefined);
}

export function isText(column: ColumnInfo): boolean {
  return column.category === "S";
}
