// Corrections from the form, applied to the columns the config maps them to, in one transaction.
// Each table gets one UPDATE with all its corrections, on rows found from keys resolved before any
// change: correcting the email that identifies the person cannot hide the rows still to correct.
import type { ConnectorContext, Correction, RectifyReceipt, Subject } from "../connector.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import type { SqlConfig, TableConfig } from "./config.ts";
import type { SqlDialect, SqlSession } from "./dialect.ts";
import { type ResolvedScope, resolveKeys } from "./resolve-keys.ts";
import { personPredicate } from "./sql.ts";

export async function rectifyRows<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  config: C,
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

  const applied = await dialect.inTransaction(config.url, async (session) => {
    const catalog = await readCatalogOrThrow(dialect, session, config);
    const resolved = await resolveKeys(dialect, session, config, catalog, subject);
    const done: RectifyReceipt["applied"] = [];
    for (const { table, fields } of targets) {
      context.signal?.throwIfAborted();
      const rows = await updateTable(session, resolved, table, fields, values);
      for (const [field, column] of fields) done.push({ field, category: table.table, column, rows });
    }
    return done;
  });
  return { applied, unmapped };
}

async function updateTable(
  session: SqlSession,
  resolved: ResolvedScope,
  table: TableConfig,
  fields: Array<[string, string]>,
  values: Map<string, string>,
): Promise<number> {
  const scope = resolved.scope();
  const { dialect } = scope;
  const set = fields.map(([field, column]) => `${dialect.quote(column)} = ${scope.params.add(values.get(field))}`).join(", ");
  const where = personPredicate(scope, table, "t", resolved.parentKeys);
  try {
    const result = await session.query(
      `UPDATE ${dialect.qualified(scope.schema, table.table)} AS t SET ${set} WHERE ${where}`,
      scope.params.values,
    );
    return result.rowCount;
  } catch (error) {
    throw new Error(rectifyProblem(dialect.errorState(error), table.table, fields, error), { cause: error });
  }
}

/** Names the table and columns; leaves out the database's text when it would quote the person's value. */
function rectifyProblem(state: string, table: string, fields: Array<[string, string]>, error: unknown): string {
  const columns = fields.map(([, column]) => `"${column}"`).join(", ");
  const quotesValue = state.startsWith("22") || state.startsWith("23");
  const reason = quotesValue
    ? `the value does not fit the column (SQLSTATE ${state})`
    : error instanceof Error
      ? error.message
      : String(error);
  return `Could not correct ${columns} of table "${table}": ${reason}`;
}
