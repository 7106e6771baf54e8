// Opt-out, limit, restriction, objection: the columns the config maps for the right are set on the
// person's own rows (found as for access, erasure and rectification), and the person's email is added
// to the suppression tables listed for the right (once: a second request finds it there), every table
// in one transaction. A request that names the person by account id alone (an integration's
// opt-out) reaches only the tables found by an account id column, directly or through their parents;
// tables and suppression lists found by email are left out, and the receipt says which and why.
import type { ConnectorContext, PreferenceKind, PreferenceReceipt, Subject } from "../connector.ts";
import { readCatalogOrThrow } from "./catalog.ts";
import { linksOf, type SqlConfig, type SuppressionConfig, suppressionMatch, type TableConfig } from "./config.ts";
import type { SqlDialect, SqlSession } from "./dialect.ts";
import { tableNamed } from "./graph.ts";
import { resolveKeys } from "./resolve-keys.ts";
import { Params, personPredicate } from "./sql.ts";

export async function applyPreferenceRows<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  config: C,
  subject: Subject,
  kind: PreferenceKind,
  context: ConnectorContext,
): Promise<PreferenceReceipt> {
  const notReached: NonNullable<PreferenceReceipt["notReached"]> = [];
  const targets = config.tables.flatMap((table) => {
    const settings = table.preferences?.[kind];
    if (!settings) return [];
    if (subject.email === null && !foundByAccountId(config, table)) {
      notReached.push({ category: table.table, reason: NO_EMAIL_TABLE });
      return [];
    }
    return [{ table, settings }];
  });
  const suppressions = (config.suppressions ?? []).filter((entry) => {
    if (!entry.rights.includes(kind)) return false;
    if (subject.email === null && Object.values(entry.columns).includes("{email}")) {
      notReached.push({ category: entry.table, reason: NO_EMAIL_SUPPRESSION });
      return false;
    }
    return true;
  });
  const receipt = (switchedOff: PreferenceReceipt["switchedOff"]): PreferenceReceipt =>
    notReached.length ? { kind, switchedOff, notReached } : { kind, switchedOff };
  if (targets.length === 0 && suppressions.length === 0) return receipt([]);
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
    for (const entry of suppressions) {
      context.signal?.throwIfAborted();
      done.push(await addToSuppression(dialect, session, config, entry, subject, kind));
    }
    return done;
  });
  return receipt(switchedOff);
}

const NO_EMAIL_TABLE = "found by email only, and this request names the person by account id alone";
const NO_EMAIL_SUPPRESSION = "lists people by email, and this request names the person by account id alone";

/** Whether the table's rows can be found from an account id: its own column, or its parents' (every path, or one with viaMatch any). */
function foundByAccountId(config: SqlConfig, table: TableConfig): boolean {
  const links = linksOf(table);
  if (links.length === 0) return Boolean(table.identity?.accountId);
  const reached = (link: (typeof links)[number]) => foundByAccountId(config, tableNamed(config, link.parent));
  return table.viaMatch === "any" ? links.some(reached) : links.every(reached);
}

/** One row for the person in a suppression table, unless one already matches; the receipt keeps the config's values, not the email. */
async function addToSuppression<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  session: SqlSession,
  config: C,
  entry: SuppressionConfig,
  subject: Subject,
  kind: PreferenceKind,
): Promise<PreferenceReceipt["switchedOff"][number]> {
  const schema = dialect.schemaOf(config);
  const columns = (await dialect.readCatalog(session, schema, [entry.table])).get(entry.table);
  if (!columns)
    throw new Error(
      `Suppression table "${entry.table}" is not in schema "${schema}" (or this user cannot see it); run the connector check`,
    );
  const missing = [...Object.keys(entry.columns), ...(entry.match ?? [])].find((column) => !columns.has(column));
  if (missing !== undefined) throw new Error(`Suppression table "${entry.table}" has no column "${missing}"; run the connector check`);
  const now = new Date();
  const filledIn = (value: SuppressionConfig["columns"][string]) =>
    // Never null here: a list keyed by {email} is left out for a request without one (above).
    value === "{email}" ? subject.email : value === "{right}" ? kind : value === "{now}" ? now : value;
  const table = dialect.qualified(schema, entry.table);
  try {
    const lookup = new Params();
    const where = suppressionMatch(entry)
      .map((column) => {
        const value = filledIn(entry.columns[column]);
        const target = dialect.quote(column);
        if (value === null) return `${target} IS NULL`;
        const info = columns.get(column);
        return entry.columns[column] === "{email}" && info
          ? dialect.emailPredicate(target, info, lookup.add(value))
          : `${target} = ${lookup.add(value)}`;
      })
      .join(" AND ");
    const found = await session.query(`SELECT 1 AS listed FROM ${table} WHERE ${where} LIMIT 1`, lookup.values);
    const described = { category: entry.table, settings: entry.columns, ...(entry.label ? { label: entry.label } : {}) };
    if (found.rows.length > 0) return { ...described, rows: 0 };
    const insert = new Params();
    const names = Object.keys(entry.columns);
    const values = names.map((column) => insert.add(filledIn(entry.columns[column])));
    const inserted = await session.query(
      `INSERT INTO ${table} (${names.map((column) => dialect.quote(column)).join(", ")}) VALUES (${values.join(", ")})`,
      insert.values,
    );
    return { ...described, rows: inserted.rowCount };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not add the person to suppression table "${entry.table}" for ${kind}: ${reason}`, { cause: error });
  }
}
