// A category's CSV, made from its finished JSON file (so the header holds every field, even those
// first seen in the last record) and streamed straight into the ZIP: no second temp file, and the
// rows are formatted while the previous block is being compressed on the thread pool.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { CSV_BOM, csvRow } from "./csv.ts";
import type { FileDigest } from "./file-sink.ts";

/** Rows are handed on in blocks: one stream chunk per row would cost more than formatting it. */
const BLOCK_CHARS = 64 * 1024;

export type StreamedFile = {
  zipPath: string;
  records: number;
  /** A new stream of the file's bytes; read it once. */
  open: () => Readable;
  /** Known once the stream has been read to its end. */
  digest: () => FileDigest;
};

export function streamCsvFromJson(options: { zipPath: string; jsonPath: string; fields: string[]; records: number }): StreamedFile {
  let result: FileDigest | undefined;

  async function* blocks(): AsyncGenerator<Buffer> {
    const hash = createHash("sha256");
    let bytes = 0;
    let pending: string[] = [CSV_BOM + csvRow(options.fields)];
    let pendingChars = pending[0].length;
    const take = (): Buffer => {
      const block = Buffer.from(pending.join(""), "utf8");
      pending = [];
      pendingChars = 0;
      hash.update(block);
      bytes += block.length;
      return block;
    };
    const input = createReadStream(options.jsonPath, { encoding: "utf8" });
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    const reader = new RecordLines();
    try {
      for await (const line of lines) {
        const json = reader.next(line);
        if (json === undefined) continue;
        const record = JSON.parse(json) as Record<string, unknown>;
        // hasOwn: a record without a field named "constructor" must not print Object's constructor.
        const row = csvRow(options.fields.map((name) => (Object.hasOwn(record, name) ? record[name] : undefined)));
        pending.push(row);
        pendingChars += row.length;
        if (pendingChars >= BLOCK_CHARS) yield take();
      }
      if (pending.length > 0) yield take();
      result = { sha256: hash.digest("hex"), bytes };
    } finally {
      // Also on the way out of an aborted ZIP: the file descriptor must not outlive the package.
      lines.close();
      input.destroy();
    }
  }

  return {
    zipPath: options.zipPath,
    records: options.records,
    open: () => Readable.from(blocks(), { objectMode: false }),
    digest: () => {
      if (!result) throw new Error(`${options.zipPath} was not written to its end`);
      return result;
    },
  };
}

/**
 * Reads our own JSON files back line by line: a plain array (`[`, one record per line, `]`) or the
 * access form (`{ "about": …, "records": [`, one record per line, `  ]`, `}`). Only the lines
 * between the records' brackets are records, so the metadata above them never becomes a row.
 */
class RecordLines {
  private state: "before" | "inside" | "after" = "before";

  /** The JSON text of the record on this line, or undefined for any other line. */
  next(line: string): string | undefined {
    if (this.state === "before") {
      if (line === "[" || line === '  "records": [') this.state = "inside";
      return undefined;
    }
    if (this.state === "after") return undefined;
    const text = line.trim();
    if (text === "]") {
      this.state = "after";
      return undefined;
    }
    if (text === "") return undefined;
    return text.endsWith(",") ? text.slice(0, -1) : text;
  }
}
