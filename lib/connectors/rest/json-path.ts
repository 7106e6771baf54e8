// The selectors of a rest connector's config: a dotted path into a JSON answer, with `[n]` for
// an array index, e.g. `data`, `paging.next.after`, `properties.email`, `results[0].id`. An empty
// path, `$` or `$.` at the start mean the answer itself. Keys with dots or brackets are written
// `["a.b"]`.

const SEGMENT = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;

/** The parts of a path, or null when it does not parse. */
export function parsePath(path: string): Array<string | number> | null {
  const text = path.trim().replace(/^\$\.?/, "");
  if (text === "") return [];
  const parts: Array<string | number> = [];
  let consumed = 0;
  for (const match of text.matchAll(SEGMENT)) {
    const gap = text.slice(consumed, match.index);
    if (gap !== "" && gap !== ".") return null;
    if (match[1] !== undefined) parts.push(Number(match[1]));
    else if (match[2] !== undefined) parts.push(match[2].replace(/\\(.)/g, "$1"));
    else parts.push(match[3]);
    consumed = (match.index ?? 0) + match[0].length;
  }
  return consumed === text.length && !text.endsWith(".") ? parts : null;
}

export function isValidPath(path: string): boolean {
  return parsePath(path) !== null;
}

/** The value at `path` in `root`, or undefined when any step is missing. */
export function selectPath(root: unknown, path: string): unknown {
  const parts = parsePath(path);
  if (!parts) return undefined;
  let node = root;
  for (const part of parts) {
    if (node === null || typeof node !== "object") return undefined;
    if (typeof part === "number") node = Array.isArray(node) ? node[part] : undefined;
    else node = Array.isArray(node) ? undefined : Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

/** Sets `value` at `path` in `root`, creating objects on the way (for request bodies). */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = parsePath(path);
  if (!parts || parts.length === 0) throw new Error(`"${path}" does not name a field`);
  let node: Record<string, unknown> = root;
  for (const part of parts.slice(0, -1)) {
    const key = String(part);
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[String(parts[parts.length - 1])] = value;
}
