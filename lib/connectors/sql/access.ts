// Everything a source holds about the person, table by table, in one read-only snapshot (so a
// child row never appears without its parent or vice versa), streamed so a customer with a
// million order lines costs the same memory as one with three.
import type { AccessRecord, ConnectorContext, Subject } from "../connector.ts";
import type { FieldFormat } from "../value-formats.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import type { SqlConfig, TableConfig } from "./config.ts";
import type { ColumnInfo, SqlDialect } from "./dialect.ts";
import { topDown } from "./graph.ts";
import { liveParentKeys, Params, personPredicate, type Scope } from "./sql.ts";

export async function* accessRecords<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  config: C,
  subject: Subject,
  context: ConnectorContext,
): AsyncGenerator<AccessRecord> {
  const reader = await dialect.openSnapshot(config.url);
  try {
    const catalog = await readCatalogOrThrow(dialect, reader.session, config);
    const schema = dialect.schemaOf(config);
    for (const table of topDown(config)) {
      const scope: Scope = { dialect, schema, config, catalog, subject, params: new Params() };
      const columns = catalog.get(table.table);
      const formats = formatsOf(dialect, table, columns);
      for await (const row of reader.stream(selectPersonRows(scope, table), scope.params.values)) {
        context.signal?.throwIfAborted();
        const fields = dialect.rowToFields(row, columns);
        yield formats ? { source: "", category: table.table, fields, formats } : { source: "", category: table.table, fields };
      }
    }
    await reader.commit();
  } finally {
    // Also reached when the reader stops early or fails: no transaction may stay open on a pooled connection.
    await reader.close();
  }
}

/** The format of each selected column written as text standing for something else (a date, an exact number); none when there is no such column. */
function formatsOf<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  table: TableConfig,
  columns: Map<string, ColumnInfo> | undefined,
): Record<string, FieldFormat> | undefined {
  const formats: Record<string, FieldFormat> = {};
  for (const name of table.columns ?? [...(columns?.keys() ?? [])]) {
    const column = columns?.get(name);
    const format = column && dialect.valueFormat(column);
    if (format) formats[name] = format;
  }
  return Object.keys(formats).length ? formats : undefined;
}

function selectPersonRows(scope: Scope, table: TableConfig): string {
  const list = table.columns ? table.columns.map((column) => `t.${scope.dialect.quote(column)}`).join(", ") : "t.*";
  const where = personPredicate(scope, table, "t", liveParentKeys());
  return `SELECT ${list} FROM ${scope.dialect.qualified(scope.schema, table.table)} AS t WHERE ${where}`;
}
