// What is left of a connector receipt and a package manifest once the person's details are purged:
// counts, strategies, categories and fingerprints stay (they show what was done); names of files
// staff attached, corrections the person asked for and any free text a source sent back go.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

function pick(value: Json, keys: readonly string[]): JsonObject {
  if (!isObject(value)) return {};
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(value, key)).map((key) => [key, value[key]]));
}

/** Item fields kept per list; every field is a label from a connector's configuration or a number. */
const keptItems: Record<string, readonly string[]> = {
  details: ["category", "strategy", "rows", "reason", "columns"],
  applied: ["field", "category", "column", "rows"],
  files: ["bytes", "sha256"],
};

export function deidentifyReceipt(receipt: unknown): Json {
  if (!isObject(receipt)) return null;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(receipt)) {
    if (typeof value === "number" || typeof value === "boolean") out[key] = value;
    else if (key === "categories" && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).filter(([, count]) => typeof count === "number"));
    } else if (Object.hasOwn(keptItems, key) && Array.isArray(value)) {
      out[key] = value.map((item) => pick(item, keptItems[key]));
    } else if (key === "unmapped" && Array.isArray(value)) {
      // Field names the person typed: only how many stay.
      out[key] = value.map(() => "[removed]");
    }
  }
  return out;
}

/** Attached files keep their folder and fingerprint; their names (which may name the person) go. */
export function deidentifyManifest(manifest: unknown): Json {
  if (!isObject(manifest) || !Array.isArray(manifest.files)) return isObject(manifest) ? manifest : {};
  return {
    ...manifest,
    files: manifest.files.map((file, index) => {
      if (!isObject(file) || typeof file.path !== "string" || !file.path.includes("/files/")) return file;
      return { ...file, path: `${file.path.slice(0, file.path.indexOf("/files/"))}/files/[removed-${index + 1}]` };
    }),
  };
}
