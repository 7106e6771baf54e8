// How each table of a schema reaches the table that identifies the person, following foreign keys
// from the referencing table to the referenced one: every simple path (shortest first), the tables
// the person's rows point to without reaching the person themselves (cities, films), the cycles of
// foreign keys, and the tables no path links to a person.
import type { CatalogForeignKey, SourceCatalog } from "./source-catalog.ts";

/** One hop: `table.column = parent.parentColumn` (several columns for a composite key, in order). */
export type JoinLink = { parent: string; column: string[]; parentColumn: string[] };

/** A way from a table to the identity table: the tables passed and the foreign keys followed. */
export type JoinPath = { tables: string[]; foreignKeys: string[] };

export type LinkedTable = { table: string; depth: number; via: JoinLink[]; paths: JoinPath[] };

export type ReferencedTable = {
  table: string;
  /** The linked tables whose rows point here, nearest to the person first. */
  referrers: Array<{ table: string; depth: number; link: JoinLink; foreignKey: string }>;
};

export type JoinPaths = {
  linked: LinkedTable[];
  referenced: ReferencedTable[];
  cycles: string[][];
  unlinked: string[];
  /** Tables with more paths than were followed. */
  truncated: string[];
};

const MAX_HOPS = 6;
const MAX_PATHS = 8;

export function findJoinPaths(catalog: SourceCatalog, identityTable: string): JoinPaths {
  const names = new Set(catalog.tables.map((table) => table.name));
  const keys = catalog.foreignKeys.filter((key) => key.fromSchema === catalog.schema && names.has(key.fromTable) && names.has(key.toTable));
  const outgoing = new Map<string, CatalogForeignKey[]>();
  for (const key of keys) outgoing.set(key.fromTable, [...(outgoing.get(key.fromTable) ?? []), key]);

  const truncated: string[] = [];
  const linked: LinkedTable[] = [];
  for (const table of [...names].sort()) {
    if (table === identityTable) continue;
    const found = pathsFrom(table, identityTable, outgoing);
    if (found.paths.length === 0) continue;
    if (found.truncated) truncated.push(table);
    const paths = found.paths.sort((a, b) => a.tables.length - b.tables.length || a.foreignKeys.join().localeCompare(b.foreignKeys.join()));
    const firstHops = [...new Set(paths.map((path) => path.foreignKeys[0]))];
    const via = firstHops.map((name) => linkOf(keys.find((key) => key.fromTable === table && key.name === name)!));
    linked.push({ table, depth: paths[0].tables.length - 1, via, paths });
  }

  const depthOf = new Map<string, number>([[identityTable, 0], ...linked.map((entry) => [entry.table, entry.depth] as const)]);
  const referenced = new Map<string, ReferencedTable>();
  for (const key of keys) {
    const from = depthOf.get(key.fromTable);
    if (from === undefined || depthOf.has(key.toTable)) continue;
    const entry = referenced.get(key.toTable) ?? { table: key.toTable, referrers: [] };
    entry.referrers.push({
      table: key.fromTable,
      depth: from,
      foreignKey: key.name,
      link: { parent: key.fromTable, column: key.toColumns, parentColumn: key.fromColumns },
    });
    referenced.set(key.toTable, entry);
  }
  for (const entry of referenced.values()) {
    entry.referrers.sort((a, b) => a.depth - b.depth || a.table.localeCompare(b.table) || a.foreignKey.localeCompare(b.foreignKey));
  }

  const reached = new Set([identityTable, ...linked.map((entry) => entry.table), ...referenced.keys()]);
  return {
    linked: linked.sort((a, b) => a.depth - b.depth || a.table.localeCompare(b.table)),
    referenced: [...referenced.values()].sort((a, b) => a.table.localeCompare(b.table)),
    cycles: foreignKeyCycles([...names], keys),
    unlinked: [...names].filter((name) => !reached.has(name)).sort(),
    truncated,
  };
}

/** The hop a foreign key makes, from the referencing table up to the referenced one. */
function linkOf(key: CatalogForeignKey): JoinLink {
  return { parent: key.toTable, column: key.fromColumns, parentColumn: key.toColumns };
}

function pathsFrom(start: string, goal: string, outgoing: Map<string, CatalogForeignKey[]>): { paths: JoinPath[]; truncated: boolean } {
  const paths: JoinPath[] = [];
  let truncated = false;
  const walk = (table: string, tables: string[], foreignKeys: string[]) => {
    for (const key of outgoing.get(table) ?? []) {
      if (tables.includes(key.toTable)) continue;
      if (key.toTable === goal) {
        if (paths.length >= MAX_PATHS) truncated = true;
        else paths.push({ tables: [...tables, goal], foreignKeys: [...foreignKeys, key.name] });
        continue;
      }
      if (tables.length < MAX_HOPS) walk(key.toTable, [...tables, key.toTable], [...foreignKeys, key.name]);
    }
  };
  walk(start, [start], []);
  return { paths, truncated };
}

/** Strongly connected groups of tables (Tarjan), and tables that reference themselves. */
function foreignKeyCycles(tables: string[], keys: CatalogForeignKey[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const key of keys) edges.set(key.fromTable, [...(edges.get(key.fromTable) ?? []), key.toTable]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (table: string) => {
    index.set(table, counter);
    low.set(table, counter);
    counter++;
    stack.push(table);
    onStack.add(table);
    for (const next of edges.get(table) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(table, Math.min(low.get(table)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(table, Math.min(low.get(table)!, index.get(next)!));
      }
    }
    if (low.get(table) !== index.get(table)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== table);
    if (group.length > 1 || (edges.get(table) ?? []).includes(table)) cycles.push(group.sort());
  };
  for (const table of [...tables].sort()) if (!index.has(table)) connect(table);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
