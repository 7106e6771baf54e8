// Opt-out, limit, restriction, objection: the columns the config maps for the right are set on the
// person's own rows (found as for access, erasure and rectification), every table in one transaction.
import type { ConnectorContext, PreferenceKind, PreferenceReceipt, Subject } from "../connector.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import type { SqlConfig } from "./config.ts";
import type { SqlDialect } from "./dialect.ts";
import { resolveKeys } from "./resolve-keys.ts";
import { personPredicate } from "./sql.ts";

export async function applyPreferenceRows<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  config: C,
  subject: Subject,
  kind: PreferenceKind,
  context: ConnectorContext,
): Promise<PreferenceReceipt> {
  const targets = config.tables.flatMap((table) => {
    const settings = table.preferences?.[kind];
    return settings ? [{ table, settings }] : [];
  });
  if (targets.length === 0) return { kind, switchedOff: [] };
  const switchedOff = await dialect.inTransaction(config.url, async (session) => {
    const catalog = await readCatalogOrThrow(dialect, session, config);
    const resolved = await resolveKeys(dialect, session, config, catalog, subject);
    const done: PreferenceReceipt["switchedOff"] = [];
    for (const { table, settings } of targets) {
      context.signal?.throwIfAborted();
      const scope = resolved.scope();
      const quote = (column: string) => scope.dialect.quote(column);
      const set = Object.entries(settings)
        .map(([column, value]) => `${quote(column)} = ${scope.params.add(value)}`)
        .join(", ");
      const where = personPredicate(scope, table, "t", resolved.parentKeys);
      try {
        const result = await session.query(
          `UPDATE ${scope.dialect.qualified(scope.schema, table.table)} AS t SET ${set} WHERE ${where}`,
          scope.params.values,
        );
        done.push({ category: table.table, settings, rows: result.rowCount });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Could not set ${Object.keys(settings).join(", ")} of table "${table.table}" for ${kind}: ${reason}`, {
          cause: error,
        });
      }
    }
    return done;
  });
  return { kind, switchedOff };
}
