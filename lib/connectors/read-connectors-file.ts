// Reads and validates a connectors file (YAML or JSON) completely before anything is applied:
// syntax, `${VAR}` substitution from the environment, the file's shape, each type's config
// schema, then the live checks of each source. Every problem says where it is in the file.
import { isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { checkDataMapCategories } from "../data-map/check-data-map-categories.ts";
import { type ConnectorEntry, type ConnectorsFileShared, connectorsFileSchema } from "./connectors-file.schema.ts";
import { checkEntryConfig, formatEntryPath, liveCheckEntry } from "./validate-connector-entry.ts";

export type FileProblem = { line: number | null; column: number | null; path: string; message: string };

type Path = Array<string | number>;

export type ConnectorsFileContents = {
  entries: ConnectorEntry[];
  shared: ConnectorsFileShared;
  problems: FileProblem[];
  /** Not errors: a source with no data map at all (the record of processing shows it "not described"). */
  warnings: FileProblem[];
};

export async function readConnectorsFile(
  text: string,
  environment: Record<string, string | undefined>,
  options: { liveChecks?: boolean } = {},
): Promise<ConnectorsFileContents> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: FileProblem[] = [];
  const at = (offset: number | undefined) =>
    offset === undefined ? { line: null, column: null } : (({ line, col }) => ({ line, column: col }))(lineCounter.linePos(offset));
  const problemAt = (path: Path, message: string) => problems.push({ ...at(offsetOf(doc, path)), path: formatEntryPath(path), message });

  for (const error of doc.errors) problems.push({ ...at(error.pos[0]), path: "", message: error.message.split("\n")[0] });
  if (problems.length) return { entries: [], shared: {}, problems, warnings: [] };

  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string") return;
      node.value = node.value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
        const value = environment[name];
        if (value === undefined || value === "") {
          problems.push({
            ...at(node.range?.[0]),
            path: "",
            message: `${whole} is used here but the environment variable ${name} is not set`,
          });
          return whole;
        }
        return value;
      });
    },
  });

  // A value still holding "${VAR}" would only produce confusing follow-on errors.
  if (problems.length) return { entries: [], shared: {}, problems: sortByLine(problems), warnings: [] };
  const parsed = connectorsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problemAt(issue.path as Path, issue.message);
    return { entries: [], shared: {}, problems: sortByLine(problems), warnings: [] };
  }
  const { connectors: entries, organisation, correctableFields } = parsed.data;
  const warnings: FileProblem[] = [];
  entries.forEach((entry, index) => {
    const configProblems = checkEntryConfig(entry);
    // The categories are read from the parsed config: only once it is valid.
    const found = configProblems.length ? configProblems : checkDataMapCategories(entry);
    for (const problem of found) problemAt(["connectors", index, ...problem.path], problem.message);
    if (!entry.dataMap) {
      warnings.push({
        ...at(offsetOf(doc, ["connectors", index])),
        path: formatEntryPath(["connectors", index]),
        message: `connector "${entry.key}" has no dataMap: the record of processing shows it as not described, and the answer to an access request cannot say why its data is kept`,
      });
    }
  });
  if (problems.length === 0 && options.liveChecks !== false) {
    for (const [index, entry] of entries.entries()) {
      if (!entry.enabled) continue;
      for (const problem of await liveCheckEntry(entry)) problemAt(["connectors", index, ...problem.path], problem.message);
    }
  }
  return { entries, shared: { organisation, correctableFields }, problems: sortByLine(problems), warnings };
}

/**
 * The offset of the deepest node of `path` that exists in the document: a scalar value itself; for a
 * mapping or list under a key, the key (`customers:`), not its contents, which start on the next line.
 */
function offsetOf(doc: ReturnType<typeof parseDocument>, path: Path): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node === undefined) continue;
    // A value on its key's line: the value itself, to the column.
    if (isScalar(node) && node.range) return node.range[0];
    const parent = depth === 0 ? null : depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1]) : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) return node.range[0];
  }
  return undefined;
}

function sortByLine(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
