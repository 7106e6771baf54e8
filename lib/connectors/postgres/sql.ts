// SQL text is built only from quoted identifiers taken from the config; every value (the person's
// email, account id, a correction, a salt) travels as a $n parameter.
import type { Subject } from "../connector.ts";
import { type Catalog, type ColumnInfo, isText } from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";

/** A PostgreSQL identifier in double quotes, inner quotes doubled: `eMail` → `"eMail"`. */
export function quoteIdent(name: string): string {
  if (name.includes("\0")) throw new Error("An identifier cannot contain a NUL character");
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** Collects parameter values and hands out their placeholders, so only used values are sent. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Where the key values of a parent's rows come from: a live subquery, or keys resolved earlier. */
export type ParentKeys = (child: TableConfig, alias: string) => string;

export type Scope = { config: PostgresConfig; catalog: Catalog; subject: Subject; params: Params };

/** A predicate over `alias` that holds for the person's rows of `table`. */
export function personPredicate(scope: Scope, table: TableConfig, alias: string, parentKeys: ParentKeys): string {
  if (table.via) return `${alias}.${quoteIdent(table.via.column)} IN (${parentKeys(table, alias)})`;
  return identityPredicate(scope, table, alias);
}

/** Parent keys through nested subqueries, to any depth: a child row is the person's when its parent row is. */
export function liveParentKeys(scope: Scope): ParentKeys {
  const keys: ParentKeys = (child, alias) => {
    const parent = scope.config.tables.find((table) => table.table === child.via!.parent)!;
    const parentAlias = `${alias}p`;
    const where = personPredicate(scope, parent, parentAlias, keys);
    return `SELECT ${parentAlias}.${quoteIdent(child.via!.parentColumn)} FROM ${qualified(scope.config.schema, parent.table)} AS ${parentAlias} WHERE ${where}`;
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
 */
export function identityPredicate(scope: Scope, table: TableConfig, alias: string): string {
  const columns = scope.catalog.get(table.table)!;
  const { email, accountId } = table.identity ?? {};
  const parts: string[] = [];
  if (email) {
    if (!scope.subject.email) return "FALSE";
    // Case-insensitive: the same mailbox is often stored as typed (Jane@… and jane@…). A citext
    // column compares so by itself, and its own index serves a plain equality; elsewhere lower()
    // on both sides, which an index on lower(column) serves (the connector test says to create one).
    const column = columns.get(email)!;
    if (column.udtName === "citext") {
      parts.push(`${alias}.${quoteIdent(email)} = ${scope.params.add(scope.subject.email)}`);
    } else {
      const target = `${alias}.${quoteIdent(email)}${isText(column) ? "" : "::text"}`;
      parts.push(`lower(${target}) = lower(${scope.params.add(scope.subject.email)}::text)`);
    }
  }
  if (accountId && scope.subject.accountId) {
    parts.push(accountPredicate(`${alias}.${quoteIdent(accountId)}`, columns.get(accountId)!, scope.subject.accountId, scope.params));
  } else if (accountId && !email) {
    // Found by the account number alone, and none is confirmed: nothing here is known to be theirs.
    return "FALSE";
  }
  return parts.length ? `(${parts.join(" AND ")})` : "FALSE";
}

const INTEGER_RANGE: Record<string, bigint> = { int2: 32767n, int4: 2147483647n, int8: 9223372036854775807n };

/**
 * Compares in the column's own type where possible so an index on it is used; a value that cannot
 * be of that type (letters for an integer id) matches nothing rather than failing the transaction.
 */
function accountPredicate(target: string, column: ColumnInfo, value: string, params: Params): string {
  const limit = INTEGER_RANGE[column.udtName];
  if (limit !== undefined) {
    if (!/^-?\d{1,19}$/.test(value)) return "FALSE";
    const number = BigInt(value);
    return number > limit || number < -limit - 1n ? "FALSE" : `${target} = ${params.add(value)}`;
  }
  if (column.udtName === "uuid") {
    return /^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/i.test(value) ? `${target} = ${params.add(value)}` : "FALSE";
  }
  if (isText(column)) return `${target} = ${params.add(value)}`;
  return `${target}::text = ${params.add(value)}::text`;
}
