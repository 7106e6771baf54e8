// Answers are kept as received: a number JavaScript cannot hold exactly (an id of 20 digits, a
// decimal with more precision than a double) stays the exact text of the answer, as a string.
import { isSafeNumber, parse } from "lossless-json";

export function parseExactJson(text: string): unknown {
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : value));
}
