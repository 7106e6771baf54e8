// Erasure of the person's rows in one transaction: keys resolved top-down first, then each table
// acted on bottom-up (children before parents, so foreign keys never block a parent's delete).
// Any failure rolls back every table: a source is erased completely or not at all.
//
// Idempotent: a second run deletes nothing (the rows are gone) and masks nothing (rows already
// masked are left alone and not counted). Once an identity column is masked (e.g. the email
// hashed), that row — and the rows below it — are no longer found by that identifier at all;
// this is expected: the person is no longer identifiable there. An account id only narrows a match
// on the email (sql.ts), so it does not find such a row either. Retained rows are counted again
// while the row above them is still found.
import type pg from "pg";
import type { ConnectorContext, EraseReceipt, Subject } from "../connector.ts";
import { type ColumnInfo, type ForeignKey, isText, readCatalogOrThrow, readForeignKeys } from "./catalog.ts";
import { UNIQUE_HASH_MIN } from "./check.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { bottomUp } from "./graph.ts";
import { inTransaction } from "./pool.ts";
import { type ResolvedScope, resolveKeys } from "./resolve-keys.ts";
import { type Params, personPredicate, qualified, quoteIdent, type Scope } from "./sql.ts";

export const REDACTED = "[erased]";
export const SHARED_REASON = "shared with other records";

type Detail = EraseReceipt["details"][number];

export async function eraseRows(config: PostgresConfig, subject: Subject, context: ConnectorContext): Promise<EraseReceipt> {
  return inTransaction(config.url, async (client) => {
    const catalog = await readCatalogOrThrow(client, config);
    const resolved = await resolveKeys(client, config, catalog, subject);
    const shared = await resolveSharedRows(client, resolved, await readForeignKeys(client, config));
    const details: Detail[] = [];
    // Reference tables (film titles, cities) are never the person's data: not erased, not counted.
    for (const table of bottomUp(config).filter((candidate) => !candidate.reference)) {
      context.signal?.throwIfAborted();
      const sharedRows = shared.get(table.table);
      details.push(await eraseTable(client, resolved, table, catalog.get(table.table)!, sharedRows?.name));
      if (sharedRows && sharedRows.rows > 0) {
        details.push(await keepShared(client, resolved, table, sharedRows, table.via ? shared.get(table.via.parent) : undefined));
      }
    }
    const affected = details.filter((detail) => detail.strategy !== "retain").reduce((sum, detail) => sum + detail.rows, 0);
    return { affected, details };
  });
}

async function eraseTable(
  client: pg.ClientBase,
  resolved: ResolvedScope,
  table: TableConfig,
  columns: Map<string, ColumnInfo>,
  sharedRows: string | undefined,
): Promise<Detail> {
  const scope = resolved.scope();
  const target = `${qualified(scope.config.schema, table.table)} AS t`;
  const alone = sharedRows ? ` AND NOT EXISTS (SELECT 1 FROM pg_temp.${sharedRows} AS s WHERE s.o = t.tableoid AND s.c = t.ctid)` : "";
  const where = personPredicate(scope, table, "t", resolved.parentKeys) + alone;
  const erase = table.erase;
  if (erase.strategy === "delete") {
    const result = await client.query(`DELETE FROM ${target} WHERE ${where}`, scope.params.values);
    return { category: table.table, strategy: "delete", rows: result.rowCount ?? 0 };
  }
  if (erase.strategy === "retain") {
    const result = await client.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${target} WHERE ${where}`, scope.params.values);
    return { category: table.table, strategy: "retain", rows: result.rows[0].rows, reason: erase.reason };
  }
  const masks = Object.entries(erase.columns).map(([column, action]) =>
    maskOf(column, action, columns.get(column)!, scope.config.hashSalt ?? `${table.table}.${column}`, scope.params),
  );
  const set = masks.map((mask) => `${quoteIdent(mask.column)} = ${mask.value}`).join(", ");
  // Only rows still holding something to mask are touched, so a second run reports 0.
  const pending = masks.map((mask) => mask.pending).join(" OR ");
  const result = await client.query(`UPDATE ${target} SET ${set} WHERE ${where} AND (${pending})`, scope.params.values);
  return {
    category: table.table,
    strategy: "mask",
    rows: result.rowCount ?? 0,
    columns: Object.fromEntries(masks.map((mask) => [mask.column, mask.applied])),
  };
}

type SharedRows = { name: string; rows: number };

/**
 * Before anything changes, the person's rows of each deleted or masked table that rows outside
 * the person's set point to, by physical address (tableoid, ctid: unique across partitions, and
 * stable in this transaction until the row itself is changed). A row is shared when it is pointed
 * to by a row of a mapped table that is not the person's (through a foreign key, or through the
 * map's own `via` link), or — for a table reached through `via` — by any row of a table the map
 * does not list (staff and stores pointing to the customer's address). A table found by the
 * person's own identifier is theirs: unmapped rows pointing to it (their rentals) do not make it
 * shared.
 */
async function resolveSharedRows(
  client: pg.ClientBase,
  resolved: ResolvedScope,
  foreignKeys: ForeignKey[],
): Promise<Map<string, SharedRows>> {
  const config = resolved.scope().config;
  const found = new Map<string, SharedRows>();
  for (const [index, table] of config.tables.entries()) {
    if (table.erase.strategy === "retain" || table.reference) continue;
    const scope = resolved.scope();
    const others = othersPointingTo(scope, resolved, table, foreignKeys);
    if (others.length === 0) continue;
    const name = `dsar_shared_${index}`;
    const where = personPredicate(scope, table, "t", resolved.parentKeys);
    const result = await client.query(
      `CREATE TEMP TABLE ${name} ON COMMIT DROP AS SELECT t.tableoid AS o, t.ctid AS c FROM ${qualified(config.schema, table.table)} AS t
        WHERE ${where} AND (${others.join(" OR ")})`,
      scope.params.values,
    );
    found.set(table.table, { name, rows: result.rowCount ?? 0 });
  }
  return found;
}

/** Conditions over `t` (a row of `table`) that hold when a row outside the person's set points to it. */
function othersPointingTo(scope: Scope, resolved: ResolvedScope, table: TableConfig, foreignKeys: ForeignKey[]): string[] {
  const config = scope.config;
  const conditions: string[] = [];
  const notThePersons = (mapped: TableConfig, alias: string) =>
    `NOT COALESCE(${personPredicate(scope, mapped, alias, resolved.parentKeys)}, FALSE)`;
  foreignKeys
    .filter((key) => key.toTable === table.table)
    .forEach((key, i) => {
      const alias = `r${i}`;
      const joined = key.fromColumns.map((column, j) => `${alias}.${quoteIdent(column)} = t.${quoteIdent(key.toColumns[j])}`).join(" AND ");
      // Rows of a reference table are nobody's in particular: they count as other records.
      const mapped =
        key.fromSchema === config.schema
          ? config.tables.find((candidate) => candidate.table === key.fromTable && !candidate.reference)
          : undefined;
      const from = `${qualified(key.fromSchema, key.fromTable)} AS ${alias}`;
      if (mapped) conditions.push(`EXISTS (SELECT 1 FROM ${from} WHERE ${joined} AND ${notThePersons(mapped, alias)})`);
      else if (table.via) conditions.push(`EXISTS (SELECT 1 FROM ${from} WHERE ${joined})`);
    });
  if (table.via) {
    const parent = config.tables.find((candidate) => candidate.table === table.via!.parent)!;
    conditions.push(
      `EXISTS (SELECT 1 FROM ${qualified(config.schema, parent.table)} AS pv WHERE pv.${quoteIdent(table.via.parentColumn)} = t.${quoteIdent(table.via.column)} AND ${notThePersons(parent, "pv")})`,
    );
  }
  return conditions;
}

/**
 * The receipt line for the shared rows left alone; with `unlink`, the person's link to them is
 * cleared first. Clearing it gives the parent rows a new physical address: the parent's own
 * shared set (when it has one) is moved along so those rows stay protected.
 */
async function keepShared(
  client: pg.ClientBase,
  resolved: ResolvedScope,
  table: TableConfig,
  shared: SharedRows,
  parentShared: SharedRows | undefined,
): Promise<Detail> {
  const erase = table.erase as { shared?: "keep" | "unlink" };
  if (erase.shared !== "unlink" || !table.via)
    return { category: table.table, strategy: "retain", rows: shared.rows, reason: SHARED_REASON };
  const scope = resolved.scope();
  const schema = scope.config.schema;
  const parent = scope.config.tables.find((candidate) => candidate.table === table.via!.parent)!;
  const link = quoteIdent(table.via.parentColumn);
  const unlinked = `UPDATE ${qualified(schema, parent.table)} AS p SET ${link} = NULL
      WHERE ${personPredicate(scope, parent, "p", resolved.parentKeys)}
        AND p.${link} IN (SELECT t.${quoteIdent(table.via.column)} FROM ${qualified(schema, table.table)} AS t
                           JOIN pg_temp.${shared.name} AS s ON s.o = t.tableoid AND s.c = t.ctid)
      RETURNING p.tableoid AS o, p.ctid AS c`;
  // The old address is read in the same statement as the update, through a self-join on it.
  const statement = parentShared
    ? `WITH moved AS (UPDATE ${qualified(schema, parent.table)} AS p SET ${link} = NULL FROM ${qualified(schema, parent.table)} AS old
          WHERE old.tableoid = p.tableoid AND old.ctid = p.ctid AND ${personPredicate(scope, parent, "old", resolved.parentKeys)}
            AND old.${link} IN (SELECT t.${quoteIdent(table.via.column)} FROM ${qualified(schema, table.table)} AS t
                                 JOIN pg_temp.${shared.name} AS s ON s.o = t.tableoid AND s.c = t.ctid)
          RETURNING p.tableoid AS o, p.ctid AS c, old.tableoid AS old_o, old.ctid AS old_c),
        kept AS (UPDATE pg_temp.${parentShared.name} AS s SET o = moved.o, c = moved.c FROM moved WHERE s.o = moved.old_o AND s.c = moved.old_c)
       SELECT o, c FROM moved`
    : unlinked;
  const result = await client.query(statement, scope.params.values);
  const rows = result.rowCount ?? 0;
  return {
    category: table.table,
    strategy: "retain",
    rows: shared.rows,
    reason: `${SHARED_REASON}; unlinked from the person ("${parent.table}"."${table.via.parentColumn}" set to NULL in ${rows} ${rows === 1 ? "row" : "rows"})`,
  };
}

type Mask = { column: string; value: string; pending: string; applied: string };

/**
 * The new value of a masked column. `redact` writes "[erased]", `hash` the SHA-256 hex of salt +
 * value, `unique-hash` that hex cut to the column's length (at most 64): different per row, so a
 * UNIQUE column takes it. A column that cannot hold that text (a number, a date, varchar(5)) is set
 * to NULL; the connector check refuses such a mapping before it is applied.
 */
function maskOf(column: string, action: "null" | "redact" | "hash" | "unique-hash", info: ColumnInfo, salt: string, params: Params): Mask {
  const current = `t.${quoteIdent(column)}`;
  const toNull = (applied: string): Mask => ({ column, value: "NULL", pending: `${current} IS NOT NULL`, applied });
  const fits = (length: number) => isText(info) && (info.maxLength === null || info.maxLength >= length);
  const typeName = info.maxLength === null ? info.dataType : `${info.dataType}(${info.maxLength})`;
  if (action === "null") return toNull("null");
  if (action === "redact") {
    if (!fits(REDACTED.length)) return toNull(`null ("${column}" is ${typeName}, which cannot hold "${REDACTED}")`);
    const redacted = params.add(REDACTED);
    return { column, value: `${redacted}::text`, pending: `${current} IS DISTINCT FROM ${redacted}::text`, applied: "redact" };
  }
  const length = action === "hash" ? 64 : Math.min(64, info.maxLength ?? 64);
  if (!fits(action === "hash" ? 64 : UNIQUE_HASH_MIN)) {
    return toNull(`null ("${column}" is ${typeName}, which cannot hold a ${length}-character hash)`);
  }
  const hashed = `left(encode(sha256(convert_to(${params.add(salt)}::text || ${current}::text, 'UTF8')), 'hex'), ${length})`;
  // A value that already is hex digits of that length was hashed by an earlier run: hashing it
  // again would change it for nothing when another column of the row still needs masking.
  const alreadyHashed = `${current}::text ~ ${params.add(`^[0-9a-f]{${length}}$`)}::text`;
  return {
    column,
    value: `CASE WHEN ${alreadyHashed} THEN ${current} ELSE ${hashed} END`,
    pending: `(${current} IS NOT NULL AND NOT ${alreadyHashed})`,
    applied: action,
  };
}
