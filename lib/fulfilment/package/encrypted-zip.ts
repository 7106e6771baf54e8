// The ZIP, encrypted at rest: written entry by entry (zip-writer.ts) straight into the encryptor
// and onto disk for a large package, whose entries are never whole in memory and are opened one at
// a time, when their turn comes (an entry made from earlier ones, the manifest, which needs their
// digests, is made only once they are written); or sealed in memory and written in one call for a
// small one. Either way the file is flushed to disk under a temporary name, then renamed into place.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createEncryptStream, encryptBuffer } from "./encrypted-file.ts";
import { createDigestStream, type FileDigest } from "./file-sink.ts";
import { type DeflatedEntry, ZipWriter } from "./zip-writer.ts";

export type ZipEntry =
  | { zipPath: string; content: Buffer }
  | { zipPath: string; diskPath: string; bytes: number }
  | { zipPath: string; open: () => Readable | Buffer }
  | ({ zipPath: string } & Omit<DeflatedEntry, "zipPath" | "deflated"> & { open: () => DeflatedEntry["deflated"]; deflatedEntry: true });

async function addEntries(zip: ZipWriter, entries: ZipEntry[]): Promise<void> {
  for (const entry of entries) {
    if ("deflatedEntry" in entry) {
      await zip.addDeflated({ ...entry, deflated: entry.open() });
    } else if ("content" in entry) {
      await zip.add(entry);
    } else if ("diskPath" in entry) {
      // The size lets the writer check it read the whole file.
      await zip.add({ zipPath: entry.zipPath, chunks: createReadStream(entry.diskPath, { highWaterMark: 256 * 1024 }), size: entry.bytes });
    } else {
      const opened = entry.open();
      await zip.add(Buffer.isBuffer(opened) ? { zipPath: entry.zipPath, content: opened } : { zipPath: entry.zipPath, chunks: opened });
    }
  }
  await zip.end();
}

/** Writes the encrypted ZIP of `entries` (in that order) to `path`, flushed to disk; returns its digest. */
export async function writeEncryptedZip(options: { path: string; key: Buffer; entries: ZipEntry[]; mtime: Date }): Promise<FileDigest> {
  const encrypt = createEncryptStream(options.key);
  const digest = createDigestStream();
  const written = pipeline(encrypt, digest.stream, createWriteStream(options.path, { flags: "wx", mode: 0o600 }));
  written.catch(() => {}); // awaited below; a failure also ends the writes
  const push = async (chunk: Buffer) => {
    if (!encrypt.write(chunk)) await Promise.race([once(encrypt, "drain"), written]);
  };
  try {
    await addEntries(new ZipWriter(push, options.mtime), options.entries);
    encrypt.end();
    await written;
  } catch (error) {
    encrypt.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
  await syncFile(options.path);
  return digest.digest();
}

/**
 * The same ZIP made in memory and written in one call (a small package): `path` gets it under a
 * temporary name first, flushed, then renamed, so it is whole or absent.
 */
export async function writeSmallEncryptedZip(options: {
  path: string;
  key: Buffer;
  entries: ZipEntry[];
  mtime: Date;
}): Promise<FileDigest> {
  const chunks: Buffer[] = [];
  await addEntries(
    new ZipWriter((chunk) => {
      chunks.push(chunk);
    }, options.mtime),
    options.entries,
  );
  const sealed = encryptBuffer(options.key, Buffer.concat(chunks));
  const temporary = join(dirname(options.path), `.${basename(options.path)}.tmp`);
  try {
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(sealed);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, options.path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { sha256: createHash("sha256").update(sealed).digest("hex"), bytes: sealed.length };
}

/** On disk before it is renamed into place: after a power cut the package is whole or absent. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
