// The mapped tables as a directed acyclic graph: roots found by identity, other tables reached
// through one or more links to parents. The schema has already refused cycles and unknown
// parents, so every walk here ends.
import { type Link, linksOf, type SqlConfig, type TableConfig } from "./config.ts";

export type TableNode = TableConfig & { depth: number };

/** The longest path from each table to a root: a table's depth is above every parent's. */
function depths(config: SqlConfig): Map<string, number> {
  const byName = new Map(config.tables.map((table) => [table.table, table]));
  const found = new Map<string, number>();
  const depthOf = (table: TableConfig): number => {
    const known = found.get(table.table);
    if (known !== undefined) return known;
    let depth = 0;
    for (const link of linksOf(table)) {
      const parent = byName.get(link.parent);
      if (!parent) throw new Error(`Table "${table.table}" names parent "${link.parent}", which is not listed`);
      depth = Math.max(depth, depthOf(parent) + 1);
    }
    found.set(table.table, depth);
    return depth;
  };
  for (const table of config.tables) depthOf(table);
  return found;
}

/** Parents before children (by depth, then in file order): the order to read and to resolve keys. */
export function topDown(config: SqlConfig): TableNode[] {
  const depth = depths(config);
  return config.tables.map((table) => ({ ...table, depth: depth.get(table.table)! })).sort((a, b) => a.depth - b.depth);
}

/** Deepest tables first (then in file order): the order to act in, so no child outlives a parent's delete. */
export function bottomUp(config: SqlConfig): TableNode[] {
  return topDown(config).sort((a, b) => b.depth - a.depth);
}

/** The column lists of `table` that its children join on: the keys to resolve before anything changes. */
export function joinedColumns(config: SqlConfig, table: string): string[][] {
  const lists = config.tables.flatMap((child) => linksOf(child).filter((link) => link.parent === table)).map((link) => link.parentColumns);
  const unique = new Map(lists.map((columns) => [JSON.stringify(columns), columns]));
  return [...unique.values()];
}

export function tableNamed(config: SqlConfig, name: string): TableConfig {
  const found = config.tables.find((candidate) => candidate.table === name);
  if (!found) throw new Error(`Table "${name}" is not listed`);
  return found;
}

export type { Link };
