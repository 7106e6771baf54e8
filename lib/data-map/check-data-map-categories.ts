// Checks a source's data map against the categories its config declares (a postgres source's mapped
// tables): every key names one of them, and every category that is not a reference (a reference table may
// be described, never has to be) has an entry, so
// the answer to an access request can say why each kind of data is kept. Sources that name their
// own categories (http, manual) declare none: any key is accepted. Paths are inside the entry
// (["dataMap", "orders"]), so the file names the line and the form the field.
import type { ConfigProblem } from "../connectors/connector.ts";
import type { ConnectorEntry } from "../connectors/connectors-file.schema.ts";
import { connectorType, isConnectorType } from "../connectors/registry.ts";

export function checkDataMapCategories(entry: Pick<ConnectorEntry, "type" | "config" | "dataMap">): ConfigProblem[] {
  if (!entry.dataMap || !isConnectorType(entry.type)) return [];
  const declared = connectorType(entry.type).categories?.(entry.config);
  if (!declared) return [];
  const problems: ConfigProblem[] = [];
  const names = new Map(declared.map((category) => [category.name, category]));
  const mapped = declared.filter((category) => !category.reference).map((category) => category.name);
  for (const key of Object.keys(entry.dataMap)) {
    if (names.has(key)) continue;
    problems.push({
      path: ["dataMap", key],
      message: `"${key}" is not a category of this source: the data map describes its mapped tables (${mapped.join(", ") || "none"})`,
    });
  }
  for (const name of mapped) {
    if (Object.hasOwn(entry.dataMap, name)) continue;
    problems.push({
      path: ["dataMap", name],
      message: `table "${name}" is mapped but the data map does not describe it: the answer would not say why this data is kept: add dataMap.${name}`,
    });
  }
  return problems;
}
