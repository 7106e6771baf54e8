// Checks an evidence bundle offline: the signature of manifest.json, the SHA-256 of every file, the
// request's hash chain, the batch seals of its events (seals.json) and timeline.csv against timeline.json. Pure on purpose (no database, no
// configuration: nothing imports lib/env.ts or lib/db.ts from here), so an auditor can run it on any
// machine with the project. Every problem names the file, the event when there is one, and what is wrong.
import { createHash, type KeyObject, verify } from "node:crypto";
import {
  bundleFiles,
  type EvidenceManifest,
  evidenceManifestSchema,
  LEGACY_EVIDENCE_BUNDLE_FORMAT,
  LEGACY_REQUIRED_BUNDLE_FILES,
  REQUIRED_BUNDLE_FILES,
} from "./evidence-bundle-format.ts";
import { evidenceKeyId, publicKeyFromRaw } from "./evidence-key-format.ts";
import type { ZipContents } from "./read-zip-entries.ts";
import { verifySeals } from "./verify-evidence-seals.ts";
import { type BundleProblem, readJsonDocument, verifyTimelineCsv, verifyTimelineJson } from "./verify-evidence-timeline.ts";

export type { BundleProblem } from "./verify-evidence-timeline.ts";

export type VerificationReport = {
  valid: boolean;
  problems: BundleProblem[];
  warnings: string[];
  manifest: EvidenceManifest | null;
  /** Whose key the signature was checked against: the one given, or only the one the bundle carries. */
  keySource: "given" | "embedded" | "none";
  keyId: string | null;
  checked: { files: number; events: number };
};

export function verifyEvidenceBundle(contents: ZipContents, options: { publicKey?: KeyObject } = {}): VerificationReport {
  const { entries } = contents;
  const problems: BundleProblem[] = [];
  const warnings: string[] = [];
  for (const name of contents.duplicates) {
    problems.push({
      file: name,
      message: "appears more than once in the archive: a second copy can show another content to another reader.",
    });
  }
  const manifest = readManifest(entries.get(bundleFiles.manifest), problems);
  const signature = checkSignature(entries, manifest, options.publicKey, problems, warnings);
  const files = manifest ? checkFiles(entries, manifest, problems) : 0;

  let events = 0;
  const timelineBytes = entries.get(bundleFiles.timelineJson);
  if (!timelineBytes) {
    if (!manifest) problems.push({ file: bundleFiles.timelineJson, message: "is missing from the archive." });
  } else {
    const parsed = verifyTimelineJson(timelineBytes, manifest, problems);
    events = parsed?.length ?? 0;
    const legacy = manifest?.format === LEGACY_EVIDENCE_BUNDLE_FORMAT;
    const csv = entries.get(bundleFiles.timelineCsv);
    if (parsed && csv) verifyTimelineCsv(csv, parsed, legacy, problems);
    const seals = entries.get(bundleFiles.seals);
    if (parsed && seals && !legacy) verifySeals(seals, parsed, manifest, problems);
  }
  if (manifest) checkDocuments(entries, manifest, problems);
  return { valid: problems.length === 0, problems, warnings, manifest, ...signature, checked: { files, events } };
}

function readManifest(bytes: Buffer | undefined, problems: BundleProblem[]): EvidenceManifest | null {
  const file = bundleFiles.manifest;
  if (!bytes) {
    problems.push({ file, message: "is missing: this is not an evidence bundle of the portal, or it was altered." });
    return null;
  }
  return readJsonDocument(file, bytes, evidenceManifestSchema, "an evidence manifest", problems);
}

function checkSignature(
  entries: Map<string, Buffer>,
  manifest: EvidenceManifest | null,
  givenKey: KeyObject | undefined,
  problems: BundleProblem[],
  warnings: string[],
): Pick<VerificationReport, "keySource" | "keyId"> {
  const file = bundleFiles.signature;
  const manifestBytes = entries.get(bundleFiles.manifest);
  let key = givenKey;
  let keySource: VerificationReport["keySource"] = givenKey ? "given" : "none";
  if (!key && manifest) {
    try {
      key = publicKeyFromRaw(Buffer.from(manifest.signature.publicKey, "base64"));
      keySource = "embedded";
    } catch (error) {
      problems.push({
        file: bundleFiles.manifest,
        message: `signature.publicKey is not an Ed25519 public key (${(error as Error).message})`,
      });
    }
    if (key && evidenceKeyId(key) !== manifest.signature.keyId) {
      problems.push({
        file: bundleFiles.manifest,
        message: `embeds a public key whose id is ${evidenceKeyId(key)}, but names key id ${manifest.signature.keyId}.`,
      });
    }
  }
  if (keySource === "embedded") {
    warnings.push(
      "No --key given: the signature was checked with the public key the bundle itself carries. That shows the files are " +
        "unchanged since signing, not who signed them: pass --key with the portal's published key " +
        "(GET /.well-known/evidence-key, or npm run admin -- evidence-key) to check authenticity.",
    );
  }
  const keyId = key ? evidenceKeyId(key) : null;
  const signature = entries.get(file);
  if (!signature) {
    problems.push({ file, message: "is missing: the manifest is not signed." });
  } else if (signature.length !== 64) {
    problems.push({ file, message: `is ${signature.length} bytes; an Ed25519 signature is 64.` });
  } else if (key && manifestBytes && !verify(null, manifestBytes, key, signature)) {
    const named = manifest?.signature.keyId;
    const otherKey = keySource === "given" && named && named !== keyId;
    problems.push({
      file,
      message: otherKey
        ? `does not verify with the key given (key id ${keyId}); the manifest says it was signed with key id ${named}.`
        : `does not verify manifest.json with the ${keySource} key (key id ${keyId}): the manifest was changed after signing, or the signature replaced.`,
    });
  }
  return { keySource, keyId };
}

function checkFiles(entries: Map<string, Buffer>, manifest: EvidenceManifest, problems: BundleProblem[]): number {
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (listed.has(entry.path)) problems.push({ file: bundleFiles.manifest, message: `lists ${entry.path} twice.` });
    listed.add(entry.path);
    const content = entries.get(entry.path);
    if (!content) {
      problems.push({ file: entry.path, message: "is listed in the manifest but missing from the archive." });
      continue;
    }
    const sha256 = createHash("sha256").update(content).digest("hex");
    if (sha256 !== entry.sha256 || content.length !== entry.bytes) {
      problems.push({
        file: entry.path,
        message: `does not match the manifest: SHA-256 ${sha256.slice(0, 12)}… (${content.length} bytes), expected ${entry.sha256.slice(0, 12)}… (${entry.bytes} bytes). The file was changed or replaced.`,
      });
    }
  }
  const requiredFiles = manifest.format === LEGACY_EVIDENCE_BUNDLE_FORMAT ? LEGACY_REQUIRED_BUNDLE_FILES : REQUIRED_BUNDLE_FILES;
  for (const required of requiredFiles) {
    if (!listed.has(required)) problems.push({ file: bundleFiles.manifest, message: `does not list ${required}, which every bundle has.` });
  }
  for (const name of entries.keys()) {
    if (name === bundleFiles.manifest || name === bundleFiles.signature || listed.has(name)) continue;
    problems.push({ file: name, message: "is in the archive but not in the manifest: it was added after signing." });
  }
  return manifest.files.length;
}

/** The JSON documents must parse and be about the manifest's request (once their fingerprint is right). */
function checkDocuments(entries: Map<string, Buffer>, manifest: EvidenceManifest, problems: BundleProblem[]) {
  for (const file of [bundleFiles.deadline, bundleFiles.connectors, bundleFiles.emailsIndex]) {
    const bytes = entries.get(file);
    if (!bytes || problems.some((problem) => problem.file === file)) continue;
    try {
      const document = JSON.parse(bytes.toString("utf8")) as { reference?: unknown };
      if (document.reference !== manifest.reference) {
        problems.push({ file, message: `is about ${String(document.reference)}, not ${manifest.reference}.` });
      }
    } catch (error) {
      problems.push({ file, message: `is not valid JSON (${(error as Error).message}).` });
    }
  }
}
