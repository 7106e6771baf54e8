// Secrets in a connector's config are write-only on screens: the edit form gets the config with
// them taken out (and, for addresses, a hint with the credentials blanked), and a save keeps the
// stored value of any secret left empty. Only a new value replaces one.
import { connectorType, isConnectorType } from "./registry.ts";

/**
 * Beyond each type's declared secrets: an http endpoint's address may carry a token in its query
 * string (endpointName() keeps it out of messages for that reason), so the form treats it as one.
 */
const alsoWriteOnly: Record<string, string[][]> = { http: [["url"]] };

export type SecretField = {
  /** The config path, dotted: "url", "hashSalt". */
  name: string;
  /** A value is stored (the form shows "•••• (unchanged)"). */
  stored: boolean;
  /** What can be shown of the stored value: an address with its password and query blanked. */
  hint: string | null;
  /** The type's schema accepts the config without it (so it may be removed). */
  optional: boolean;
};

/** The write-only config paths of a connector type. */
export function writeOnlyPaths(type: string): string[][] {
  if (!isConnectorType(type)) return [];
  return [...connectorType(type).secretPaths, ...(alsoWriteOnly[type] ?? [])];
}

/** The config with every write-only value removed: safe to show and to send to a browser. */
export function withoutSecrets(type: string, config: unknown): Record<string, unknown> {
  const copy = structuredClone(isObject(config) ? config : {});
  for (const path of writeOnlyPaths(type)) removeAt(copy, path);
  return copy;
}

/** The secret fields of a type, and for a stored config whether each has a value and what may be shown of it. */
export function secretFields(type: string, stored: unknown): SecretField[] {
  const optional = new Set(optionalSecrets(type));
  return writeOnlyPaths(type).map((path) => {
    const value = valueAt(stored, path);
    return {
      name: path.join("."),
      stored: typeof value === "string" && value !== "",
      hint: typeof value === "string" ? addressHint(value) : null,
      optional: optional.has(path.join(".")),
    };
  });
}

/**
 * The config to save: the visible part as submitted, each secret from `submitted` when one was
 * typed, else the stored one (unless listed in `clear`). A secret typed into the visible part is
 * taken as a new value too.
 */
export function mergeSecrets(
  type: string,
  visible: unknown,
  submitted: Record<string, string>,
  clear: string[],
  stored: unknown,
): Record<string, unknown> {
  const merged = structuredClone(isObject(visible) ? visible : {});
  for (const path of writeOnlyPaths(type)) {
    const name = path.join(".");
    const typed = submitted[name];
    if (typed !== undefined && typed !== "") setAt(merged, path, typed);
    else if (clear.includes(name)) removeAt(merged, path);
    else if (valueAt(merged, path) === undefined && valueAt(stored, path) !== undefined) setAt(merged, path, valueAt(stored, path));
  }
  return merged;
}

/** Secret names whose removal the type's schema accepts (found by validating a config without each). */
function optionalSecrets(type: string): string[] {
  if (!isConnectorType(type)) return [];
  const missing = new Set((connectorType(type).configSchema.safeParse({}).error?.issues ?? []).map((issue) => issue.path.join(".")));
  return writeOnlyPaths(type)
    .map((path) => path.join("."))
    .filter((name) => !missing.has(name));
}

/** An address with its password, query and fragment blanked; null for anything that is not an address. */
export function addressHint(value: string): string | null {
  if (!URL.canParse(value) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return null;
  const url = new URL(value);
  const user = url.username ? `${decodeURIComponent(url.username)}${url.password ? ":••••" : ""}@` : "";
  const rest = `${url.search ? "?••••" : ""}${url.hash ? "#••••" : ""}`;
  return `${url.protocol}//${user}${url.host}${url.pathname === "/" ? "" : url.pathname}${rest}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: string[]): unknown {
  let node = root;
  for (const part of path) node = isObject(node) ? node[part] : undefined;
  return node;
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown) {
  let node = root;
  for (const part of path.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

function removeAt(root: Record<string, unknown>, path: string[]) {
  const parent = valueAt(root, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1]];
}
