// Every value leaves MySQL/MariaDB in the format the PostgreSQL connector documents (the session
// runs in UTC, pool.ts): TIMESTAMP as ISO 8601 in UTC with "Z", DATETIME as ISO 8601 without a zone,
// both with the column's own fraction of a second; DATE as YYYY-MM-DD; DECIMAL and BIGINT as exact
// decimal text; BIT as its bits ("101"); BLOB and BINARY as base64 (../sql/values.ts); JSON parsed,
// with numbers a float would change kept as text.
import { parseExactJson } from "../exact-json.ts";
import type { ColumnInfo, Row } from "../sql/dialect.ts";
import { toJsonSafe } from "../sql/values.ts";
import type { FieldFormat, ValueFormat } from "../value-formats.ts";

type Field = { type: string; length: number; extendedFormat?: string; string(encoding?: string): string | null; buffer(): Buffer | null };

/** mysql2's typeCast: the driver's own conversions, except where they would lose or shift a value. */
export function castValue(field: Field, next: () => unknown): unknown {
  switch (field.type) {
    case "TIMESTAMP":
    case "TIMESTAMP2":
      return isoDateTime(field.string(), "Z");
    case "DATETIME":
    case "DATETIME2":
      return isoDateTime(field.string(), "");
    case "DATE":
    case "NEWDATE":
    case "NEWDECIMAL":
    case "DECIMAL":
    case "LONGLONG":
      return field.string();
    case "JSON":
      return json(field.string("utf8"));
    case "BIT": {
      const bytes = field.buffer();
      return bytes === null ? null : bitsOf(bytes, field.length);
    }
    default:
      // MariaDB sends JSON as text, saying so in the column's extended type.
      return field.extendedFormat === "json" ? json(field.string("utf8")) : next();
  }
}

function json(text: string | null): unknown {
  if (text === null) return null;
  try {
    return parseExactJson(text);
  } catch {
    return text;
  }
}

/** `2026-01-05 10:00:00.123456` → `2026-01-05T10:00:00.123456` + zone; a zero date stays as written. */
export function isoDateTime(value: string | null, zone: string): string | null {
  if (value === null) return null;
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)$/.exec(value);
  if (!match || match[1] === "0000-00-00") return value;
  return `${match[1]}T${match[2]}${zone}`;
}

/** The bits of a BIT(n) value, n of them: b'101' in BIT(3) → "101". */
export function bitsOf(bytes: Buffer, width: number): string {
  const bits = [...bytes].map((byte) => byte.toString(2).padStart(8, "0")).join("");
  return width > 0 && width <= bits.length ? bits.slice(bits.length - width) : bits;
}

/** JSON text parsed, keeping numbers a JavaScript number would round (big integers, long decimals) as their exact text. */

export function mysqlRowToFields(row: Row, columns: Map<string, ColumnInfo> | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (typeof value === "string" && columns?.get(name)?.json) {
      try {
        fields[name] = parseExactJson(value);
        continue;
      } catch {
        // Not valid JSON after all (a column without the check): given as the text it is.
      }
    }
    fields[name] = toJsonSafe(value);
  }
  return fields;
}

const formats: Record<string, ValueFormat> = {
  decimal: "exact-number",
  bigint: "exact-number",
  timestamp: "date-time",
  datetime: "local-date-time",
  date: "date",
  time: "time",
  binary: "base64",
  varbinary: "base64",
  tinyblob: "base64",
  blob: "base64",
  mediumblob: "base64",
  longblob: "base64",
  bit: "bits",
};

/** The format castValue writes a column's values in (../value-formats.ts); JSON also when MariaDB keeps it as checked text. */
export function mysqlValueFormat(column: ColumnInfo): FieldFormat | undefined {
  return column.json ? "json" : formats[column.dataType];
}
