// What discovery knows about a source database, whichever engine it runs on: the tables of one
// schema with their columns and keys, the foreign keys between them, and what a bounded sample of
// rows looked like. The sample is counts of pattern matches only: no value ever leaves the sampler.

import type { ForeignKey } from "../connectors/sql/dialect.ts";

export type SourceDialect = "postgres" | "mysql";

/** How a column's values are stored, as far as erasure's masks are concerned. */
export type ColumnKind = "text" | "number" | "date" | "timestamp" | "boolean" | "binary" | "other";

export type CatalogColumn = {
  name: string;
  /** The type as the database spells it ("character varying", "varchar", "int4"…), for messages. */
  type: string;
  kind: ColumnKind;
  /** Characters a text column holds; null when unbounded or not text. */
  maxLength: number | null;
  nullable: boolean;
};

export type CatalogTable = {
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  /** Unique constraints and indexes (the primary key included), each as its columns in order. */
  uniqueKeys: string[][];
};

/**
 * A foreign key pointing to a table of the schema, from any schema (one from elsewhere still blocks a
 * delete), as the SQL connectors read it: columns in order, ON DELETE as pg_constraint's letter.
 */
export type CatalogForeignKey = ForeignKey;

export type SourceCatalog = {
  dialect: SourceDialect;
  /** The PostgreSQL schema, or the MySQL database. */
  schema: string;
  tables: CatalogTable[];
  /** Foreign keys that point to a table of `schema` (from any schema). */
  foreignKeys: CatalogForeignKey[];
};

/** What a value can look like; the sampler counts, per column, the values that match each. */
export const valuePatterns = ["email", "phone", "person-name", "postal-address", "ip-address", "birth-date", "card-number"] as const;
export type ValuePattern = (typeof valuePatterns)[number];

export type ColumnSample = {
  /** Non-empty values read. */
  values: number;
  matches: Partial<Record<ValuePattern, number>>;
};

/** table → column → counts. A table missing here was not sampled (time ran out, or it could not be read). */
export type SourceSample = Map<string, Map<string, ColumnSample>>;

export function findTable(catalog: SourceCatalog, name: string): CatalogTable | undefined {
  return catalog.tables.find((table) => table.name === name);
}
