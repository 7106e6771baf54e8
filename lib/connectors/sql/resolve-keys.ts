// Before erase or rectify changes anything, the join keys of the person's rows are resolved level
// by level and remembered for the transaction. Deleting an order, masking an email or correcting
// an account id then cannot hide the rows below it: every level acts on the keys found at the start.
import type { Subject } from "../connector.ts";
import type { SqlConfig } from "./config.ts";
import type { Catalog, KeySet, SqlDialect, SqlSession } from "./dialect.ts";
import { joinedColumns, topDown } from "./graph.ts";
import { columnsOf, Params, type ParentKeys, personPredicate, type Scope } from "./sql.ts";

export type ResolvedScope = {
  /** A fresh scope (its own parameters) for one statement. */
  scope(): Scope;
  parentKeys: ParentKeys;
};

export async function resolveKeys<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  session: SqlSession,
  config: C,
  catalog: Catalog,
  subject: Subject,
): Promise<ResolvedScope> {
  const schema = dialect.schemaOf(config);
  const scope = (): Scope => ({ dialect, schema, config, catalog, subject, params: new Params() });
  const sets = new Map<string, KeySet>();
  const keyName = (table: string, columns: string[]) => JSON.stringify([table, columns]);
  const parentKeys: ParentKeys = (statement, child, link, alias) => {
    const set = sets.get(keyName(link.parent, link.parentColumns));
    if (!set) throw new Error(`Keys of "${link.parent}" were not resolved before "${child.table}"`);
    return set.contains(columnsOf(statement, alias, link.columns), statement.params);
  };
  const resolved: ResolvedScope = { scope, parentKeys };
  for (const table of topDown(config)) {
    for (const columns of joinedColumns(config, table.table)) {
      const statement = resolved.scope();
      const where = personPredicate(statement, table, "t", parentKeys);
      const select = columnsOf(statement, "t", columns)
        .map((column, i) => `${column} AS c${i}`)
        .join(", ");
      const set = await dialect.remember(
        session,
        `dsar_keys_${sets.size}`,
        `SELECT DISTINCT ${select} FROM ${dialect.qualified(schema, table.table)} AS t WHERE ${where}`,
        statement.params.values,
        columns.length,
      );
      sets.set(keyName(table.table, columns), set);
    }
  }
  return resolved;
}
