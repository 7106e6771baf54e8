// JSON from a source, kept exact: a number JavaScript cannot hold exactly (an id of 20 digits, a
// decimal with more precision than a double) stays the exact text it was, as a string. Used for
// PostgreSQL json/jsonb, MySQL/MariaDB JSON and REST answers alike.
import { isSafeNumber, parse } from "lossless-json";

export function parseExactJson(text: string): unknown {
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : value));
}
