// The catalog as the engine uses it at run time: what check compared, read again in the
// transaction, so a table or column dropped since fails with its name before anything changes.
// A catalog found complete is kept per connector version (the hash of its config: a saved change
// reads it again) for CATALOG_CACHE_MS, so a busy source is not asked for it on every task; a
// catalog that misses something is never kept.
import { createHash } from "node:crypto";
import type { SqlConfig, TableConfig } from "./config.ts";
import { linksOf } from "./config.ts";
import type { Catalog, ColumnInfo, SqlDialect, SqlSession } from "./dialect.ts";

/** How long a complete catalog is reused: a table dropped meanwhile is named again within this time. */
export const CATALOG_CACHE_MS = 5 * 60_000;
const CACHE_LIMIT = 200;
const cached = new Map<string, { catalog: Catalog; until: number }>();

/** The catalog, or an error naming the first mapped table or column that has gone since `check`. */
export async function readCatalogOrThrow<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  session: SqlSession,
  config: C,
  now = Date.now(),
): Promise<Catalog> {
  // The dialect's own object is part of the key: a PostgreSQL and a MySQL source never share one.
  const key = `${dialectIds.get(dialect) ?? rememberDialect(dialect)}:${createHash("sha256").update(JSON.stringify(config)).digest("hex")}`;
  const hit = cached.get(key);
  if (hit && hit.until > now) return hit.catalog;
  const catalog = await readAndCheckCatalog(dialect, session, config);
  if (cached.size >= CACHE_LIMIT) cached.delete(cached.keys().next().value as string);
  cached.set(key, { catalog, until: now + CATALOG_CACHE_MS });
  return catalog;
}

const dialectIds = new WeakMap<object, number>();
let dialectsSeen = 0;
function rememberDialect(dialect: object): number {
  const id = ++dialectsSeen;
  dialectIds.set(dialect, id);
  return id;
}

async function readAndCheckCatalog<C extends SqlConfig>(dialect: SqlDialect<C>, session: SqlSession, config: C): Promise<Catalog> {
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
