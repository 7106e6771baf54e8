// The seal checks of the offline verifier (bundles of the current format): every seal in seals.json
// recomputed (its events hash from the event hashes it lists, its own hash from its fields), seals
// that follow each other linked, each timeline event found at its position in its seal, and its
// prevHash equal to the hash before it in the global chain. Pure: no database, no configuration.
import { auditSealHash, sealEventsHash } from "./audit-hash.ts";
import {
  type BundleSeal,
  bundleFiles,
  bundleSealSchema,
  type EvidenceManifest,
  hashedSealFieldsOf,
  sealsDocumentSchema,
  type TimelineEvent,
} from "./evidence-bundle-format.ts";
import { type BundleProblem, label, readJsonDocument, short } from "./verify-evidence-timeline.ts";

export function verifySeals(bytes: Buffer, events: TimelineEvent[], manifest: EvidenceManifest | null, problems: BundleProblem[]) {
  const file = bundleFiles.seals;
  const document = readJsonDocument(file, bytes, sealsDocumentSchema, "a list of audit seals", problems);
  if (!document) return;
  if (manifest && (document.reference !== manifest.reference || document.requestId !== manifest.requestId)) {
    problems.push({ file, message: `lists the seals of ${document.reference} (${document.requestId}), not of ${manifest.reference}.` });
  }
  const seals: BundleSeal[] = [];
  for (const [position, raw] of document.seals.entries()) {
    const parsed = bundleSealSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ file, where: `seal #${position}`, message: `is malformed: ${issue.path.join(".") || "seal"} ${issue.message}.` });
      continue;
    }
    checkSeal(parsed.data, seals.at(-1), problems);
    seals.push(parsed.data);
  }
  const holding = new Set<BundleSeal>();
  for (const event of events) {
    if (event.seq === undefined) continue; // reported with the timeline
    const seq = BigInt(event.seq);
    const seal = seals.find((s) => BigInt(s.firstSeq) <= seq && seq <= BigInt(s.lastSeq));
    const where = label(event.index, event.id);
    if (!seal) {
      problems.push({
        file,
        where,
        message: `is at chain position ${event.seq}, which no seal in ${file} covers: the event is not sealed.`,
      });
      continue;
    }
    holding.add(seal);
    const at = Number(seq - BigInt(seal.firstSeq));
    if (seal.eventHashes[at] !== event.hash) {
      problems.push({
        file,
        where,
        message: `has hash ${short(event.hash)}, but seal ${seal.id} sealed ${short(seal.eventHashes[at] ?? null)} at position ${event.seq}: the event was changed, replaced or moved after sealing.`,
      });
    }
    const before = at === 0 ? seal.prevEventHash : seal.eventHashes[at - 1];
    if (event.prevHash !== before) {
      problems.push({
        file,
        where,
        message: `prevHash ${short(event.prevHash)} is not the hash before it in seal ${seal.id} (${short(before ?? null)}): the global chain was rewritten.`,
      });
    }
  }
  for (const seal of seals) {
    if (!holding.has(seal)) problems.push({ file, where: `seal ${seal.id}`, message: "holds none of the timeline's events." });
  }
}

function checkSeal(seal: BundleSeal, previous: BundleSeal | undefined, problems: BundleProblem[]) {
  const file = bundleFiles.seals;
  const where = `seal ${seal.id}`;
  const count = BigInt(seal.lastSeq) - BigInt(seal.firstSeq) + 1n;
  if (BigInt(seal.eventHashes.length) !== count || sealEventsHash(seal.eventHashes) !== seal.eventsHash) {
    problems.push({
      file,
      where,
      message: `lists event hashes that are not the ones it sealed (positions ${seal.firstSeq}–${seal.lastSeq}): an event of the batch was changed, removed, added or moved.`,
    });
  }
  if (auditSealHash(hashedSealFieldsOf(seal)) !== seal.hash) {
    problems.push({ file, where, message: `hash ${short(seal.hash)} does not match its fields: the seal was forged or edited.` });
  }
  if (!previous) return;
  if (BigInt(seal.id) <= BigInt(previous.id)) {
    problems.push({ file, where, message: `comes after seal ${previous.id}: seals were reordered.` });
  } else if (BigInt(seal.id) === BigInt(previous.id) + 1n) {
    // Consecutive seals are linked: the chain of seals and the global chain go on from one to the next.
    if (seal.prevSealHash !== previous.hash) {
      problems.push({
        file,
        where,
        message: `prevSealHash ${short(seal.prevSealHash)} is not the hash of seal ${previous.id}: a seal was forged or replaced.`,
      });
    }
    if (BigInt(seal.firstSeq) !== BigInt(previous.lastSeq) + 1n || seal.prevEventHash !== previous.eventHashes.at(-1)) {
      problems.push({ file, where, message: `does not continue the chain where seal ${previous.id} ends.` });
    }
  } else if (BigInt(seal.firstSeq) <= BigInt(previous.lastSeq)) {
    problems.push({ file, where, message: `overlaps seal ${previous.id}.` });
  }
}
