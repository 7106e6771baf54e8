// Samples every table of a catalog through one engine's query, until the deadline: at most the
// sample size of rows per table, each value cut to 200 characters by the query, turned into pattern
// counts at once and dropped. A table that cannot be read (rights, time) is named, not fatal.
import { countValuePatterns } from "./count-value-patterns.ts";
import type { InspectOptions } from "./inspect-source.ts";
import type { CatalogColumn, CatalogTable, SourceCatalog, SourceSample } from "./source-catalog.ts";

/** Reads up to `limit` rows of `columns`, each row as the columns' values (text, or null) in order. */
export type ReadRows = (table: CatalogTable, columns: CatalogColumn[], limit: number) => Promise<Array<Array<string | null>>>;

export async function sampleTables(catalog: SourceCatalog, options: InspectOptions, readRows: ReadRows) {
  const sample: SourceSample = new Map();
  const unsampled: string[] = [];
  for (const table of catalog.tables) {
    const readable = table.columns.filter((column) => column.kind !== "binary");
    if (readable.length === 0) continue;
    if (Date.now() > options.deadline) {
      unsampled.push(table.name);
      continue;
    }
    try {
      const rows = await readRows(table, readable, Math.trunc(options.sampleSize));
      sample.set(
        table.name,
        new Map(
          readable.map((column, i) => [
            column.name,
            countValuePatterns(
              rows.map((row) => row[i]),
              column.kind,
            ),
          ]),
        ),
      );
      rows.length = 0;
    } catch {
      // Rights missing or too slow: the table is proposed from its catalog alone.
      unsampled.push(table.name);
    }
  }
  return { sample, unsampled };
}
