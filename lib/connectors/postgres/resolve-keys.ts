// Before erase or rectify changes anything, the join keys of the person's rows are resolved level
// by level into temporary tables. Deleting an order, masking an email or correcting an account id
// then cannot hide the rows below it: every level acts on the keys found at the start.
import type pg from "pg";
import type { Subject } from "../connector.ts";
import type { Catalog } from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { joinedColumns, topDown } from "./graph.ts";
import { Params, type ParentKeys, personPredicate, qualified, quoteIdent, type Scope } from "./sql.ts";

export type ResolvedScope = {
  /** A fresh scope (its own parameters) for one statement. */
  scope(): Scope;
  parentKeys: ParentKeys;
};

export async function resolveKeys(
  client: pg.ClientBase,
  config: PostgresConfig,
  catalog: Catalog,
  subject: Subject,
): Promise<ResolvedScope> {
  const scope = (): Scope => ({ config, catalog, subject, params: new Params() });
  const names = new Map<string, string>();
  const keyName = (table: string, column: string) => `${table}\0${column}`;
  const parentKeys: ParentKeys = (child: TableConfig) => {
    const name = names.get(keyName(child.via!.parent, child.via!.parentColumn));
    if (!name) throw new Error(`Keys of "${child.via!.parent}" were not resolved before "${child.table}"`);
    return `SELECT v FROM pg_temp.${name}`;
  };
  for (const table of topDown(config)) {
    for (const column of joinedColumns(config, table.table)) {
      const name = `dsar_keys_${names.size}`;
      const statement = scope();
      const where = personPredicate(statement, table, "t", parentKeys);
      // ON COMMIT DROP: gone with the transaction, whether it commits or rolls back.
      await client.query(
        `CREATE TEMP TABLE ${name} ON COMMIT DROP AS SELECT DISTINCT t.${quoteIdent(column)} AS v FROM ${qualified(config.schema, table.table)} AS t WHERE ${where}`,
        statement.params.values,
      );
      names.set(keyName(table.table, column), name);
    }
  }
  return { scope, parentKeys };
}
