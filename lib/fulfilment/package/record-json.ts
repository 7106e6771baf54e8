// A record's fields as the package writes them: JSON once per record, and each field's value as
// that JSON holds it (for its CSV cell), without serialising or parsing the record again.
//
// Database drivers hand back values JSON cannot hold as they are: bigint (which JSON.stringify
// refuses) becomes a decimal string, and bytes become base64 instead of `{"type":"Buffer","data":[…]}`.

/** The record's JSON text on one line. */
export function recordJson(fields: Record<string, unknown>): string {
  // The replacer costs a call per value: only records that hold such values pay for it.
  for (const name in fields) if (needsReplacer(fields[name])) return JSON.stringify(fields, jsonReplacer);
  return JSON.stringify(fields);
}

/**
 * One field's value as the record's JSON holds it, for a CSV cell: text, a number, a boolean, null,
 * or for an object or array its JSON text (which is what the cell shows).
 */
export function jsonValueOf(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return value.toString();
    case "object": {
      if (value === null) return null;
      if (value instanceof Uint8Array) return base64(value);
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") return jsonValueOf(toJSON.call(value));
      return JSON.stringify(value, jsonReplacer);
    }
    default:
      // undefined, functions and symbols are left out of JSON.
      return undefined;
  }
}

function needsReplacer(value: unknown): boolean {
  if (typeof value === "bigint") return true;
  if (typeof value !== "object" || value === null) return false;
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(needsReplacer);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false; // a Date, or another toJSON
  for (const name in value) if (needsReplacer((value as Record<string, unknown>)[name])) return true;
  return false;
}

function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    // Buffer.toJSON has already run; the holder still has the original.
    const original = (this as Record<string, unknown>)[key];
    if (original instanceof Uint8Array) return base64(original);
  }
  return value;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
