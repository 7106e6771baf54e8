// Reads and validates a connectors file (YAML or JSON) completely before anything is applied:
// syntax, `${VAR}` substitution from the environment, the file's shape, each type's config
// schema, then the live checks of each source. Every problem says where it is in the file.
import { isScalar, LineCounter, parseDocument, visit } from "yaml";
import { type ConnectorEntry, type ConnectorsFileShared, connectorsFileSchema } from "./connectors-file.schema.ts";
import { checkEntryConfig, formatEntryPath, liveCheckEntry } from "./validate-connector-entry.ts";

export type FileProblem = { line: number | null; column: number | null; path: string; message: string };

type Path = Array<string | number>;

export async function readConnectorsFile(
  text: string,
  environment: Record<string, string | undefined>,
  options: { liveChecks?: boolean } = {},
): Promise<{ entries: ConnectorEntry[]; shared: ConnectorsFileShared; problems: FileProblem[] }> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: FileProblem[] = [];
  const at = (offset: number | undefined) =>
    offset === undefined ? { line: null, column: null } : (({ line, col }) => ({ line, column: col }))(lineCounter.linePos(offset));
  const problemAt = (path: Path, message: string) => problems.push({ ...at(offsetOf(doc, path)), path: formatEntryPath(path), message });

  for (const error of doc.errors) problems.push({ ...at(error.pos[0]), path: "", message: error.message.split("\n")[0] });
  if (problems.length) return { entries: [], shared: {}, problems };

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
  if (problems.length) return { entries: [], shared: {}, problems: sortByLine(problems) };
  const parsed = connectorsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problemAt(issue.path as Path, issue.message);
    return { entries: [], shared: {}, problems: sortByLine(problems) };
  }
  const { connectors: entries, organisation, correctableFields } = parsed.data;
  entries.forEach((entry, index) => {
    for (const problem of checkEntryConfig(entry)) problemAt(["connectors", index, ...problem.path], problem.message);
  });
  if (problems.length === 0 && options.liveChecks !== false) {
    for (const [index, entry] of entries.entries()) {
      if (!entry.enabled) continue;
      for (const problem of await liveCheckEntry(entry)) problemAt(["connectors", index, ...problem.path], problem.message);
    }
  }
  return { entries, shared: { organisation, correctableFields }, problems: sortByLine(problems) };
}

/** The offset of the deepest node of `path` that exists in the document. */
function offsetOf(doc: ReturnType<typeof parseDocument>, path: Path): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) return node.range[0];
    if (isScalar(node) && node.range) return node.range[0];
  }
  return undefined;
}

function sortByLine(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
