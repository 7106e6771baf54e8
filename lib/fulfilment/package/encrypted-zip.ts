// The ZIP, streamed straight into the encryptor and onto disk: no entry and no archive is ever
// whole in memory. yazl reads one entry at a time and every stream is opened lazily, when its turn
// comes: a package with hundreds of files holds one file descriptor, and an entry made from earlier
// ones (the manifest, which needs their digests) is made only once they are written.
import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { createEncryptStream } from "./encrypted-file.ts";
import { createDigestStream, type FileDigest } from "./file-sink.ts";

export type ZipEntry =
  | { zipPath: string; content: Buffer }
  | { zipPath: string; diskPath: string; bytes: number }
  | { zipPath: string; open: () => Readable };

/** Writes the encrypted ZIP of `entries` (in that order) to `path`, flushed to disk; returns its digest. */
export async function writeEncryptedZip(options: { path: string; key: Buffer; entries: ZipEntry[]; mtime: Date }): Promise<FileDigest> {
  const zip = new ZipFile();
  const output = zip.outputStream as NodeJS.ReadableStream & { destroy(error?: Error): void };
  // yazl reports a failed entry on the ZipFile, and does not listen to its input streams at all:
  // both are routed into the output stream so the pipeline below rejects instead of hanging or crashing.
  zip.on("error", (error: Error) => output.destroy(error));
  const inputs: Readable[] = [];
  const watched = (input: Readable): Readable => {
    inputs.push(input);
    return input.on("error", (error) => output.destroy(error));
  };
  for (const entry of options.entries) {
    if ("content" in entry) {
      zip.addBuffer(entry.content, entry.zipPath, { mtime: options.mtime });
    } else if ("diskPath" in entry) {
      // The size lets yazl check it read the whole file.
      zip.addReadStreamLazy(entry.zipPath, { mtime: options.mtime, size: entry.bytes }, (callback) =>
        callback(null, watched(createReadStream(entry.diskPath))),
      );
    } else {
      zip.addReadStreamLazy(entry.zipPath, { mtime: options.mtime }, (callback) => {
        let input: Readable;
        try {
          input = entry.open();
        } catch (error) {
          output.destroy(error as Error);
          return;
        }
        callback(null, watched(input));
      });
    }
  }
  zip.end();

  const digest = createDigestStream();
  try {
    await pipeline(output, createEncryptStream(options.key), digest.stream, createWriteStream(options.path, { flags: "wx" }));
  } catch (error) {
    // An entry cut off mid-way stays paused, holding its file open: close them all.
    for (const input of inputs) input.destroy();
    throw error;
  }
  // On disk before it is renamed into place: after a power cut the package is whole or absent.
  const handle = await open(options.path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return digest.digest();
}
