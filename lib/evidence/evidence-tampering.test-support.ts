// Tests of the evidence verifier: a bundle made in memory with the real format and ZIP writer, and
// the ways someone could tamper with a bundle, from a careless edit to a careful forger who fixes
// every fingerprint and signs again with a key of their own.
import { createHash, randomBytes, sign } from "node:crypto";
import type { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { auditEventHash, auditSealHash, GENESIS_HASH, sealEventsHash } from "./audit-hash.ts";
import {
  type BundleSeal,
  bundleFiles,
  EVIDENCE_BUNDLE_FORMAT,
  EVIDENCE_DOWNLOADED_ACTION,
  type EvidenceManifest,
  LEGACY_EVIDENCE_BUNDLE_FORMAT,
  manifestBytes,
  sealsJsonHead,
  sealsJsonSeal,
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

/**
 * A request's chain as the sequencer seals it, interleaved in the global chain with other requests'
 * events, with the batch seals of the whole chain (SEAL_EVERY events each).
 */
export function chainOf(requestId: string, count: number): { events: TimelineEvent[]; seals: BundleSeal[] } {
  const events: TimelineEvent[] = [];
  const all: string[] = [];
  let globalHead = GENESIS_HASH;
  let requestHead = GENESIS_HASH;
  for (let index = 0; index < count; index++) {
    // Another request's event in between: the bundle only ever sees its hash, as prevHash and in its seal.
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
    all.push(globalHead);
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
    // Ids are drawn before commit: a later position can hold a smaller id (event 5 committed late).
    events.push({ index, id: String(index === 5 ? 99 : 100 + index * 2), seq: String(all.length + 1), ...fields, hash });
    all.push(hash);
    globalHead = hash;
    requestHead = hash;
  }
  return { events, seals: sealsOf(all) };
}

export const SEAL_EVERY = 3;

/** The seals of a whole chain given by its event hashes (position = index + 1). */
export function sealsOf(hashes: string[]): BundleSeal[] {
  const seals: BundleSeal[] = [];
  for (let from = 0; from < hashes.length; from += SEAL_EVERY) {
    const eventHashes = hashes.slice(from, from + SEAL_EVERY);
    const previous = seals.at(-1);
    const fields = {
      id: String(seals.length + 1),
      firstSeq: String(from + 1),
      lastSeq: String(from + eventHashes.length),
      prevEventHash: from === 0 ? GENESIS_HASH : hashes[from - 1],
      eventsHash: sealEventsHash(eventHashes),
      prevSealHash: previous?.hash ?? GENESIS_HASH,
      sealedAt: new Date(Date.UTC(2026, 2, 1, 9, 45, seals.length)).toISOString(),
    };
    seals.push({ ...fields, hash: auditSealHash(fields), eventHashes });
  }
  return seals;
}

export const timelineJsonOf = (meta: { reference: string; requestId: string; legacy?: boolean }, events: TimelineEvent[]) =>
  Buffer.from(timelineJsonHead(meta) + events.map(timelineJsonEvent).join("") + TIMELINE_JSON_TAIL, "utf8");

export const timelineCsvOf = (events: TimelineEvent[], legacy = false) =>
  Buffer.from(timelineCsvHead(legacy) + events.map((event) => timelineCsvRow(event, legacy)).join(""), "utf8");

/** seals.json holding the seals that cover at least one of the events. */
export function sealsJsonOf(meta: { reference: string; requestId: string }, seals: BundleSeal[], events?: TimelineEvent[]) {
  const held = events
    ? seals.filter((seal) => events.some((e) => BigInt(e.seq ?? 0) >= BigInt(seal.firstSeq) && BigInt(e.seq ?? 0) <= BigInt(seal.lastSeq)))
    : seals;
  return Buffer.from(sealsJsonHead(meta) + held.map((seal, i) => sealsJsonSeal(seal, i === 0)).join("") + TIMELINE_JSON_TAIL, "utf8");
}

/**
 * A complete bundle of a made-up request, written by the same ZIP writer the portal uses. `legacy`:
 * an @1 bundle, as the portal made them before events were sealed in batches (id order, no seals).
 */
export async function syntheticBundle(key: EvidenceSigningKey, eventCount = 8, options: { legacy?: boolean } = {}) {
  const meta = { reference: "DSR-7K3M-Q9PX", requestId: "3f1c1d7e-8a7b-4c39-a1a2-5d2b0f0c7e11" };
  const legacy = options.legacy ?? false;
  const chain = chainOf(meta.requestId, eventCount);
  const events = legacy ? chain.events.map(({ seq: _seq, ...event }) => ({ ...event, id: String(100 + event.index * 2) })) : chain.events;
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const chunksOf = (buffer: Buffer) =>
    async function* () {
      yield buffer.toString("utf8");
    };
  const last = events[events.length - 1];
  const stream = signedZipStream({
    entries: [
      { path: bundleFiles.summary, content: Buffer.from("<!doctype html><title>Evidence</title>") },
      { path: bundleFiles.timelineJson, chunks: chunksOf(timelineJsonOf({ ...meta, legacy }, events)) },
      { path: bundleFiles.timelineCsv, chunks: chunksOf(timelineCsvOf(events, legacy)) },
      { path: bundleFiles.deadline, content: json({ reference: meta.reference, steps: [] }) },
      { path: bundleFiles.connectors, content: json({ reference: meta.reference, tasks: [], packages: [] }) },
      ...(legacy ? [] : [{ path: bundleFiles.seals, chunks: chunksOf(sealsJsonOf(meta, chain.seals, events)) }]),
      { path: bundleFiles.emailsIndex, content: json({ reference: meta.reference, messages: [] }) },
      { path: "emails/001-verify-request.txt", content: Buffer.from("Your code is [private].") },
    ],
    mtime: new Date("2026-03-01T10:00:00Z"),
    manifestOf: (files) => ({
      format: legacy ? LEGACY_EVIDENCE_BUNDLE_FORMAT : EVIDENCE_BUNDLE_FORMAT,
      ...meta,
      generatedAt: "2026-03-01T10:00:00.000Z",
      signature: { algorithm: "Ed25519", keyId: key.keyId, publicKey: key.document.publicKey, file: bundleFiles.signature },
      timeline: { events: events.length, lastEventId: last.id, headHash: last.hash, downloadEventId: last.id },
      files,
    }),
    sign: (bytes) => sign(null, bytes, key.privateKey),
  });
  return { zip: await bufferOf(stream), events, seals: chain.seals, meta };
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
  const legacy = manifest.format === LEGACY_EVIDENCE_BUNDLE_FORMAT;
  const renumbered = events.map((event, index) => ({ ...event, index }));
  copy.set(bundleFiles.timelineJson, timelineJsonOf({ ...manifest, legacy }, renumbered));
  copy.set(bundleFiles.timelineCsv, timelineCsvOf(renumbered, legacy));
  if (!forger) return copy;
  const last = renumbered[renumbered.length - 1];
  return resign(copy, forger, (m) => ({
    ...m,
    timeline: { ...m.timeline, events: renumbered.length, lastEventId: last.id, headHash: last.hash },
  }));
}

export const sealsOfBundle = (entries: Entries) =>
  (JSON.parse((entries.get(bundleFiles.seals) as Buffer).toString("utf8")) as { seals: BundleSeal[] }).seals;

/** Replaces seals.json with `seals` and, with `forger`, fixes the manifest and signs it again (see rewriteTimeline). */
export function rewriteSeals(entries: Entries, seals: BundleSeal[], forger?: EvidenceSigningKey): Entries {
  const copy = new Map(entries);
  copy.set(bundleFiles.seals, sealsJsonOf(manifestOf(entries), seals));
  return forger ? resign(copy, forger) : copy;
}

/** A seal with `change` applied and its own hash recomputed, as a forger would. */
export function reseal(seal: BundleSeal, change: Partial<BundleSeal>): BundleSeal {
  const changed = { ...seal, ...change };
  if (change.eventHashes && !change.eventsHash) changed.eventsHash = sealEventsHash(changed.eventHashes);
  const { hash: _hash, eventHashes: _hashes, ...fields } = changed;
  return { ...changed, hash: auditSealHash(fields) };
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
