// Corrections from the form, applied to the columns the config maps them to, in one transaction.
// Each table gets one UPDATE with all its corrections, on rows found from keys resolved before any
// change: correcting the email that identifies the person cannot hide the rows still to correct.
import type pg from "pg";
import type { ConnectorContext, Correction, RectifyReceipt, Subject } from "../connector.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { inTransaction } from "./pool.ts";
import { type ResolvedScope, resolveKeys } from "./resolve-keys.ts";
import { personPredicate, qualified, quoteIdent } from "./sql.ts";

export async function rectifyRows(
  config: PostgresConfig,
  subject: Subject,
  corrections: Correction[],
  context: ConnectorContext,
): Promise<RectifyReceipt> {
  // The last correction of a field wins, as on the form.
  const values = new Map(corrections.map((correction) => [correction.field, correction.correctValue]));
  const unmapped = [...values.keys()].filter(
    (field) => !config.tables.some((table) => table.rectify && Object.hasOwn(table.rectify, field)),
  );
  const targets = config.tables
    .map((table) => ({ table, fields: Object.entries(table.rectify ?? {}).filter(([field]) => values.has(field)) }))
    .filter((target) => target.fields.length > 0);
  if (targets.length === 0) return { applied: [], unmapped };

  const applied = await inTransaction(config.url, async (client) => {
    const catalog = await readCatalogOrThrow(client, config);
    const resolved = await resolveKeys(client, config, catalog, subject);
    const done: RectifyReceipt["applied"] = [];
    for (const { table, fields } of targets) {
      context.signal?.throwIfAborted();
      const rows = await updateTable(client, resolved, table, fields, values);
      for (const [field, column] of fields) done.push({ field, category: table.table, column, rows });
    }
    return done;
  });
  return { applied, unmapped };
}

async function updateTable(
  client: pg.ClientBase,
  resolved: ResolvedScope,
  table: TableConfig,
  fields: Array<[string, string]>,
  values: Map<string, string>,
): Promise<number> {
  const scope = resolved.scope();
  const set = fields.map(([field, column]) => `${quoteIdent(column)} = ${scope.params.add(values.get(field))}`).join(", ");
  const where = personPredicate(scope, table, "t", resolved.parentKeys);
  try {
    const result = await client.query(
      `UPDATE ${qualified(scope.config.schema, table.table)} AS t SET ${set} WHERE ${where}`,
      scope.params.values,
    );
    return result.rowCount ?? 0;
  } catch (error) {
    throw new Error(rectifyProblem(table.table, fields, error), { cause: error });
  }
}

/** Names the table and columns; leaves out PostgreSQL's text when it would quote the person's value. */
function rectifyProblem(table: string, fields: Array<[string, string]>, error: unknown): string {
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : "";
  const columns = fields.map(([, column]) => `"${column}"`).join(", ");
  const quotesValue = code.startsWith("22") || code.startsWith("23");
  const reason = quotesValue
    ? `the value does not fit the column (SQLSTATE ${code})`
    : error instanceof Error
      ? error.message
      : String(error);
  return `Could not correct ${columns} of table "${table}": ${reason}`;
}
