// The timeline checks of the offline verifier: every event's hash recomputed from its fields, the
// request's chain followed from the genesis value in chain order (positions; ids in @1 bundles), and
// timeline.csv compared with timeline.json.
// Pure: no database, no configuration.
import type { z } from "zod";
import { auditEventHash, GENESIS_HASH } from "./audit-hash.ts";
import {
  bundleFiles,
  EVIDENCE_DOWNLOADED_ACTION,
  type EvidenceManifest,
  hashedFieldsOf,
  LEGACY_EVIDENCE_BUNDLE_FORMAT,
  LEGACY_EVIDENCE_TIMELINE_FORMAT,
  type TimelineEvent,
  timelineCsvColumns,
  timelineCsvHead,
  timelineCsvRow,
  timelineEventSchema,
  timelineHeadSchema,
} from "./evidence-bundle-format.ts";

export type BundleProblem = { file: string; where?: string; message: string };

export const label = (index: number, id?: string) => `event #${index}${id ? ` (id ${id})` : ""}`;

/** A JSON file of the bundle read against its schema; a problem naming the file and field when it is not. */
export function readJsonDocument<T>(file: string, bytes: Buffer, schema: z.ZodType<T>, what: string, problems: BundleProblem[]): T | null {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    problems.push({ file, message: `is not valid JSON (${(error as Error).message}).` });
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push({ file, message: `is not ${what}: ${issue.path.join(".") || "document"} ${issue.message}.` });
    return null;
  }
  return parsed.data;
}

/** Parses timeline.json and checks its chain; returns the events that parsed, for the CSV check. */
export function verifyTimelineJson(bytes: Buffer, manifest: EvidenceManifest | null, problems: BundleProblem[]): TimelineEvent[] | null {
  const file = bundleFiles.timelineJson;
  const head = readJsonDocument(file, bytes, timelineHeadSchema, "an evidence timeline", problems);
  if (!head) return null;
  if (manifest && (head.reference !== manifest.reference || head.requestId !== manifest.requestId)) {
    problems.push({
      file,
      message: `is the timeline of ${head.reference} (${head.requestId}), not of ${manifest.reference} as the manifest says.`,
    });
  }
  const legacy = head.format === LEGACY_EVIDENCE_TIMELINE_FORMAT;
  if (manifest && legacy !== (manifest.format === LEGACY_EVIDENCE_BUNDLE_FORMAT)) {
    problems.push({ file, message: `is in the format ${head.format}, which a ${manifest.format} bundle does not hold.` });
  }
  const events: TimelineEvent[] = [];
  let previous: TimelineEvent | null = null;
  for (const [position, raw] of head.events.entries()) {
    const parsed = timelineEventSchema.safeParse(raw);
    const rawId = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : undefined;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ file, where: label(position, rawId), message: `is malformed: ${issue.path.join(".") || "event"} ${issue.message}.` });
      previous = null;
      continue;
    }
    const event = parsed.data;
    events.push(event);
    checkEvent(event, position, previous, head.requestId, legacy, problems);
    previous = event;
  }
  if (manifest) checkHead(events, head.events.length, manifest, problems);
  return events;
}

function checkEvent(
  event: TimelineEvent,
  position: number,
  previous: TimelineEvent | null,
  requestId: string,
  legacy: boolean,
  problems: BundleProblem[],
) {
  const file = bundleFiles.timelineJson;
  const where = label(position, event.id);
  if (!legacy && event.seq === undefined) problems.push({ file, where, message: "has no seq: its position in the chain is missing." });
  if (event.index !== position) problems.push({ file, where, message: `says it is #${event.index} but is at position ${position}.` });
  if (event.requestId !== requestId) problems.push({ file, where, message: `belongs to request ${event.requestId}, not ${requestId}.` });
  const recomputed = auditEventHash(hashedFieldsOf(event));
  if (recomputed !== event.hash) {
    problems.push({
      file,
      where,
      message: `hash ${short(event.hash)} does not match its fields (recomputed ${short(recomputed)}): the event was edited.`,
    });
  }
  if (position === 0) {
    if (event.requestPrevHash !== GENESIS_HASH) {
      problems.push({
        file,
        where,
        message: "is the first event but its requestPrevHash is not the genesis value: earlier events of the request are missing.",
      });
    }
    return;
  }
  if (previous && legacy && BigInt(event.id) <= BigInt(previous.id)) {
    problems.push({ file, where, message: `comes after ${label(position - 1, previous.id)} but has a lower id: events were reordered.` });
  }
  if (previous && !legacy && event.seq !== undefined && previous.seq !== undefined && BigInt(event.seq) <= BigInt(previous.seq)) {
    problems.push({
      file,
      where,
      message: `comes after ${label(position - 1, previous.id)} but has an earlier chain position (seq ${event.seq}, not after ${previous.seq}): events were reordered.`,
    });
  }
  if (previous && event.requestPrevHash !== previous.hash) {
    problems.push({
      file,
      where,
      message: `requestPrevHash ${short(event.requestPrevHash)} is not the hash of ${label(position - 1, previous.id)} (${short(previous.hash)}): an event was removed, inserted or moved here.`,
    });
  }
}

function checkHead(events: TimelineEvent[], listed: number, manifest: EvidenceManifest, problems: BundleProblem[]) {
  const file = bundleFiles.timelineJson;
  const { timeline } = manifest;
  if (listed !== timeline.events) {
    problems.push({ file, message: `holds ${listed} events; the manifest says ${timeline.events}.` });
  }
  const last = events.at(-1);
  if (!last || last.hash !== timeline.headHash || last.id !== timeline.lastEventId) {
    problems.push({
      file,
      message: `ends with ${last ? label(last.index, last.id) : "no event"}, but the manifest says the timeline ends with event id ${timeline.lastEventId} (hash ${short(timeline.headHash)}): events were cut from the end.`,
    });
  }
  const download = events.find((event) => event.id === timeline.downloadEventId);
  if (!download || download.action !== EVIDENCE_DOWNLOADED_ACTION) {
    problems.push({
      file,
      message: `does not contain this bundle's own ${EVIDENCE_DOWNLOADED_ACTION} event (id ${timeline.downloadEventId}).`,
    });
  }
}

/** timeline.csv must be exactly what timeline.json gives, row for row. */
export function verifyTimelineCsv(bytes: Buffer, events: TimelineEvent[], legacy: boolean, problems: BundleProblem[]) {
  const file = bundleFiles.timelineCsv;
  const actual = bytes.toString("utf8").split("\r\n");
  const expected = (timelineCsvHead(legacy) + events.map((event) => timelineCsvRow(event, legacy)).join("")).split("\r\n");
  let reported = 0;
  for (let line = 0; line < Math.max(actual.length, expected.length) && reported < 20; line++) {
    if (actual[line] === expected[line]) continue;
    reported++;
    if (line === 0) {
      problems.push({ file, where: "line 1", message: "does not have the expected header row." });
      continue;
    }
    const event = events[line - 1];
    const where = event ? `line ${line + 1}, ${label(event.index, event.id)}` : `line ${line + 1}`;
    if (actual[line] === undefined || (actual[line] === "" && line === actual.length - 1)) {
      problems.push({ file, where, message: "is missing: timeline.csv has fewer rows than timeline.json." });
    } else if (expected[line] === undefined || (expected[line] === "" && line === expected.length - 1)) {
      problems.push({ file, where, message: "is an extra row that timeline.json does not have." });
    } else {
      const columns = differingColumns(actual[line], expected[line], legacy);
      problems.push({ file, where, message: `does not agree with timeline.json${columns ? ` (${columns})` : ""}.` });
    }
  }
}

/** Names the columns that differ, reading the simple rows this format writes. */
function differingColumns(actual: string, expected: string, legacy: boolean): string {
  const a = splitCsvLine(actual);
  const e = splitCsvLine(expected);
  const names = timelineCsvColumns(legacy).filter((_, i) => a[i] !== e[i]);
  return names.length ? `column ${names.join(", ")}` : "";
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

export function short(hash: string | null): string {
  return hash ? `${hash.slice(0, 12)}…` : "null";
}
