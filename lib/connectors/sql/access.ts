// Everything a source holds about the person, table by table, in one read-only snapshot (so a
// child row never appears without its parent or vice versa), streamed so a customer with a
// million order lines costs the same memory as one with three.
import type { AccessRecord, ConnectorContext, Subject } from "../connector.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import type { SqlConfig, TableConfig } from "./config.ts";
import type { SqlDialect } from "./dialect.ts";
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
      for await (const row of reader.stream(selectPersonRows(scope, table), scope.params.values)) {
        context.signal?.throwIfAborted();
        yield { source: "", category: table.table, fields: dialect.rowToFields(row, columns) };
      }
    }
    await reader.commit();
  } finally {
    // Also reached when the reader stops early or fails: no transaction may stay open on a pooled connection.
    await reader.close();
  }
}

function selectPersonRows(scope: Scope, table: TableConfig): string {
  const list = table.columns ? table.columns.map((column) => `t.${scope.dialect.quote(column)}`).join(", ") : "t.*";
  const where = personPredicate(scope, table, "t", liveParentKeys());
  return `SELECT ${list} FROM ${scope.dialect.qualified(scope.schema, table.table)} AS t WHERE ${where}`;
}
