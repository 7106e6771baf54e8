// The mapped tables as a forest: roots found by identity, children reached through `via`.
// The schema has already refused cycles and unknown parents, so every walk here ends.
import type { PostgresConfig, TableConfig } from "./config.ts";

export type TableNode = TableConfig & { depth: number };

/** Parents before children (by depth, then in file order): the order to read and to resolve keys. */
export function topDown(config: PostgresConfig): TableNode[] {
  const byName = new Map(config.tables.map((table) => [table.table, table]));
  const depthOf = (table: TableConfig): number => {
    let depth = 0;
    for (let current = table; current.via; depth++) {
      const parent = byName.get(current.via.parent);
      if (!parent) throw new Error(`Table "${current.table}" names parent "${current.via.parent}", which is not listed`);
      current = parent;
    }
    return depth;
  };
  return config.tables.map((table) => ({ ...table, depth: depthOf(table) })).sort((a, b) => a.depth - b.depth);
}

/** Deepest tables first (then in file order): the order to act in, so no child outlives its parent's delete. */
export function bottomUp(config: PostgresConfig): TableNode[] {
  return topDown(config).sort((a, b) => b.depth - a.depth);
}

/** The columns of `table` that its children join on: the keys to resolve before anything changes. */
export function joinedColumns(config: PostgresConfig, table: string): string[] {
  const columns = config.tables.filter((child) => child.via?.parent === table).map((child) => child.via!.parentColumn);
  return [...new Set(columns)];
}

export function parentOf(config: PostgresConfig, table: TableConfig): TableConfig | undefined {
  return table.via ? config.tables.find((candidate) => candidate.table === table.via!.parent) : undefined;
}
