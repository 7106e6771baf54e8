// Digests of what flows through a stream: the manifest's SHA-256 of an attachment, the stored
// package's own fingerprint.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/** What the manifest says about one file. */
export type FileDigest = { sha256: string; bytes: number };

/** A pass-through that hashes and counts what flows through it (the encrypted file as it is written). */
export function createDigestStream(): { stream: Transform; digest: () => FileDigest } {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, digest: () => ({ sha256: hash.digest("hex"), bytes }) };
}
