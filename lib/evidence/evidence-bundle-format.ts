// What an evidence bundle holds and the exact bytes of its timeline, shared by the builder and the
// offline verifier so both write and expect the same thing. Pure: no database, no configuration.
import { z } from "zod";
import { CSV_BOM, csvRow } from "../fulfilment/package/csv.ts";
import { canonicalJson, GENESIS_HASH, type HashedAuditFields } from "./audit-hash.ts";

/**
 * @2: events carry their chain position (`seq`), the timeline is in chain order, and seals.json holds
 * the batch seals of the request's events. @1 (bundles made before the log was sealed in batches:
 * id order, no seals) is still verified as it was.
 */
export const EVIDENCE_BUNDLE_FORMAT = "dsar-portal/evidence-bundle@2";
export const LEGACY_EVIDENCE_BUNDLE_FORMAT = "dsar-portal/evidence-bundle@1";
export const EVIDENCE_TIMELINE_FORMAT = "dsar-portal/evidence-timeline@2";
export const LEGACY_EVIDENCE_TIMELINE_FORMAT = "dsar-portal/evidence-timeline@1";
/** The audit action recorded for every download; the bundle ends with its own download event. */
export const EVIDENCE_DOWNLOADED_ACTION = "evidence.downloaded";

export const bundleFiles = {
  summary: "summary.html",
  timelineJson: "timeline.json",
  timelineCsv: "timeline.csv",
  deadline: "deadline.json",
  connectors: "connectors.json",
  seals: "seals.json",
  emailsIndex: "emails/index.json",
  manifest: "manifest.json",
  signature: "manifest.sig",
} as const;

/** Files the manifest of an @1 bundle must list (emails/*.txt come on top, one per message with a rendered text). */
export const LEGACY_REQUIRED_BUNDLE_FILES = [
  bundleFiles.summary,
  bundleFiles.timelineJson,
  bundleFiles.timelineCsv,
  bundleFiles.deadline,
  bundleFiles.connectors,
  bundleFiles.emailsIndex,
] as const;

/** Files the manifest of a bundle of the current format must list. */
export const REQUIRED_BUNDLE_FILES = [...LEGACY_REQUIRED_BUNDLE_FILES, bundleFiles.seals] as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex characters");

/** One audit event as timeline.json carries it: every hashed field, plus its position and row id. */
export const timelineEventSchema = z.object({
  index: z.int().min(0),
  id: z.string().regex(/^\d+$/, "must be the event's numeric id"),
  /** Its position in the portal's chain (absent in @1 bundles, whose chain followed ids). */
  seq: z.string().regex(/^\d+$/, "must be the event's chain position").optional(),
  requestId: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  data: z.unknown(),
  at: z.string(),
  prevHash: hex64,
  requestPrevHash: hex64.nullable(),
  hash: hex64,
});

export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineHeadSchema = z.object({
  format: z.enum([EVIDENCE_TIMELINE_FORMAT, LEGACY_EVIDENCE_TIMELINE_FORMAT]),
  reference: z.string(),
  requestId: z.string(),
  genesisHash: z.literal(GENESIS_HASH),
  events: z.array(z.unknown()),
});

/** The fields the hash covers, exactly as appendAuditEvent hashed them. */
export function hashedFieldsOf(event: TimelineEvent): HashedAuditFields {
  return {
    requestId: event.requestId,
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    data: event.data,
    at: event.at,
    prevHash: event.prevHash,
    requestPrevHash: event.requestPrevHash,
  };
}

const HASHING_NOTE =
  "hash = SHA-256 (hex) of the canonical JSON of {requestId, actorType, actorId, action, data, at, prevHash, requestPrevHash}: " +
  "keys sorted at every level, no spaces, instants in ISO 8601 UTC with milliseconds. requestPrevHash is the hash of the " +
  "request's previous event (genesisHash for the first); prevHash is the previous event of the whole portal, whose other " +
  "events are not in this bundle (seals.json lists their hashes around the request's events). seq is the event's position " +
  "in the portal's chain, given when the event was sealed after its transaction committed: the timeline is in that order.";

/** timeline.json is written piece by piece: this head, one line per event, then the tail. */
export function timelineJsonHead(meta: { reference: string; requestId: string; legacy?: boolean }): string {
  const head = JSON.stringify(
    {
      format: meta.legacy ? LEGACY_EVIDENCE_TIMELINE_FORMAT : EVIDENCE_TIMELINE_FORMAT,
      reference: meta.reference,
      requestId: meta.requestId,
      genesisHash: GENESIS_HASH,
      hashing: HASHING_NOTE,
    },
    null,
    2,
  );
  return `${head.slice(0, -2)},\n  "events": [`;
}

export function timelineJsonEvent(event: TimelineEvent): string {
  return `${event.index === 0 ? "" : ","}\n    ${JSON.stringify(event)}`;
}

export const TIMELINE_JSON_TAIL = "\n  ]\n}\n";

export const TIMELINE_CSV_COLUMNS = [
  "index",
  "id",
  "seq",
  "at",
  "actorType",
  "actorId",
  "action",
  "data",
  "prevHash",
  "requestPrevHash",
  "hash",
] as const;

/** The columns of an @1 timeline.csv had no seq. */
export const timelineCsvColumns = (legacy = false) => TIMELINE_CSV_COLUMNS.filter((column) => !legacy || column !== "seq");

export function timelineCsvHead(legacy = false): string {
  return CSV_BOM + csvRow([...timelineCsvColumns(legacy)]);
}

/** One CSV row per event; data is its canonical JSON, so the row can be rehashed as well. */
export function timelineCsvRow(event: TimelineEvent, legacy = false): string {
  return csvRow([
    event.index,
    event.id,
    ...(legacy ? [] : [event.seq]),
    event.at,
    event.actorType,
    event.actorId,
    event.action,
    canonicalJson(event.data),
    event.prevHash,
    event.requestPrevHash,
    event.hash,
  ]);
}

const manifestFileSchema = z.object({ path: z.string().min(1), sha256: hex64, bytes: z.int().min(0) });

export const evidenceManifestSchema = z.object({
  format: z.enum([EVIDENCE_BUNDLE_FORMAT, LEGACY_EVIDENCE_BUNDLE_FORMAT]),
  reference: z.string().min(1),
  requestId: z.string().min(1),
  generatedAt: z.iso.datetime(),
  signature: z.object({
    algorithm: z.literal("Ed25519"),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** The raw public key in base64: lets anyone check integrity offline; authenticity needs the published key. */
    publicKey: z.string(),
    file: z.literal(bundleFiles.signature),
  }),
  timeline: z.object({
    events: z.int().min(0),
    lastEventId: z.string(),
    headHash: hex64,
    /** This bundle's own download, the last event of the timeline. */
    downloadEventId: z.string(),
  }),
  files: z.array(manifestFileSchema),
});

export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;
export type ManifestFileEntry = z.infer<typeof manifestFileSchema>;

export const EVIDENCE_SEALS_FORMAT = "dsar-portal/evidence-seals@1";

/** One batch seal as seals.json carries it: its hashed fields, its hash, and the hashes of all its events. */
export const bundleSealSchema = z.object({
  id: z.string().regex(/^\d+$/),
  firstSeq: z.string().regex(/^\d+$/),
  lastSeq: z.string().regex(/^\d+$/),
  prevEventHash: hex64,
  eventsHash: hex64,
  prevSealHash: hex64,
  sealedAt: z.string(),
  hash: hex64,
  /** Every event of the batch in chain order, the request's and other requests' alike (hashes only). */
  eventHashes: z.array(hex64),
});

export type BundleSeal = z.infer<typeof bundleSealSchema>;

export const sealsDocumentSchema = z.object({
  format: z.literal(EVIDENCE_SEALS_FORMAT),
  reference: z.string(),
  requestId: z.string(),
  seals: z.array(z.unknown()),
});

const SEALING_NOTE =
  "Events are sealed in batches after their transactions commit. Each seal here holds at least one of the request's events: " +
  "hash = SHA-256 (hex) of the canonical JSON of {id, firstSeq, lastSeq, prevEventHash, eventsHash, prevSealHash, sealedAt} " +
  "(numbers as decimal strings); eventsHash = SHA-256 of eventHashes joined by newlines, the batch's events at positions " +
  "firstSeq to lastSeq; prevEventHash is the hash of the event before firstSeq, prevSealHash the hash of seal id - 1.";

/** seals.json is written piece by piece too: this head, one line per seal, then the tail (TIMELINE_JSON_TAIL's shape). */
export function sealsJsonHead(meta: { reference: string; requestId: string }): string {
  const head = JSON.stringify(
    { format: EVIDENCE_SEALS_FORMAT, reference: meta.reference, requestId: meta.requestId, hashing: SEALING_NOTE },
    null,
    2,
  );
  return `${head.slice(0, -2)},\n  "seals": [`;
}

export function sealsJsonSeal(seal: BundleSeal, first: boolean): string {
  return `${first ? "" : ","}\n    ${JSON.stringify(seal)}`;
}

/** The fields a seal's hash covers. */
export function hashedSealFieldsOf(seal: BundleSeal) {
  const { id, firstSeq, lastSeq, prevEventHash, eventsHash, prevSealHash, sealedAt } = seal;
  return { id, firstSeq, lastSeq, prevEventHash, eventsHash, prevSealHash, sealedAt };
}

/** The exact bytes that are signed and stored as manifest.json. */
export function manifestBytes(manifest: EvidenceManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
}
