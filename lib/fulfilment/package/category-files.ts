// One source's records, written record by record into one JSON file per category in the temp dir;
// each category's CSV is made from that JSON file later, while zipping (csv-file.ts). Only the field
// names, the counts and a bounded preview (the first rows, shown in index.html) stay in memory, so a
// table of millions of rows costs no more than a table of ten.
//
// An access package's JSON file is `{ "about": …, "records": [ … ] }`: what the data map says of the
// category beside the records. A portability package's is the plain array of records (Art. 20: data
// only, for reuse).
import { join } from "node:path";
import type { AccessRecord } from "../../connectors/connector.ts";
import { type StreamedFile, streamCsvFromJson } from "./csv-file.ts";
import { type FileDigest, FileSink } from "./file-sink.ts";
import { SegmentNames } from "./package-paths.ts";

/** A file ready to go into the ZIP: where it is on disk, where it goes, and its digest. */
export type StagedFile = FileDigest & { zipPath: string; diskPath: string; records: number };

export type CategorySummary = {
  category: string;
  records: number;
  /** Every field name seen, in first-seen order: the CSV header, and the list shown in index.html. */
  fields: string[];
  json: StagedFile;
  csv: StreamedFile;
  /** The first records, as long as the preview budget lasted (all of them for a small category). */
  preview: Array<Record<string, unknown>>;
};

/**
 * How much of the data index.html shows: at most `rowsPerCategory` rows of each category, and
 * `bytesLeft` bytes of JSON in all (shared by every category of the package, then spent).
 */
export type PreviewBudget = { rowsPerCategory: number; bytesLeft: number };

type CategoryWriter = {
  category: string;
  fileName: string;
  sink: FileSink;
  fields: Set<string>;
  records: number;
  preview: Array<Record<string, unknown>>;
  /** Once a row did not fit, later ones are not shown either: the preview is always the first rows. */
  previewClosed: boolean;
};

/** Record lines are indented this much in the object form, under "records". */
const OBJECT_INDENT = "    ";

/**
 * Writes `data/<folder>/<category>.json` for one source, and prepares the matching `.csv`. `tempPrefix` keeps the temp files of
 * different sources apart; names on disk are numbered, never taken from the data.
 */
export async function writeCategoryFiles(options: {
  records: AsyncIterable<AccessRecord>;
  folder: string;
  workDir: string;
  tempPrefix: string;
  /** The metadata written beside a category's records (access); none: the file is the plain array. */
  about?: (category: string) => unknown;
  preview?: PreviewBudget;
}): Promise<CategorySummary[]> {
  const writers = new Map<string, CategoryWriter>();
  const fileNames = new SegmentNames();
  try {
    for await (const record of options.records) {
      let writer = writers.get(record.category);
      if (!writer) {
        const diskPath = join(options.workDir, `${options.tempPrefix}-${writers.size}.json`);
        const fileName = fileNames.claim(record.category);
        writer = {
          category: record.category,
          fileName,
          sink: new FileSink(diskPath),
          fields: new Set(),
          records: 0,
          preview: [],
          previewClosed: !options.preview,
        };
        writers.set(record.category, writer);
        if (options.about) {
          const about = JSON.stringify(options.about(record.category) ?? null, null, 2).replaceAll("\n", "\n  ");
          await writer.sink.write(`{\n  "about": ${about},\n  "records": [`);
        } else {
          await writer.sink.write("[");
        }
      }
      const line = await appendRecord(writer, record, options.about ? OBJECT_INDENT : "  ");
      keepForPreview(writer, line, options.preview);
    }
    const summaries: CategorySummary[] = [];
    for (const writer of writers.values()) {
      await writer.sink.write(options.about ? "\n  ]\n}\n" : "\n]\n");
      const jsonDigest = await writer.sink.close();
      const fields = [...writer.fields];
      const base = `data/${options.folder}/${writer.fileName}`;
      const json: StagedFile = { ...jsonDigest, zipPath: `${base}.json`, diskPath: writer.sink.path, records: writer.records };
      const csv = streamCsvFromJson({ zipPath: `${base}.csv`, jsonPath: json.diskPath, fields, records: writer.records });
      summaries.push({ category: writer.category, records: writer.records, fields, json, csv, preview: writer.preview });
    }
    return summaries;
  } catch (error) {
    // The temp dir is removed by the caller; open handles would keep its files alive until exit.
    for (const writer of writers.values()) writer.sink.destroy();
    throw error;
  }
}

/** One record per line, so the file reads well and the CSV pass can read it back line by line. */
async function appendRecord(writer: CategoryWriter, record: AccessRecord, indent: string): Promise<string> {
  const fields = record.fields;
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    throw new Error(`A record of category "${record.category}" has no fields object`);
  }
  for (const name of Object.keys(fields)) writer.fields.add(name);
  const line = JSON.stringify(fields, jsonSafeValue);
  await writer.sink.write((writer.records === 0 ? "\n" : ",\n") + indent + line);
  writer.records += 1;
  return line;
}

/** The record as written (bigint and bytes already made text), while the budget lasts. */
function keepForPreview(writer: CategoryWriter, line: string, budget: PreviewBudget | undefined): void {
  if (writer.previewClosed || !budget) return;
  if (writer.preview.length >= budget.rowsPerCategory || line.length > budget.bytesLeft) {
    writer.previewClosed = true;
    return;
  }
  budget.bytesLeft -= line.length;
  writer.preview.push(JSON.parse(line) as Record<string, unknown>);
}

/**
 * Database drivers hand back values JSON cannot hold as they are: bigint (which JSON.stringify
 * refuses) becomes a decimal string, and bytes become base64 instead of `{"type":"Buffer","data":[…]}`.
 */
function jsonSafeValue(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    // Buffer.toJSON has already run; the holder still has the original.
    const original = (this as Record<string, unknown>)[key];
    if (original instanceof Uint8Array) return Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString("base64");
  }
  return value;
}
