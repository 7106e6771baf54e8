// SQL text is built only from quoted identifiers taken from the config; every value (the person's
// email, account id, a correction, a salt) travels as a $n parameter, which each engine's session
// binds in its own way.
import type { Subject } from "../connector.ts";
import { type Link, linksOf, type SqlConfig, type TableConfig } from "./config.ts";
import type { Catalog, SqlDialect } from "./dialect.ts";
import { tableNamed } from "./graph.ts";

/** Collects parameter values and hands out their placeholders, so only used values are sent. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A predicate over `alias` (a row of `child`) that holds when the row's `link` columns are the keys of one of the person's parent rows. */
export type ParentKeys = (scope: Scope, child: TableConfig, link: Link, alias: string) => string;

export type Scope = {
  // biome-ignore lint/suspicious/noExplicitAny: one scope serves every engine's config
  dialect: SqlDialect<any>;
  schema: string;
  config: SqlConfig;
  catalog: Catalog;
  subject: Subject;
  params: Params;
};

/** `alias`.column for each column, quoted. */
export function columnsOf(scope: Scope, alias: string, columns: string[]): string[] {
  return columns.map((column) => `${alias}.${scope.dialect.quote(column)}`);
}

/** `(a, b)` for several expressions, `a` for one: the left side of an IN. */
export function tuple(expressions: string[]): string {
  return expressions.length === 1 ? expressions[0] : `(${expressions.join(", ")})`;
}

/**
 * A predicate over `alias` that holds for the person's rows of `table`: its identity, or its links
 * to the person's parent rows (every link with viaMatch all, the default; one of them with any),
 * and its own `where` conditions.
 */
export function personPredicate(scope: Scope, table: TableConfig, alias: string, parentKeys: ParentKeys): string {
  const links = linksOf(table);
  let found: string;
  if (links.length === 0) found = identityPredicate(scope, table, alias);
  else if (links.length === 1) found = parentKeys(scope, table, links[0], alias);
  else found = `(${links.map((link) => parentKeys(scope, table, link, alias)).join(table.viaMatch === "any" ? " OR " : " AND ")})`;
  const conditions = Object.entries(table.where ?? {}).map(([column, value]) => {
    const target = `${alias}.${scope.dialect.quote(column)}`;
    return value === null ? `${target} IS NULL` : `${target} = ${scope.params.add(value)}`;
  });
  return conditions.length === 0 ? found : `(${[found, ...conditions].join(" AND ")})`;
}

/** Parent keys through nested subqueries, to any depth: a child row is the person's when its parent rows are. */
export function liveParentKeys(): ParentKeys {
  const keys: ParentKeys = (scope, _child, link, alias) => {
    const parent = tableNamed(scope.config, link.parent);
    const parentAlias = `${alias}p`;
    const where = personPredicate(scope, parent, parentAlias, keys);
    const select = columnsOf(scope, parentAlias, link.parentColumns).join(", ");
    return `${tuple(columnsOf(scope, alias, link.columns))} IN (SELECT ${select} FROM ${scope.dialect.qualified(scope.schema, parent.table)} AS ${parentAlias} WHERE ${where})`;
  };
  return keys;
}

/**
 * The person's rows of a table found by its own identity columns. Every mapped identifier must
 * match (AND, never OR): the verified email where an email column is mapped, and the account id
 * too where an account column is mapped and staff confirmed one. A table mapped by account id
 * alone matches only a confirmed account id; without one it matches nothing. So an identifier can
 * only narrow what the email finds, and an unconfirmed account number (which `Subject` never
 * carries) could not widen it anyway.
 *
 * A request that names the person by a confirmed account id alone (an integration's opt-out, see
 * Subject) finds the tables that map an account id column, by it; a table mapped by email only
 * matches nothing then.
 */
export function identityPredicate(scope: Scope, table: TableConfig, alias: string): string {
  const columns = scope.catalog.get(table.table)!;
  const { email, accountId } = table.identity ?? {};
  const parts: string[] = [];
  if (email && scope.subject.email) {
    // Case-insensitive: the same mailbox is often stored as typed (Jane@… and jane@…).
    parts.push(
      scope.dialect.emailPredicate(`${alias}.${scope.dialect.quote(email)}`, columns.get(email)!, scope.params.add(scope.subject.email)),
    );
  } else if (email && !accountId) {
    // Found by email only, and the request names the person by account id alone.
    return "FALSE";
  }
  if (accountId && scope.subject.accountId) {
    parts.push(
      scope.dialect.accountPredicate(
        `${alias}.${scope.dialect.quote(accountId)}`,
        columns.get(accountId)!,
        scope.subject.accountId,
        scope.params,
      ),
    );
  } else if (accountId && !email) {
    // Found by the account number alone, and none is confirmed: nothing here is known to be theirs.
    return "FALSE";
  }
  return parts.length ? `(${parts.join(" AND ")})` : "FALSE";
}
