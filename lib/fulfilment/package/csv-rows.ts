// A category's CSV whose header grew after its first rows were written (a record brought a field
// of its own): the file is made again with the full header, each earlier row given empty cells at
// its end. Rows are found by their CRLF outside quotes (csv.ts quotes every cell holding a line
// break), so no record is parsed again. Rare: a database's rows all have the same fields.
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { FinishedFile, PackageStore } from "./package-files.ts";

const QUOTE = 0x22;
const CR = 0x0d;

export async function widenCsv(
  csv: FinishedFile,
  options: {
    store: PackageStore;
    name: string;
    /** Bytes of the BOM and header the file starts with, replaced by `header`. */
    oldHeaderBytes: number;
    header: string;
    /** How many rows, in order, were written with how many cells. */
    widths: Array<{ rows: number; width: number }>;
  },
): Promise<FinishedFile> {
  const width = options.widths.reduce((max, run) => Math.max(max, run.width), 0);
  const out = options.store.file(options.name);
  await out.write(options.header);
  let skip = options.oldHeaderBytes;
  let run = 0;
  let rowsLeft = options.widths[0]?.rows ?? 0;
  let quoted = false;
  const deflated = csv.open();
  const source = Buffer.isBuffer(deflated) ? Readable.from([deflated]) : Readable.from(deflated);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source.pipe(createInflateRaw()) as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (skip > 0) {
      const skipped = Math.min(skip, bytes.length);
      skip -= skipped;
      bytes = bytes.subarray(skipped);
    }
    let start = 0;
    for (let i = 0; i < bytes.length; i += 1) {
      const byte = bytes[i];
      if (byte === QUOTE) quoted = !quoted;
      else if (byte === CR && !quoted) {
        // The end of a row: its missing cells go before the CRLF.
        while (rowsLeft === 0) rowsLeft = options.widths[++run]?.rows ?? Number.POSITIVE_INFINITY;
        const missing = width - (options.widths[run]?.width ?? width);
        rowsLeft -= 1;
        if (missing > 0) {
          await out.write(decoder.decode(bytes.subarray(start, i), { stream: true }) + ",".repeat(missing));
          start = i;
        }
      }
    }
    await out.write(decoder.decode(bytes.subarray(start), { stream: true }));
  }
  await out.write(decoder.decode());
  return out.finish();
}
