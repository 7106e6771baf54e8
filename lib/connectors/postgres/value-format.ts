// The format pool.ts's parsers write each PostgreSQL type in (../value-formats.ts), by the column's
// udt_name: a domain's is its base type's, an array's is "_" and its items' type.
import type { ColumnInfo } from "../sql/dialect.ts";
import type { FieldFormat, ValueFormat } from "../value-formats.ts";

const formats: Record<string, ValueFormat> = {
  numeric: "exact-number",
  int8: "exact-number",
  timestamptz: "date-time",
  timestamp: "local-date-time",
  date: "date",
  time: "time",
  timetz: "time-with-offset",
  interval: "duration",
  bytea: "base64",
  json: "json",
  jsonb: "json",
  bit: "bits",
  varbit: "bits",
};

export function postgresValueFormat(column: ColumnInfo): FieldFormat | undefined {
  const list = column.udtName.startsWith("_");
  const format = formats[list ? column.udtName.slice(1) : column.udtName];
  if (!format) return undefined;
  return list ? `${format}[]` : format;
}
