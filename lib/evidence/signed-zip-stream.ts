// Streams an evidence bundle's ZIP: each file is hashed as it goes in, then manifest.json (made
// from those digests, so it comes last) and manifest.sig, the Ed25519 signature of its exact bytes.
// yazl writes one entry at a time and opens each stream only when its turn comes, so a file made
// from earlier ones is made only once they are written, and nothing is whole in memory.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { bundleFiles, type EvidenceManifest, type ManifestFileEntry, manifestBytes } from "./evidence-bundle-format.ts";

export type BundleEntry = { path: string; content: Buffer } | { path: string; chunks: () => AsyncIterable<string> };

export type SignedZipOptions = {
  entries: BundleEntry[];
  mtime: Date;
  manifestOf: (files: ManifestFileEntry[]) => EvidenceManifest;
  sign: (manifest: Buffer) => Buffer;
};

export function signedZipStream(options: SignedZipOptions): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  // yazl reports a failed entry on the ZipFile and does not listen to its inputs: both end the output.
  zip.on("error", (error: Error) => output.destroy(error));
  const digests = new Map<string, ManifestFileEntry>();
  const lazy = (path: string, open: () => Readable) =>
    zip.addReadStreamLazy(path, { mtime: options.mtime }, (callback) => {
      let input: Readable;
      try {
        input = open();
      } catch (error) {
        output.destroy(error as Error);
        return;
      }
      callback(
        null,
        input.on("error", (error) => output.destroy(error)),
      );
    });

  for (const entry of options.entries) {
    if ("content" in entry) {
      digests.set(entry.path, digestOf(entry.path, entry.content));
      zip.addBuffer(entry.content, entry.path, { mtime: options.mtime });
    } else {
      lazy(entry.path, () => Readable.from(hashed(entry.path, entry.chunks(), digests)));
    }
  }
  let manifest: Buffer | undefined;
  lazy(bundleFiles.manifest, () => {
    const files = options.entries.map((entry) => {
      const digest = digests.get(entry.path);
      if (!digest) throw new Error(`${entry.path} was not fully written before the manifest`);
      return digest;
    });
    manifest = manifestBytes(options.manifestOf(files));
    return Readable.from([manifest]);
  });
  lazy(bundleFiles.signature, () => {
    if (!manifest) throw new Error("manifest.json was not written before its signature");
    return Readable.from([options.sign(manifest)]);
  });
  zip.end();
  return output;
}

function digestOf(path: string, content: Buffer): ManifestFileEntry {
  return { path, sha256: createHash("sha256").update(content).digest("hex"), bytes: content.length };
}

async function* hashed(path: string, chunks: AsyncIterable<string>, digests: Map<string, ManifestFileEntry>) {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk, "utf8");
    hash.update(buffer);
    bytes += buffer.length;
    yield buffer;
  }
  digests.set(path, { path, sha256: hash.digest("hex"), bytes });
}
