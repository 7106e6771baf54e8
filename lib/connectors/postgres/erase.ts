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
import { type ColumnInfo, isText, readCatalogOrThrow } from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { bottomUp } from "./graph.ts";
import { inTransaction } from "./pool.ts";
import { type ResolvedScope, resolveKeys } from "./resolve-keys.ts";
import { type Params, personPredicate, qualified, quoteIdent } from "./sql.ts";

export const REDACTED = "[erased]";
const SHA256_HEX = "^[0-9a-f]{64}$";

type Detail = EraseReceipt["details"][number];

export async function eraseRows(config: PostgresConfig, subject: Subject, context: ConnectorContext): Promise<EraseReceipt> {
  return inTransaction(config.url, async (client) => {
    const catalog = await readCatalogOrThrow(client, config);
    const resolved = await resolveKeys(client, config, catalog, subject);
    const details: Detail[] = [];
    for (const table of bottomUp(config)) {
      context.signal?.throwIfAborted();
      details.push(await eraseTable(client, resolved, table, catalog.get(table.table)!));
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
): Promise<Detail> {
  const scope = resolved.scope();
  const target = `${qualified(scope.config.schema, table.table)} AS t`;
  const where = personPredicate(scope, table, "t", resolved.parentKeys);
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

type Mask = { column: string; value: string; pending: string; applied: string };

/**
 * The new value of a masked column. `redact` writes "[erased]" and `hash` the SHA-256 hex of
 * salt + value; a column that cannot hold that text (a number, a date, varchar(5)) is set to NULL.
 */
function maskOf(column: string, action: "null" | "redact" | "hash", info: ColumnInfo, salt: string, params: Params): Mask {
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
  if (!fits(64)) return toNull(`null ("${column}" is ${typeName}, which cannot hold a 64-character hash)`);
  const hashed = `encode(sha256(convert_to(${params.add(salt)}::text || ${current}::text, 'UTF8')), 'hex')`;
  // A value that already is 64 hex digits was hashed by an earlier run: hashing it again would
  // change it for nothing when another column of the row still needs masking.
  const alreadyHashed = `${current}::text ~ ${params.add(SHA256_HEX)}::text`;
  return {
    column,
    value: `CASE WHEN ${alreadyHashed} THEN ${current} ELSE ${hashed} END`,
    pending: `(${current} IS NOT NULL AND NOT ${alreadyHashed})`,
    applied: "hash",
  };
}
