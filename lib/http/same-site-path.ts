// Where a redirect taken from input may lead: a path of this site, rebuilt from its decoded
// segments, so what is checked is what is sent. Anything that a browser or Next.js could
// normalise into another origin ("//host", "/\host", "/.%2F%2Fhost", a tab inside "//", "..")
// is refused rather than repaired.
import { hasHostileCharacters } from "./safe-text.ts";

const MAX_LENGTH = 2048;
// Characters that may never appear in a decoded segment (beside controls): separators, escapes.
const FORBIDDEN_IN_SEGMENT = /[/\\%]/;
const FORBIDDEN_IN_QUERY = /\\/;

/** The same path ready for a Location header ("/fr/status/…?x=1"), or null when it is not one of ours. */
export function sameSitePath(next: string | null | undefined): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH || !next.startsWith("/")) return null;
  const withoutFragment = next.split("#")[0];
  const queryAt = withoutFragment.indexOf("?");
  const rawPath = queryAt === -1 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? "" : withoutFragment.slice(queryAt + 1);
  const segments = rawPath.slice(1).split("/");
  const rebuilt: string[] = [];
  for (const [index, raw] of segments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // An empty segment is only the trailing slash ("/fr/"); anywhere else it makes "//".
    if (segment === "" && index !== segments.length - 1) return null;
    if (segment === "." || segment === ".." || FORBIDDEN_IN_SEGMENT.test(segment) || hasHostileCharacters(segment)) return null;
    rebuilt.push(encodeURIComponent(segment));
  }
  let query = "";
  if (rawQuery) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawQuery.replace(/\+/g, " "));
    } catch {
      return null;
    }
    if (FORBIDDEN_IN_QUERY.test(decoded) || hasHostileCharacters(decoded)) return null;
    query = new URLSearchParams(rawQuery).toString();
  }
  return `/${rebuilt.join("/")}${query ? `?${query}` : ""}`;
}
