// Everything a source holds about the person, table by table, streamed through a server-side
// cursor so a customer with a million order lines costs the same memory as one with three.
import type { AccessRecord, ConnectorContext, Subject } from "../connector.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { topDown } from "./graph.ts";
import { connect } from "./pool.ts";
import { liveParentKeys, Params, personPredicate, qualified, quoteIdent, type Scope } from "./sql.ts";
import { rowToFields } from "./values.ts";

const BATCH = 500;

export async function* accessRecords(config: PostgresConfig, subject: Subject, context: ConnectorContext): AsyncGenerator<AccessRecord> {
  const client = await connect(config.url);
  let open = false;
  let broken = false;
  try {
    // One snapshot for every table, so a child row never appears without its parent or vice versa.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    open = true;
    await client.query("SET LOCAL statement_timeout = '60s'");
    // One output format whatever the database's defaults are (pool.ts turns it into ISO 8601).
    await client.query("SET LOCAL TimeZone = 'UTC'");
    await client.query("SET LOCAL DateStyle = 'ISO, YMD'");
    await client.query("SET LOCAL IntervalStyle = 'iso_8601'");
    const catalog = await readCatalogOrThrow(client, config);
    for (const [index, table] of topDown(config).entries()) {
      const scope: Scope = { config, catalog, subject, params: new Params() };
      const cursor = `dsar_access_${index}`;
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${selectPersonRows(scope, table)}`, scope.params.values);
      for (;;) {
        context.signal?.throwIfAborted();
        const { rows } = await client.query(`FETCH ${BATCH} FROM ${cursor}`);
        for (const row of rows) yield { source: "", category: table.table, fields: rowToFields(row) };
        if (rows.length < BATCH) break;
      }
      await client.query(`CLOSE ${cursor}`);
    }
    await client.query("COMMIT");
    open = false;
  } finally {
    // Also reached when the reader stops early or fails: no transaction may stay open on a pooled connection.
    if (open) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
    }
    client.release(broken);
  }
}

function selectPersonRows(scope: Scope, table: TableConfig): string {
  const list = table.columns ? table.columns.map((column) => `t.${quoteIdent(column)}`).join(", ") : "t.*";
  const where = personPredicate(scope, table, "t", liveParentKeys(scope));
  return `SELECT ${list} FROM ${qualified(scope.config.schema, table.table)} AS t WHERE ${where}`;
}
