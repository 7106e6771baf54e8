// Erasure of the person's rows in one transaction: keys resolved top-down first, then each table
// acted on bottom-up (children before every parent, so foreign keys never block a parent's delete).
// Any failure rolls back every table: a source is erased completely or not at all.
//
// Idempotent: a second run deletes nothing (the rows are gone) and masks nothing (rows already
// masked are left alone and not counted). Once an identity column is masked (e.g. the email
// hashed), that row — and the rows below it — are no longer found by that identifier at all;
// this is expected: the person is no longer identifiable there. An account id only narrows a match
// on the email (sql.ts), so it does not find such a row either. Retained rows are counted again
// while the row above them is still found.
import type { ConnectorContext, EraseReceipt, Subject } from "../connector.ts";
import { isText, readCatalogOrThrow } from "./catalog.ts";
import { UNIQUE_HASH_MIN } from "./check.ts";
import { type Link, linksOf, type SqlConfig, type TableConfig } from "./config.ts";
import type { ColumnInfo, ForeignKey, KeySet, SqlDialect, SqlSession } from "./dialect.ts";
import { bottomUp, tableNamed } from "./graph.ts";
import { type ResolvedScope, resolveKeys } from "./resolve-keys.ts";
import { columnsOf, type Params, personPredicate, type Scope, tuple } from "./sql.ts";

export const REDACTED = "[erased]";
export const SHARED_REASON = "shared with other records";

type Detail = EraseReceipt["details"][number];

export async function eraseRows<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  config: C,
  subject: Subject,
  context: ConnectorContext,
): Promise<EraseReceipt> {
  return dialect.inTransaction(config.url, async (session) => {
    const catalog = await readCatalogOrThrow(dialect, session, config);
    const resolved = await resolveKeys(dialect, session, config, catalog, subject);
    const names = config.tables.map((table) => table.table);
    const shared = await resolveSharedRows(session, resolved, await dialect.readForeignKeys(session, dialect.schemaOf(config), names));
    const details: Detail[] = [];
    // Reference tables (film titles, cities) are never the person's data: not erased, not counted.
    for (const table of bottomUp(config).filter((candidate) => !candidate.reference)) {
      context.signal?.throwIfAborted();
      const sharedRows = shared.get(table.table);
      details.push(await eraseTable(session, resolved, table, catalog.get(table.table)!, sharedRows));
      if (sharedRows && sharedRows.rows > 0) details.push(await keepShared(session, resolved, table, sharedRows, shared));
    }
    const affected = details.filter((detail) => detail.strategy !== "retain").reduce((sum, detail) => sum + detail.rows, 0);
    return { affected, details };
  });
}

/** `rowIdentity` of the row `alias` of `table` is not one of the shared rows. */
function notShared(scope: Scope, table: TableConfig, alias: string, shared: KeySet): string {
  return `NOT COALESCE(${shared.contains(scope.dialect.rowIdentity(table.table, alias, scope.catalog.get(table.table)!), scope.params)}, FALSE)`;
}

async function eraseTable(
  session: SqlSession,
  resolved: ResolvedScope,
  table: TableConfig,
  columns: Map<string, ColumnInfo>,
  sharedRows: KeySet | undefined,
): Promise<Detail> {
  const scope = resolved.scope();
  const { dialect } = scope;
  const qualified = dialect.qualified(scope.schema, table.table);
  let where = personPredicate(scope, table, "t", resolved.parentKeys);
  if (sharedRows) where += ` AND ${notShared(scope, table, "t", sharedRows)}`;
  const erase = table.erase;
  if (erase.strategy === "delete") {
    const result = await session.query(`${dialect.deleteFrom(qualified, "t")} WHERE ${where}`, scope.params.values);
    return { category: table.table, strategy: "delete", rows: result.rowCount };
  }
  if (erase.strategy === "retain") {
    const result = await session.query(`SELECT COUNT(*) AS n FROM ${qualified} AS t WHERE ${where}`, scope.params.values);
    return { category: table.table, strategy: "retain", rows: Number(result.rows[0].n), reason: erase.reason };
  }
  const masks = Object.entries(erase.columns).map(([column, action]) =>
    maskOf(scope, column, action, columns.get(column)!, scope.config.hashSalt ?? `${table.table}.${column}`),
  );
  const set = masks.map((mask) => `${dialect.quote(mask.column)} = ${mask.value}`).join(", ");
  // Only rows still holding something to mask are touched, so a second run reports 0.
  const pending = masks.map((mask) => mask.pending).join(" OR ");
  const result = await session.query(`UPDATE ${qualified} AS t SET ${set} WHERE ${where} AND (${pending})`, scope.params.values);
  return {
    category: table.table,
    strategy: "mask",
    rows: result.rowCount,
    columns: Object.fromEntries(masks.map((mask) => [mask.column, mask.applied])),
  };
}

/**
 * Before anything changes, the person's rows of each deleted or masked table that rows outside
 * the person's set point to, by the engine's row identity (PostgreSQL: tableoid and ctid, unique
 * across partitions and stable in this transaction until the row itself is changed; MariaDB: the
 * primary key). A row is shared when it is pointed to by a row of a mapped table that is not the
 * person's (through a foreign key, or through one of the map's own `via` links), or — for a table
 * reached through `via` — by any row of a table the map does not list (staff and stores pointing to
 * the customer's address). A table found by the person's own identifier is theirs: unmapped rows
 * pointing to it (their rentals) do not make it shared.
 */
async function resolveSharedRows(session: SqlSession, resolved: ResolvedScope, foreignKeys: ForeignKey[]): Promise<Map<string, KeySet>> {
  const config = resolved.scope().config;
  const found = new Map<string, KeySet>();
  for (const [index, table] of config.tables.entries()) {
    if (table.erase.strategy === "retain" || table.reference) continue;
    const scope = resolved.scope();
    const others = othersPointingTo(scope, resolved, table, foreignKeys);
    if (others.length === 0) continue;
    const identity = scope.dialect.rowIdentity(table.table, "t", scope.catalog.get(table.table)!);
    const where = personPredicate(scope, table, "t", resolved.parentKeys);
    const select = identity.map((expression, i) => `${expression} AS c${i}`).join(", ");
    const set = await scope.dialect.remember(
      session,
      `dsar_shared_${index}`,
      `SELECT ${select} FROM ${scope.dialect.qualified(scope.schema, table.table)} AS t WHERE ${where} AND (${others.join(" OR ")})`,
      scope.params.values,
      identity.length,
    );
    found.set(table.table, set);
  }
  return found;
}

/** Conditions over `t` (a row of `table`) that hold when a row outside the person's set points to it. */
function othersPointingTo(scope: Scope, resolved: ResolvedScope, table: TableConfig, foreignKeys: ForeignKey[]): string[] {
  const { config, dialect } = scope;
  const links = linksOf(table);
  const conditions: string[] = [];
  const notThePersons = (mapped: TableConfig, alias: string) =>
    `NOT COALESCE(${personPredicate(scope, mapped, alias, resolved.parentKeys)}, FALSE)`;
  foreignKeys
    .filter((key) => key.toTable === table.table)
    .forEach((key, i) => {
      const alias = `r${i}`;
      const joined = key.fromColumns
        .map((column, j) => `${alias}.${dialect.quote(column)} = t.${dialect.quote(key.toColumns[j])}`)
        .join(" AND ");
      // Rows of a reference table are nobody's in particular: they count as other records.
      const mapped =
        key.fromSchema === scope.schema
          ? config.tables.find((candidate) => candidate.table === key.fromTable && !candidate.reference)
          : undefined;
      const from = `${dialect.qualified(key.fromSchema, key.fromTable)} AS ${alias}`;
      if (mapped) conditions.push(`EXISTS (SELECT 1 FROM ${from} WHERE ${joined} AND ${notThePersons(mapped, alias)})`);
      else if (links.length > 0) conditions.push(`EXISTS (SELECT 1 FROM ${from} WHERE ${joined})`);
    });
  links.forEach((link, i) => {
    const parent = tableNamed(config, link.parent);
    const alias = `pv${i}`;
    const joined = link.parentColumns
      .map((column, j) => `${alias}.${dialect.quote(column)} = t.${dialect.quote(link.columns[j])}`)
      .join(" AND ");
    conditions.push(
      `EXISTS (SELECT 1 FROM ${dialect.qualified(scope.schema, parent.table)} AS ${alias} WHERE ${joined} AND ${notThePersons(parent, alias)})`,
    );
  });
  return conditions;
}

/**
 * The receipt line for the shared rows left alone; with `unlink`, the person's links to them are
 * cleared first (each `via` link's parent columns set to NULL on the person's parent rows). Where
 * clearing a link moves the parent rows' identity (PostgreSQL), the parent's own shared set is
 * moved along so those rows stay protected.
 */
async function keepShared(
  session: SqlSession,
  resolved: ResolvedScope,
  table: TableConfig,
  shared: KeySet,
  allShared: Map<string, KeySet>,
): Promise<Detail> {
  const erase = table.erase as { shared?: "keep" | "unlink" };
  const links = linksOf(table);
  if (erase.shared !== "unlink" || links.length === 0) {
    return { category: table.table, strategy: "retain", rows: shared.rows, reason: SHARED_REASON };
  }
  const cleared: string[] = [];
  for (const link of links) {
    const rows = await unlink(session, resolved, table, link, shared, allShared.get(link.parent));
    const columns = link.parentColumns.map((column) => `"${link.parent}"."${column}"`).join(", ");
    cleared.push(`${columns} set to NULL in ${rows} ${rows === 1 ? "row" : "rows"}`);
  }
  return {
    category: table.table,
    strategy: "retain",
    rows: shared.rows,
    reason: `${SHARED_REASON}; unlinked from the person (${cleared.join("; ")})`,
  };
}

async function unlink(
  session: SqlSession,
  resolved: ResolvedScope,
  table: TableConfig,
  link: Link,
  shared: KeySet,
  parentShared: KeySet | undefined,
): Promise<number> {
  const scope = resolved.scope();
  const { dialect } = scope;
  const parent = tableNamed(scope.config, link.parent);
  const set = link.parentColumns.map((column) => `${dialect.quote(column)} = NULL`).join(", ");
  const where = (alias: string) => {
    const person = personPredicate(scope, parent, alias, resolved.parentKeys);
    const sharedRows = shared.contains(dialect.rowIdentity(table.table, "t", scope.catalog.get(table.table)!), scope.params);
    const linked = `SELECT ${columnsOf(scope, "t", link.columns).join(", ")} FROM ${dialect.qualified(scope.schema, table.table)} AS t WHERE ${sharedRows}`;
    return `${person} AND ${tuple(columnsOf(scope, alias, link.parentColumns))} IN (${linked})`;
  };
  return dialect.updateTracked(session, dialect.qualified(scope.schema, parent.table), set, where, parentShared, scope.params);
}

type Mask = { column: string; value: string; pending: string; applied: string };

/**
 * The new value of a masked column. `redact` writes "[erased]", `hash` the SHA-256 hex of salt +
 * value, `unique-hash` that hex cut to the column's length (at most 64): different per row, so a
 * UNIQUE column takes it. A column that cannot hold that text (a number, a date, varchar(5)) is set
 * to NULL; the connector check refuses such a mapping before it is applied.
 */
function maskOf(scope: Scope, column: string, action: "null" | "redact" | "hash" | "unique-hash", info: ColumnInfo, salt: string): Mask {
  const { dialect } = scope;
  const params: Params = scope.params;
  const current = `t.${dialect.quote(column)}`;
  const toNull = (applied: string): Mask => ({ column, value: "NULL", pending: `${current} IS NOT NULL`, applied });
  const fits = (length: number) => isText(info) && (info.maxLength === null || info.maxLength >= length);
  const typeName = info.maxLength === null ? info.dataType : `${info.dataType}(${info.maxLength})`;
  if (action === "null") return toNull("null");
  if (action === "redact") {
    if (!fits(REDACTED.length)) return toNull(`null ("${column}" is ${typeName}, which cannot hold "${REDACTED}")`);
    const redacted = params.add(REDACTED);
    return { column, value: dialect.text(redacted), pending: dialect.distinct(current, dialect.text(redacted)), applied: "redact" };
  }
  const length = action === "hash" ? 64 : Math.min(64, info.maxLength ?? 64);
  if (!fits(action === "hash" ? 64 : UNIQUE_HASH_MIN)) {
    return toNull(`null ("${column}" is ${typeName}, which cannot hold a ${length}-character hash)`);
  }
  const hashed = dialect.hash(params.add(salt), current, length);
  // A value that already is hex digits of that length was hashed by an earlier run: hashing it
  // again would change it for nothing when another column of the row still needs masking.
  const alreadyHashed = dialect.matches(current, params.add(`^[0-9a-f]{${length}}$`));
  return {
    column,
    value: `CASE WHEN ${alreadyHashed} THEN ${current} ELSE ${hashed} END`,
    pending: `(${current} IS NOT NULL AND NOT ${alreadyHashed})`,
    applied: action,
  };
}
