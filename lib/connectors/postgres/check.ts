// The config against the live database: every table and column it names exists, and each `via`
// join compares columns of compatible types. Only the catalog is queried, with the names as
// parameters, so a name like `x"; DROP TABLE orders; --` is reported as unknown and never run.
import type { ConfigProblem } from "../connector.ts";
import { type Catalog, type ColumnInfo, readCatalog } from "./catalog.ts";
import type { PostgresConfig, TableConfig } from "./config.ts";
import { connect, connectionProblem } from "./pool.ts";

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
    return problemsIn(
      config,
      await readCatalog(client, config),
      tables.rows.map((row) => row.table_name),
    );
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

/** Same type, or both numbers, or both text: PostgreSQL compares these without a cast. */
function joinable(a: ColumnInfo, b: ColumnInfo): boolean {
  return a.udtName === b.udtName || (a.category === b.category && (a.category === "N" || a.category === "S"));
}

function list(names: string[]): string {
  if (names.length === 0) return "(nothing this user can see)";
  const shown = names.slice(0, 30).map((name) => `"${name}"`);
  return names.length > 30 ? `${shown.join(", ")} and ${names.length - 30} more` : shown.join(", ");
}
