// Reads every file of a ZIP held in memory, for the offline verifier. A name that appears twice is
// reported rather than silently shadowed: a second entry is a classic way to show one reader one
// file and another reader another.
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export class NotAZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotAZipError";
  }
}

export type ZipContents = { entries: Map<string, Buffer>; duplicates: string[] };

/** Evidence bundles are a few megabytes; this bounds what a hostile archive can make us inflate. */
const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

export function readZipEntries(data: Buffer): Promise<ZipContents> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(new NotAZipError(`not a ZIP archive (${openError?.message ?? "unreadable"})`));
        return;
      }
      const entries = new Map<string, Buffer>();
      const duplicates: string[] = [];
      let total = 0;
      const fail = (error: Error) => {
        zip.close();
        reject(error instanceof NotAZipError ? error : new NotAZipError(`damaged ZIP archive (${error.message})`));
      };
      zip.on("error", fail);
      zip.on("end", () => resolve({ entries, duplicates }));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) {
          zip.readEntry();
          return;
        }
        total += entry.uncompressedSize;
        if (total > MAX_TOTAL_BYTES) {
          fail(new NotAZipError("the archive unpacks to more than 1 GiB; an evidence bundle is far smaller"));
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            fail(streamError ?? new Error(`cannot read ${entry.fileName}`));
            return;
          }
          collect(stream).then((content) => {
            if (entries.has(entry.fileName)) duplicates.push(entry.fileName);
            else entries.set(entry.fileName, content);
            zip.readEntry();
          }, fail);
        });
      });
      zip.readEntry();
    });
  });
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
