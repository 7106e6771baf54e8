// The shared predicates bound to PostgreSQL, for callers that hold a PostgreSQL config.
import type { Subject } from "../connector.ts";
import type { TableConfig } from "../sql/config.ts";
import type { Catalog } from "../sql/dialect.ts";
import {
  Params,
  type ParentKeys,
  identityPredicate as sharedIdentityPredicate,
  personPredicate as sharedPersonPredicate,
} from "../sql/sql.ts";
import type { PostgresConfig } from "./config.ts";
import { postgresDialect, qualified, quoteIdent } from "./dialect.ts";

export { Params, qualified, quoteIdent };

export type Scope = { config: PostgresConfig; catalog: Catalog; subject: Subject; params: Params };

const bound = (scope: Scope) => ({ ...scope, dialect: postgresDialect, schema: scope.config.schema });

export function identityPredicate(scope: Scope, table: TableConfig, alias: string): string {
  return sharedIdentityPredicate(bound(scope), table, alias);
}

export function personPredicate(scope: Scope, table: TableConfig, alias: string, parentKeys: ParentKeys): string {
  return sharedPersonPredicate(bound(scope), table, alias, parentKeys);
}
