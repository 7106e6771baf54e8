// The config against the live database: every table and column it names exists, and each `via`
// join compares columns of compatible types. Only the catalog is queried, with the names as
// parameters, so a name like `x"; DROP TABLE orders; --` is reported as unknown and never run.
import type { ConfigProblem } from "../connector.ts";
import {
  type Catalog,
  type ColumnInfo,
  type ForeignKey,
  isText,
  readCatalog,
  readForeignKeys,
  readUniqueKeys,
  type UniqueKey,
} from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { bottomUp } from "./graph.ts";
import { connect, connectionProblem } from "./pool.ts";
import { qualified, quoteIdent } from "./sql.ts";

type Path = Array<string | number>;

export async function checkConfig(config: PostgresConfig): Promise<ConfigProblem[]> {
  let client: Awaited<ReturnType<typeof connect>>;
  try {
    client = await connect(config.url);
  } catch (error) {
    return [{ path: ["url"], message: error instanceof Error ? error.message : connectionProblem(config.url, error) }];
  }
  try {
    const schemas = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1", [
      config.schema,
    ]);
    if (schemas.rows[0].n === 0) {
      return [{ path: ["schema"], message: `There is no schema "${config.schema}" in this database (or this user cannot see it)` }];
    }
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
      [config.schema],
    );
    const catalog = await readCatalog(client, config);
    const problems = problemsIn(
      config,
      catalog,
      tables.rows.map((row) => row.table_name),
    );
    // Constraints are compared only once every name is right, so each problem is reported once.
    if (problems.length > 0) return problems;
    return erasureProblems(config, catalog, await readForeignKeys(client, config), await readUniqueKeys(client, config));
  } finally {
    client.release();
  }
}

function problemsIn(config: PostgresConfig, catalog: Catalog, existing: string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.tables.forEach((table, i) => {
    const columns = catalog.get(table.table);
    if (!columns) {
      problems.push({
        path: ["tables", i, "table"],
        message: `Schema "${config.schema}" has no table "${table.table}"; it has: ${list(existing)}`,
      });
      return;
    }
    const need = (column: string | undefined, path: Path) => {
      if (column !== undefined && !columns.has(column)) {
        problems.push({
          path: ["tables", i, ...path],
          message: `Table "${table.table}" has no column "${column}"; it has: ${list([...columns.keys()])}`,
        });
      }
    };
    need(table.identity?.email, ["identity", "email"]);
    need(table.identity?.accountId, ["identity", "accountId"]);
    for (const [j, column] of (table.columns ?? []).entries()) need(column, ["columns", j]);
    if (table.erase.strategy === "mask") for (const column of Object.keys(table.erase.columns)) need(column, ["erase", "columns", column]);
    for (const [field, column] of Object.entries(table.rectify ?? {})) need(column, ["rectify", field]);
    if (table.via) problems.push(...viaProblems(table, i, columns, catalog));
  });
  return problems;
}

function viaProblems(table: TableConfig, i: number, columns: Map<string, ColumnInfo>, catalog: Catalog): ConfigProblem[] {
  const via = table.via!;
  const problems: ConfigProblem[] = [];
  const own = columns.get(via.column);
  if (!own) {
    problems.push({
      path: ["tables", i, "via", "column"],
      message: `Table "${table.table}" has no column "${via.column}"; it has: ${list([...columns.keys()])}`,
    });
  }
  const parentColumns = catalog.get(via.parent);
  // A missing parent table is reported at the parent's own entry.
  if (!parentColumns) return problems;
  const theirs = parentColumns.get(via.parentColumn);
  if (!theirs) {
    problems.push({
      path: ["tables", i, "via", "parentColumn"],
      message: `Parent table "${via.parent}" has no column "${via.parentColumn}"; it has: ${list([...parentColumns.keys()])}`,
    });
  }
  if (own && theirs && !joinable(own, theirs)) {
    problems.push({
      path: ["tables", i, "via", "column"],
      message: `Cannot join "${table.table}"."${via.column}" (${own.dataType}) to "${via.parent}"."${via.parentColumn}" (${theirs.dataType}): their types differ`,
    });
  }
  return problems;
}

/**
 * What the connector test adds to its answer: join paths that may pull in other people's rows, and
 * lookups that read a whole table on every request (an email compared with lower() and no index on
 * lower(column)). Advice, not a refusal.
 */
export async function mappingAdvice(config: PostgresConfig): Promise<string[]> {
  const client = await connect(config.url);
  try {
    const catalog = await readCatalog(client, config);
    return [...pathAdvice(config, await readForeignKeys(client, config)), ...lookupAdvice(config, catalog)];
  } finally {
    client.release();
  }
}

/**
 * A table reached through one parent whose rows also point to a table found by identity through a
 * foreign key the map does not follow (payments reached through rentals, which also name a
 * customer): a row of the person's parent that belongs to someone else there is pulled in too.
 */
function pathAdvice(config: PostgresConfig, foreignKeys: ForeignKey[]): string[] {
  return config.tables.flatMap((table) => {
    const via = table.via;
    if (!via || table.reference) return [];
    return foreignKeys
      .filter((key) => key.fromSchema === config.schema && key.fromTable === table.table && key.toTable !== via.parent)
      .filter((key) => config.tables.some((other) => other.table === key.toTable && other.identity))
      .map(
        (key) =>
          `"${table.table}" is reached through "${via.parent}", but its rows also name a "${key.toTable}" row (${key.name}): ` +
          `rows of the person's "${via.parent}" that belong to another "${key.toTable}" are included too; ` +
          `reach "${table.table}" through "${key.toTable}" if that is whose they are`,
      );
  });
}

function lookupAdvice(config: PostgresConfig, catalog: Catalog): string[] {
  return config.tables.flatMap((table) => {
    const email = table.identity?.email;
    const column = email === undefined ? undefined : catalog.get(table.table)?.get(email);
    if (!email || !column || column.udtName === "citext" || column.lowerIndexed) return [];
    return [
      `finding a person in "${table.table}" reads the whole table (no index on lower("${email}")); create one: ` +
        `CREATE INDEX ON ${qualified(config.schema, table.table)} (lower(${quoteIdent(email)}))`,
    ];
  });
}

const DELETE_RULES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT" };
export const UNIQUE_HASH_MIN = 16;

/**
 * Mappings whose erasure can only fail, or would damage data, read from the database's own
 * constraints: a NULL mask on a NOT NULL column, a mask value the column cannot hold, a constant
 * mask on a unique column (the second erasure collides), a delete that a foreign key without a
 * cascade blocks while the rows pointing there stay (retained, masked or not mapped).
 */
function erasureProblems(config: PostgresConfig, catalog: Catalog, foreignKeys: ForeignKey[], uniqueKeys: UniqueKey[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.tables.forEach((table, i) => {
    if (table.reference) return;
    const columns = catalog.get(table.table)!;
    const shared = "shared" in table.erase ? table.erase.shared : undefined;
    if (shared === "unlink") {
      const link = table.via ? catalog.get(table.via.parent)?.get(table.via.parentColumn) : undefined;
      if (!table.via) {
        problems.push({
          path: ["tables", i, "erase", "shared"],
          message: `Table "${table.table}" is found by identity, so it has no link to clear: use shared: keep (or leave it out)`,
        });
      } else if (link && !link.nullable) {
        problems.push({
          path: ["tables", i, "erase", "shared"],
          message:
            `Unlinking a shared row of "${table.table}" sets "${table.via.parent}"."${table.via.parentColumn}" to NULL, but that column is NOT NULL: ` +
            "every erasure that meets a shared row would fail. Use shared: keep, or allow NULL in that column",
        });
      }
    }
    if (table.erase.strategy === "mask") {
      for (const [column, action] of Object.entries(table.erase.columns)) {
        const info = columns.get(column)!;
        const unique = uniqueKeys.find((key) => key.table === table.table && key.columns.includes(column));
        const message = maskProblem(table.table, info, action, unique);
        if (message) problems.push({ path: ["tables", i, "erase", "columns", column], message });
      }
    }
    if (table.erase.strategy === "delete") {
      for (const key of foreignKeys.filter((candidate) => candidate.toTable === table.table)) {
        const rule = DELETE_RULES[key.onDelete];
        if (!rule) continue;
        // A reference table's rows always stay, as if it were not mapped.
        const mapped =
          key.fromSchema === config.schema
            ? config.tables.find((candidate) => candidate.table === key.fromTable && !candidate.reference)
            : undefined;
        if (mapped?.erase.strategy === "delete" && (mapped.table === table.table || actedBefore(config, mapped, table))) continue;
        const start =
          `Deleting the person's rows of "${table.table}" would fail: foreign key ${key.name} (ON DELETE ${rule}) from ` +
          `"${key.fromSchema}"."${key.fromTable}" (${key.fromColumns.join(", ")}) points to them, and "${key.fromTable}" `;
        const cascade = "or give the foreign key ON DELETE CASCADE or SET NULL";
        problems.push({
          path: ["tables", i, "erase", "strategy"],
          message:
            mapped?.erase.strategy === "delete"
              ? `${start}is deleted only after "${table.table}" (erasure goes from children to parents, then in file order). ` +
                `List "${key.fromTable}" before "${table.table}" at the same depth, ${cascade}`
              : `${start}${mapped ? `is mapped with erase strategy "${mapped.erase.strategy}"` : "is not mapped"}, so its rows stay. ` +
                `Mask "${table.table}" instead (erase: { strategy: mask, columns: … }), map "${key.fromTable}" with erase strategy "delete", ${cascade}`,
        });
      }
    }
  });
  return problems;
}

const MASK_NEEDS: Record<string, { length: number; what: string }> = {
  redact: { length: "[erased]".length, what: '"[erased]"' },
  hash: { length: 64, what: "a 64-character hash" },
  "unique-hash": { length: UNIQUE_HASH_MIN, what: `a hash of at least ${UNIQUE_HASH_MIN} characters` },
};

/** Whether erasure acts on `first` before `second` (erase.ts goes bottom-up, then in file order). */
function actedBefore(config: PostgresConfig, first: TableConfig, second: TableConfig): boolean {
  const order = bottomUp(config).map((table) => table.table);
  return order.indexOf(first.table) < order.indexOf(second.table);
}

/** Why a column cannot take a mask, with the masks it can take instead; null when it can. */
function maskProblem(table: string, column: ColumnInfo, action: string, unique: UniqueKey | undefined): string | null {
  const name = `"${table}"."${column.name}"`;
  const typeName = column.maxLength === null ? column.dataType : `${column.dataType}(${column.maxLength})`;
  // How many characters of text the column holds (none for a number, a date…).
  const room = isText(column) ? (column.maxLength ?? Number.POSITIVE_INFINITY) : 0;
  const perRow =
    room >= 64 ? "hash" : room >= UNIQUE_HASH_MIN ? "unique-hash (a salted hash cut to the column's length, different per row)" : null;
  const options = [perRow, !unique && room >= MASK_NEEDS.redact.length ? "redact" : null, column.nullable ? "null" : null].filter(
    (option): option is string => option !== null && !option.startsWith(action),
  );
  const advice = options.length > 0 ? `Use ${options.join(" or ")} instead` : "Retain or delete these rows instead";
  if (action === "null" && !column.nullable) {
    return `Masking ${name} with null would fail every erasure: the column is NOT NULL. ${advice}`;
  }
  const needs = MASK_NEEDS[action];
  if (needs && room < needs.length) {
    return `Masking ${name} with ${action} cannot work: the column is ${typeName}, which cannot hold ${needs.what}. ${advice}`;
  }
  if (action === "redact" && unique) {
    return `Masking ${name} with redact writes the same "[erased]" in every row, but ${unique.name} makes it unique: the second erasure would fail. ${advice}`;
  }
  return null;
}

/** Same type, or both numbers, or both text: PostgreSQL compares these without a cast. */
function joinable(a: ColumnInfo, b: ColumnInfo): boolean {
  return a.udtName === b.udtName || (a.category === b.category && (a.category === "N" || a.category === "S"));
}

function list(names: string[]): string {
  if (names.length === 0) return "(nothing this user can see)";
  const shown = names.slice(0, 30).map((name) => `"${name}"`);
  return names.length > 30 ? `${shown.join(", ")} and ${names.length - 30} more` : shown.join(", ");
}
