// Access results of one connector task, kept until the package is built: JSON lines, encrypted
// with a key of their own (wrapped by the master key), deleted once packaged. Each attempt (a run,
// a callback, an upload) writes a file of its own, named before it is claimed on the task: two
// writers never share a file, so the key the task keeps always opens the file it names.

import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AccessRecord } from "../connectors/connector.ts";
import { env } from "../env.ts";
import { createDecryptStream, createEncryptStream, unwrapPackageKey, wrapPackageKey } from "./package/encrypted-file.ts";

export function storagePath(...parts: string[]): string {
  return join(env().STORAGE_DIR, ...parts);
}

/** A new path for one attempt's access results: `staging/<taskId>.<attempt>.jsonl.enc`. */
export function newStagingPath(taskId: string): string {
  return storagePath("staging", `${taskId}.${randomUUID()}.jsonl.enc`);
}

/** A new path for one attempt's staff upload: `uploads/<taskId>.<attempt>.enc`. */
export function newUploadPath(taskId: string): string {
  return storagePath("uploads", `${taskId}.${randomUUID()}.enc`);
}

/** Writes the records to an encrypted staging file at `path`; returns it, the wrapped key and counts per category. */
export async function writeStagingFile(path: string, records: AsyncIterable<AccessRecord>) {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const partial = `${path}.partial`;
  const lines = new PassThrough();
  const done = pipeline(lines, createEncryptStream(key), createWriteStream(partial, { mode: 0o600 }));
  const categories: Record<string, number> = {};
  let total = 0;
  try {
    for await (const record of records) {
      // The formats of a category's fields (the same for all its records) are written once, on its first.
      const formats = categories[record.category] === undefined ? record.formats : undefined;
      categories[record.category] = (categories[record.category] ?? 0) + 1;
      total++;
      const line = JSON.stringify({ category: record.category, fields: record.fields, ...(formats ? { formats } : {}) });
      if (!lines.write(`${line}\n`)) await once(lines, "drain");
    }
    lines.end();
    await done;
  } catch (error) {
    lines.destroy(error as Error);
    await done.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, path);
  return { path, keyWrapped: wrapPackageKey(key), total, categories };
}

/** A staff upload (a scan, a vendor's export) kept encrypted until it goes into the package. */
export async function writeUploadedFile(path: string, content: Buffer) {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  await pipeline(Readable.from([content]), createEncryptStream(key), createWriteStream(`${path}.partial`, { mode: 0o600 }));
  await rename(`${path}.partial`, path);
  return { path, keyWrapped: wrapPackageKey(key) };
}

export function openUploadedFile(path: string, keyWrapped: string): Readable {
  const decrypted = createDecryptStream(unwrapPackageKey(keyWrapped));
  pipeline(createReadStream(path), decrypted).catch((error) => decrypted.destroy(error));
  return decrypted;
}

export async function* readStagingFile(path: string, keyWrapped: string, source: string): AsyncIterable<AccessRecord> {
  const decrypted = createDecryptStream(unwrapPackageKey(keyWrapped));
  // A read error ends the decrypting stream with that error, so the loop below throws it.
  pipeline(createReadStream(path), decrypted).catch((error) => decrypted.destroy(error));
  for await (const line of createInterface({ input: decrypted, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line) continue;
    const { category, fields, formats } = JSON.parse(line) as Omit<AccessRecord, "source">;
    yield formats ? { source, category, fields, formats } : { source, category, fields };
  }
}
