// The config against the live database: every table and column it names exists, each `via`
// join compares columns of compatible types, and erasure can succeed under the database's own
// constraints. Only the catalog is queried, with the names as parameters, so a name like
// `x"; DROP TABLE orders; --` is reported as unknown and never run.
import type { ConfigProblem } from "../connector.ts";
import { isText } from "./catalog.ts";
import { type Link, linksOf, type SqlConfig, type TableConfig } from "./config.ts";
import { type Catalog, type ColumnInfo, ConnectionProblem, type ForeignKey, type SqlDialect, type UniqueKey } from "./dialect.ts";
import { bottomUp } from "./graph.ts";

type Path = Array<string | number>;

export async function checkConfig<C extends SqlConfig>(dialect: SqlDialect<C>, config: C): Promise<ConfigProblem[]> {
  const schema = dialect.schemaOf(config);
  const names = config.tables.map((table) => table.table);
  const listed = (config.suppressions ?? []).map((entry) => entry.table);
  try {
    return await dialect.withSession(config.url, async (session) => {
      const missing = await dialect.schemaProblem(session, config);
      if (missing) return [missing];
      const catalog = await dialect.readCatalog(session, schema, names);
      const existing = await dialect.tableNames(session, schema);
      const problems = [
        ...problemsIn(config, schema, catalog, existing),
        ...(listed.length > 0 ? suppressionProblems(config, schema, await dialect.readCatalog(session, schema, listed), existing) : []),
      ];
      // Constraints are compared only once every name is right, so each problem is reported once.
      if (problems.length > 0) return problems;
      return erasureProblems(
        dialect,
        config,
        catalog,
        await dialect.readForeignKeys(session, schema, names),
        await dialect.readUniqueKeys(session, schema, names),
      );
    });
  } catch (error) {
    if (error instanceof ConnectionProblem) return [{ path: ["url"], message: error.message }];
    throw error;
  }
}

function problemsIn(config: SqlConfig, schema: string, catalog: Catalog, existing: string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.tables.forEach((table, i) => {
    const columns = catalog.get(table.table);
    if (!columns) {
      problems.push({
        path: ["tables", i, "table"],
        message: `Schema "${schema}" has no table "${table.table}"; it has: ${list(existing)}`,
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
    for (const column of Object.keys(table.where ?? {})) need(column, ["where", column]);
    for (const [j, column] of (table.columns ?? []).entries()) need(column, ["columns", j]);
    if (table.erase.strategy === "mask") for (const column of Object.keys(table.erase.columns)) need(column, ["erase", "columns", column]);
    for (const [field, column] of Object.entries(table.rectify ?? {})) need(column, ["rectify", field]);
    for (const [kind, set] of Object.entries(table.preferences ?? {})) {
      for (const column of Object.keys(set ?? {})) need(column, ["preferences", kind, column]);
    }
    for (const link of linksOf(table)) problems.push(...linkProblems(table, i, link, columns, catalog));
  });
  return problems;
}

/** Each suppression table and every column it fills or matches on exist. */
function suppressionProblems(config: SqlConfig, schema: string, catalog: Catalog, existing: string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  (config.suppressions ?? []).forEach((entry, i) => {
    const columns = catalog.get(entry.table);
    if (!columns) {
      problems.push({
        path: ["suppressions", i, "table"],
        message: `Schema "${schema}" has no table "${entry.table}"; it has: ${list(existing)}`,
      });
      return;
    }
    const named = Object.keys(entry.columns).map((column) => [column, ["columns", column]] as const);
    for (const [column, path] of [...named, ...(entry.match ?? []).map((column, j) => [column, ["match", j]] as const)]) {
      if (!columns.has(column)) {
        problems.push({
          path: ["suppressions", i, ...path],
          message: `Suppression table "${entry.table}" has no column "${column}"; it has: ${list([...columns.keys()])}`,
        });
      }
    }
  });
  return problems;
}

function linkProblems(table: TableConfig, i: number, link: Link, columns: Map<string, ColumnInfo>, catalog: Catalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  // A column given as a list is reported at its place in the list.
  const at = (key: string, j: number) => [
    "tables",
    i,
    ...link.path,
    key,
    ...(link.columns.length > 1 || isList(table, link, key) ? [j] : []),
  ];
  const parentColumns = catalog.get(link.parent);
  link.columns.forEach((column, j) => {
    const own = columns.get(column);
    if (!own) {
      problems.push({
        path: at("column", j),
        message: `Table "${table.table}" has no column "${column}"; it has: ${list([...columns.keys()])}`,
      });
    }
    // A missing parent table is reported at the parent's own entry.
    if (!parentColumns) return;
    const parentColumn = link.parentColumns[j];
    const theirs = parentColumns.get(parentColumn);
    if (!theirs) {
      problems.push({
        path: at("parentColumn", j),
        message: `Parent table "${link.parent}" has no column "${parentColumn}"; it has: ${list([...parentColumns.keys()])}`,
      });
    }
    if (own && theirs && !joinable(own, theirs)) {
      problems.push({
        path: at("column", j),
        message: `Cannot join "${table.table}"."${column}" (${own.dataType}) to "${link.parent}"."${parentColumn}" (${theirs.dataType}): their types differ`,
      });
    }
  });
  return problems;
}

function isList(table: TableConfig, link: Link, key: string): boolean {
  const via = Array.isArray(table.via) ? table.via[link.path[1] as number] : table.via;
  return Array.isArray((via as Record<string, unknown> | undefined)?.[key]);
}

/**
 * What the connector test adds to its answer: join paths that may pull in other people's rows, and
 * lookups no index serves or that compare other than as the person expects. Advice, not a refusal.
 */
export async function mappingAdvice<C extends SqlConfig>(dialect: SqlDialect<C>, config: C): Promise<string[]> {
  const schema = dialect.schemaOf(config);
  const names = config.tables.map((table) => table.table);
  return dialect.withSession(config.url, async (session) => {
    const catalog = await dialect.readCatalog(session, schema, names);
    return [...pathAdvice(config, schema, await dialect.readForeignKeys(session, schema, names)), ...dialect.lookupAdvice(config, catalog)];
  });
}

/**
 * A table reached through parents whose rows also point to a table found by identity through a
 * foreign key the map does not follow (payments reached through rentals, which also name a
 * customer): a row of the person's parent that belongs to someone else there is pulled in too.
 * The fix adds that foreign key as a second path, so only rows both paths reach are the person's.
 */
function pathAdvice(config: SqlConfig, schema: string, foreignKeys: ForeignKey[]): string[] {
  return config.tables.flatMap((table) => {
    const links = linksOf(table);
    if (links.length === 0 || table.reference) return [];
    const through = links.map((link) => `"${link.parent}"`).join(" and ");
    return foreignKeys
      .filter((key) => key.fromSchema === schema && key.fromTable === table.table && !links.some((link) => link.parent === key.toTable))
      .filter((key) => config.tables.some((other) => other.table === key.toTable && other.identity))
      .map((key) => {
        const paths = [...links, { parent: key.toTable, columns: key.fromColumns, parentColumns: key.toColumns }].map(linkText);
        return (
          `"${table.table}" is reached through ${through}, but its rows also name a "${key.toTable}" row (${key.name}): ` +
          `rows of the person's ${through} that belong to another "${key.toTable}" are included too; ` +
          `to keep only rows that are theirs by both, list both paths: via: [${paths.join(", ")}] (viaMatch: all, the default)`
        );
      });
  });
}

function linkText(link: { parent: string; columns: string[]; parentColumns: string[] }): string {
  const one = (columns: string[]) => (columns.length === 1 ? columns[0] : `[${columns.join(", ")}]`);
  return `{ parent: ${link.parent}, column: ${one(link.columns)}, parentColumn: ${one(link.parentColumns)} }`;
}

const DELETE_RULES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT" };
export const UNIQUE_HASH_MIN = 16;

/**
 * Mappings whose erasure can only fail, or would damage data, read from the database's own
 * constraints: a NULL mask on a NOT NULL column, a mask value the column cannot hold, a constant
 * mask on a unique column (the second erasure collides), a delete that a foreign key without a
 * cascade blocks while the rows pointing there stay (retained, masked or not mapped).
 */
function erasureProblems<C extends SqlConfig>(
  dialect: SqlDialect<C>,
  config: C,
  catalog: Catalog,
  foreignKeys: ForeignKey[],
  uniqueKeys: UniqueKey[],
): ConfigProblem[] {
  const schema = dialect.schemaOf(config);
  const problems: ConfigProblem[] = [];
  config.tables.forEach((table, i) => {
    if (table.reference) return;
    const columns = catalog.get(table.table)!;
    const links = linksOf(table);
    const shared = "shared" in table.erase ? table.erase.shared : undefined;
    if (shared === "unlink") {
      if (links.length === 0) {
        problems.push({
          path: ["tables", i, "erase", "shared"],
          message: `Table "${table.table}" is found by identity, so it has no link to clear: use shared: keep (or leave it out)`,
        });
      }
      for (const link of links) {
        const notNull = link.parentColumns.filter((column) => catalog.get(link.parent)?.get(column)?.nullable === false);
        if (notNull.length === 0) continue;
        problems.push({
          path: ["tables", i, "erase", "shared"],
          message:
            `Unlinking a shared row of "${table.table}" sets ${notNull.map((column) => `"${link.parent}"."${column}"`).join(", ")} to NULL, ` +
            `but ${notNull.length === 1 ? "that column is" : "those columns are"} NOT NULL: ` +
            `every erasure that meets a shared row would fail. Use shared: keep, or allow NULL in ${notNull.length === 1 ? "that column" : "those columns"}`,
        });
      }
    }
    // Rows others may share are set aside by the engine's row identity (erase.ts): MariaDB needs a primary key for it.
    const mayBeShared =
      links.length > 0 ||
      foreignKeys.some(
        (key) =>
          key.toTable === table.table && key.fromSchema === schema && config.tables.some((t) => t.table === key.fromTable && !t.reference),
      );
    if (table.erase.strategy !== "retain" && mayBeShared) {
      try {
        dialect.rowIdentity(table.table, "t", columns);
      } catch (error) {
        problems.push({ path: ["tables", i, "erase", "strategy"], message: error instanceof Error ? error.message : String(error) });
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
          key.fromSchema === schema
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
function actedBefore(config: SqlConfig, first: TableConfig, second: TableConfig): boolean {
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

/** Same type, or both numbers, or both text: the engines compare these without a cast. */
function joinable(a: ColumnInfo, b: ColumnInfo): boolean {
  return a.udtName === b.udtName || (a.category === b.category && (a.category === "N" || a.category === "S"));
}

export function list(names: string[]): string {
  if (names.length === 0) return "(nothing this user can see)";
  const shown = names.slice(0, 30).map((name) => `"${name}"`);
  return names.length > 30 ? `${shown.join(", ")} and ${names.length - 30} more` : shown.join(", ");
}
