// CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF rows, and protection against
// formula injection, because a value a person or a third party typed ends up in someone's Excel.

/** Written first so Excel and LibreOffice read the file as UTF-8 (accents) instead of the local code page. */
export const CSV_BOM = "\uFEFF";

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell from a JSON value. Text that could run as a formula gets a leading `'`; numbers are left
 * alone, since `-12.5` is data and a prefix would turn it into text. Objects and arrays become JSON text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "string") {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  } else if (typeof value === "object") {
    text = JSON.stringify(value);
  } else {
    text = String(value);
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
