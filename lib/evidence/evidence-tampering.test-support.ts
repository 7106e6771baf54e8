// Tests of the evidence verifier: a bundle made in memory with the real format and ZIP writer, and
// the ways someone could tamper with a bundle, from a careless edit to a careful forger who fixes
// every fingerprint and signs again with a key of their own.
import { createHash, randomBytes, sign } from "node:crypto";
import type { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { auditEventHash, GENESIS_HASH } from "./audit-hash.ts";
import {
  bundleFiles,
  EVIDENCE_BUNDLE_FORMAT,
  EVIDENCE_DOWNLOADED_ACTION,
  type EvidenceManifest,
  manifestBytes,
  TIMELINE_JSON_TAIL,
  type TimelineEvent,
  timelineCsvHead,
  timelineCsvRow,
  timelineJsonEvent,
  timelineJsonHead,
} from "./evidence-bundle-format.ts";
import { type EvidenceSigningKey, signingKeyFromSeed } from "./evidence-signing-key.ts";
import { signedZipStream } from "./signed-zip-stream.ts";

export const newSigningKey = () => signingKeyFromSeed(randomBytes(32));

export async function bufferOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A request's chain as appendAuditEvent writes it, interleaved in the global chain with other requests' events. */
export function chainOf(requestId: string, count: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let globalHead = GENESIS_HASH;
  let requestHead = GENESIS_HASH;
  for (let index = 0; index < count; index++) {
    // Another request's event in between: the bundle only ever sees its hash, as prevHash.
    globalHead = auditEventHash({
      requestId: "other",
      actorType: "SYSTEM",
      actorId: null,
      action: "other.event",
      data: { index },
      at: new Date(Date.UTC(2026, 2, 1, 9, 0, index)).toISOString(),
      prevHash: globalHead,
      requestPrevHash: GENESIS_HASH,
    });
    const fields = {
      requestId,
      actorType: index % 2 ? "STAFF" : "SYSTEM",
      actorId: index % 2 ? "7b0c5d3e-1f00-4a4b-9a55-2f1f3c1e9d10" : null,
      action: index === count - 1 ? EVIDENCE_DOWNLOADED_ACTION : index === 3 ? "request.personal-data-purged" : `step.${index}`,
      data: { index, note: 'quotes " and, commas', nested: { b: 1, a: [1, 2] } },
      at: new Date(Date.UTC(2026, 2, 1, 9, 30, index)).toISOString(),
      prevHash: globalHead,
      requestPrevHash: requestHead,
    };
    const hash = auditEventHash(fields);
    events.push({ index, id: String(100 + index * 2), ...fields, hash });
    globalHead = hash;
    requestHead = hash;
  }
  return events;
}

export const timelineJsonOf = (meta: { reference: string; requestId: string }, events: TimelineEvent[]) =>
  Buffer.from(timelineJsonHead(meta) + events.map(timelineJsonEvent).join("") + TIMELINE_JSON_TAIL, "utf8");

export const timelineCsvOf = (events: TimelineEvent[]) => Buffer.from(timelineCsvHead() + events.map(timelineCsvRow).join(""), "utf8");

/** A complete bundle of a made-up request, written by the same ZIP writer the portal uses. */
export async function syntheticBundle(key: EvidenceSigningKey, eventCount = 8) {
  const meta = { reference: "DSR-7K3M-Q9PX", requestId: "3f1c1d7e-8a7b-4c39-a1a2-5d2b0f0c7e11" };
  const events = chainOf(meta.requestId, eventCount);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const chunksOf = (buffer: Buffer) =>
    async function* () {
      yield buffer.toString("utf8");
    };
  const last = events[events.length - 1];
  const stream = signedZipStream({
    entries: [
      { path: bundleFiles.summary, content: Buffer.from("<!doctype html><title>Evidence</title>") },
      { path: bundleFiles.timelineJson, chunks: chunksOf(timelineJsonOf(meta, events)) },
      { path: bundleFiles.timelineCsv, chunks: chunksOf(timelineCsvOf(events)) },
      { path: bundleFiles.deadline, content: json({ reference: meta.reference, steps: [] }) },
      { path: bundleFiles.connectors, content: json({ reference: meta.reference, tasks: [], packages: [] }) },
      { path: bundleFiles.emailsIndex, content: json({ reference: meta.reference, messages: [] }) },
      { path: "emails/001-verify-request.txt", content: Buffer.from("Your code is [private].") },
    ],
    mtime: new Date("2026-03-01T10:00:00Z"),
    manifestOf: (files) => ({
      format: EVIDENCE_BUNDLE_FORMAT,
      ...meta,
      generatedAt: "2026-03-01T10:00:00.000Z",
      signature: { algorithm: "Ed25519", keyId: key.keyId, publicKey: key.document.publicKey, file: bundleFiles.signature },
      timeline: { events: events.length, lastEventId: last.id, headHash: last.hash, downloadEventId: last.id },
      files,
    }),
    sign: (bytes) => sign(null, bytes, key.privateKey),
  });
  return { zip: await bufferOf(stream), events, meta };
}

/** Writes entries back into a ZIP, in the order given. */
export async function zipOf(entries: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [path, content] of entries) zip.addBuffer(content, path, { mtime: new Date("2026-03-01T10:00:00Z") });
  zip.end();
  return bufferOf(zip.outputStream as Readable);
}

type Entries = Map<string, Buffer>;

export const manifestOf = (entries: Entries) =>
  JSON.parse((entries.get(bundleFiles.manifest) as Buffer).toString("utf8")) as EvidenceManifest;
export const eventsOf = (entries: Entries) =>
  (JSON.parse((entries.get(bundleFiles.timelineJson) as Buffer).toString("utf8")) as { events: TimelineEvent[] }).events;

export function flipByte(entries: Entries, path: string, at = 10): Entries {
  const copy = new Map(entries);
  const content = Buffer.from(copy.get(path) as Buffer);
  content[at] ^= 0x01;
  copy.set(path, content);
  return copy;
}

/**
 * Replaces the timeline with `events` (renumbered as a forger would), in JSON and CSV. With `forger`,
 * also fixes the manifest's fingerprints and counts and signs it again with that key, embedding it:
 * only the hash chain, or the genuine key given with --key, can tell.
 */
export function rewriteTimeline(entries: Entries, events: TimelineEvent[], forger?: EvidenceSigningKey): Entries {
  const copy = new Map(entries);
  const manifest = manifestOf(entries);
  const renumbered = events.map((event, index) => ({ ...event, index }));
  copy.set(bundleFiles.timelineJson, timelineJsonOf(manifest, renumbered));
  copy.set(bundleFiles.timelineCsv, timelineCsvOf(renumbered));
  if (!forger) return copy;
  const last = renumbered[renumbered.length - 1];
  return resign(copy, forger, (m) => ({
    ...m,
    timeline: { ...m.timeline, events: renumbered.length, lastEventId: last.id, headHash: last.hash },
  }));
}

/** Recomputes every fingerprint in the manifest, applies `change`, and signs with `key` (embedding it). */
export function resign(entries: Entries, key: EvidenceSigningKey, change: (m: EvidenceManifest) => EvidenceManifest = (m) => m): Entries {
  const copy = new Map(entries);
  const manifest = manifestOf(entries);
  const files = manifest.files.map((file) => {
    const content = copy.get(file.path) as Buffer;
    return { path: file.path, sha256: createHash("sha256").update(content).digest("hex"), bytes: content.length };
  });
  const next = change({
    ...manifest,
    signature: { ...manifest.signature, keyId: key.keyId, publicKey: key.document.publicKey },
    files,
  });
  const bytes = manifestBytes(next);
  copy.set(bundleFiles.manifest, bytes);
  copy.set(bundleFiles.signature, sign(null, bytes, key.privateKey));
  return copy;
}
