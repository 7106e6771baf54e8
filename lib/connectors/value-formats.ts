// How a value a record writes as text is to be read. JSON has no dates, no exact decimals and no
// bytes, so the connectors write them as strings in one documented format; a record names the
// format of each such field (`AccessRecord.formats`), and the package declares it in its metadata
// (the JSON files' `about`, manifest.json) so that software reading the package need not guess.
// "<format>[]" is a list whose items are in that format.

export const valueFormats = {
  "exact-number":
    "A number as a JSON string holding every digit the source stored (numeric, decimal, bigint): read it as a decimal, not a float",
  "date-time": "A moment in ISO 8601 at the source's precision, in UTC (ending in Z)",
  "local-date-time": "A date and time in ISO 8601 at the source's precision, without a time zone (as the source stored it)",
  date: "A day in ISO 8601 (YYYY-MM-DD)",
  time: "A time of day in ISO 8601 at the source's precision, without a time zone",
  "time-with-offset": "A time of day in ISO 8601 at the source's precision, with its offset from UTC",
  duration: "A duration in ISO 8601 (P1Y2M3DT4H5M6.789S)",
  base64: "Binary content in Base64",
  bits: "A bit string, as 0s and 1s",
  json: "A JSON value as stored, except that a number a double cannot hold exactly is a string of its digits",
} as const;

export type ValueFormat = keyof typeof valueFormats;

/** A field's format: one of valueFormats, or "<format>[]" for a list of them. */
export type FieldFormat = ValueFormat | `${ValueFormat}[]`;
