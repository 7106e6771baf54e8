// Folder and file names inside the ZIP come from connector configuration (source keys, table or
// resource names). They are made safe to extract anywhere: no path separators or "..", nothing
// Windows refuses, and no two names that a case-insensitive file system would merge.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME_LENGTH = 80;

/** One path segment: letters (accents included), digits, `.`, `_` and `-`; anything else becomes `_`. */
export function safeSegment(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "_")
    // A leading dot hides the file on Unix and ".." climbs; trailing dots vanish on Windows.
    .replace(/^[._]+|\.+$/g, "")
    .slice(0, MAX_NAME_LENGTH);
  if (cleaned === "") return "unnamed";
  return WINDOWS_RESERVED.test(cleaned) ? `${cleaned}_` : cleaned;
}

/** Hands out segment names unique within one folder, whatever the case: `orders`, `Orders-2`, … */
export class SegmentNames {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    const base = safeSegment(name);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
