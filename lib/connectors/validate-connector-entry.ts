// The checks one connector goes through, whether it comes from a connectors file or from the
// staff form: its type is known, its config passes that type's schema, and (when it is enabled)
// the live system agrees with it. Problems carry the path inside the entry, e.g.
// ["config", "tables", 0, "table"], so each caller can say where they are.
import { checkDataMapCategories } from "../data-map/check-data-map-categories.ts";
import type { ConfigProblem } from "./connector.ts";
import { type ConnectorEntry, connectorEntrySchema } from "./connectors-file.schema.ts";
import { connectorType, connectorTypeNames, isConnectorType } from "./registry.ts";

export type EntryProblem = ConfigProblem;

/** The type is known and the config passes its schema; on success the entry's config is the parsed one (defaults filled in). */
export function checkEntryConfig(entry: Pick<ConnectorEntry, "type" | "config">): EntryProblem[] {
  if (!isConnectorType(entry.type)) {
    return [{ path: ["type"], message: `unknown connector type "${entry.type}"; known types: ${connectorTypeNames.join(", ")}` }];
  }
  const config = connectorType(entry.type).configSchema.safeParse(entry.config);
  if (!config.success) {
    return config.error.issues.map((issue) => ({ path: ["config", ...(issue.path as Array<string | number>)], message: issue.message }));
  }
  entry.config = config.data;
  return [];
}

/**
 * The type's checks against the live system (unknown tables or columns, a database that does not
 * answer). A source whose actions leave out erasure is not held to what its erase settings would do.
 */
export async function liveCheckEntry(
  entry: Pick<ConnectorEntry, "type" | "config"> & { actions?: readonly string[] },
): Promise<EntryProblem[]> {
  const found = await connectorType(entry.type).check?.(entry.config);
  const erases = !entry.actions || entry.actions.some((action) => action.toLowerCase() === "erasure");
  return (found ?? [])
    .filter((problem) => erases || !problem.path.includes("erase"))
    .map((problem) => ({ path: ["config", ...problem.path], message: problem.message }));
}

/** One entry, from any source: its shape, then its config and data map, then (enabled only) the live checks. */
export async function validateConnectorEntry(
  input: unknown,
  options: { liveChecks?: boolean } = {},
): Promise<{ entry: ConnectorEntry; problems: [] } | { entry: null; problems: EntryProblem[] }> {
  const parsed = connectorEntrySchema.safeParse(input);
  if (!parsed.success) {
    return {
      entry: null,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path as Array<string | number>, message: issue.message })),
    };
  }
  const entry = parsed.data;
  const problems = checkEntryConfig(entry);
  if (problems.length === 0) problems.push(...checkDataMapCategories(entry));
  if (problems.length === 0 && entry.enabled && options.liveChecks !== false) problems.push(...(await liveCheckEntry(entry)));
  return problems.length ? { entry: null, problems } : { entry, problems: [] };
}

/** "config.tables[0].table": how the file reader and the form name a place in an entry. */
export function formatEntryPath(path: Array<string | number>): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${part}`)).join("");
}
