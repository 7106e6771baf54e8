// One source's records, read once: each record is serialised once to JSON and once to a CSV row,
// into its category's two files (package-files.ts: in memory for a small package, deflated on
// disk for a large one). Only the field names, the counts and a bounded preview (the first rows,
// shown in index.html) stay in memory besides, so a table of millions of rows costs no more than a
// table of ten.
//
// The CSV header is the first record's fields: a database row has them all. When a later record
// brings a field of its own (records of an http system may differ), the header grows and the rows
// written before it get empty cells at their end once the category is finished (csv-rows.ts).
//
// An access package's JSON file is `{ "about": …, "records": [ … ] }`: what the data map says of the
// category beside the records, and the format of each field the source writes as text. A portability
// package's is the plain array of records (Art. 20: data only, for reuse).
//
// A record may name the formats of its fields (`AccessRecord.formats`, the same object for every
// record of a table, and only the first record's after a staging file): the first record's go into
// `about`, every one seen into the summary (manifest.json).
import type { AccessRecord } from "../../connectors/connector.ts";
import type { FieldFormat } from "../../connectors/value-formats.ts";
import { CSV_BOM, csvRow } from "./csv.ts";
import { widenCsv } from "./csv-rows.ts";
import type { FinishedFile, PackageFile, PackageStore } from "./package-files.ts";
import { SegmentNames } from "./package-paths.ts";
import { jsonValueOf, recordJson } from "./record-json.ts";

/** A file ready to go into the ZIP: where it goes, its digest and its deflated bytes. */
export type PackagedFile = FinishedFile & { zipPath: string };

export type CategorySummary = {
  category: string;
  records: number;
  /** Every field name seen, in first-seen order: the CSV header, and the list shown in index.html. */
  fields: string[];
  json: PackagedFile;
  csv: PackagedFile;
  /** The first records, as long as the preview budget lasted (all of them for a small category). */
  preview: Array<Record<string, unknown>>;
  /** Field → the format its text values are in, as the source declared it; empty when it declared none. */
  formats: Record<string, FieldFormat>;
};

/**
 * How much of the data index.html shows: at most `rowsPerCategory` rows of each category, and
 * `bytesLeft` bytes of JSON in all (shared by every category of the package, then spent).
 */
export type PreviewBudget = { rowsPerCategory: number; bytesLeft: number };

type CategoryWriter = {
  category: string;
  fileName: string;
  json: PackageFile;
  csv: PackageFile;
  fields: string[];
  known: Set<string>;
  /** The header written first (the first record's fields), and how many rows had each width after it. */
  headerFields: number;
  widths: Array<{ rows: number; width: number }>;
  records: number;
  preview: Array<Record<string, unknown>>;
  /** Once a row did not fit, later ones are not shown either: the preview is always the first rows. */
  previewClosed: boolean;
  formats: Record<string, FieldFormat>;
  /** The last formats object merged, so the same object is not merged again for every record. */
  formatsSeen: AccessRecord["formats"];
};

/** Record lines are indented this much in the object form, under "records". */
const OBJECT_INDENT = "    ";

/**
 * Writes `data/<folder>/<category>.json` and `.csv` for one source. `tempPrefix` keeps the temp files of
 * different sources apart; names on disk are numbered, never taken from the data.
 */
export async function writeCategoryFiles(options: {
  records: AsyncIterable<AccessRecord>;
  folder: string;
  store: PackageStore;
  tempPrefix: string;
  /** The metadata written beside a category's records (access), given the first record's formats; none: the file is the plain array. */
  about?: (category: string, formats: Record<string, FieldFormat>) => unknown;
  preview?: PreviewBudget;
}): Promise<CategorySummary[]> {
  const writers = new Map<string, CategoryWriter>();
  const fileNames = new SegmentNames();
  const indent = options.about ? OBJECT_INDENT : "  ";
  for await (const record of options.records) {
    const fields = record.fields;
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
      throw new Error(`A record of category "${record.category}" has no fields object`);
    }
    let writer = writers.get(record.category);
    if (!writer) {
      writer = await openCategory(options, record.category, record, writers.size, fileNames.claim(record.category));
      writers.set(record.category, writer);
    }
    if (record.formats && record.formats !== writer.formatsSeen) {
      Object.assign(writer.formats, record.formats);
      writer.formatsSeen = record.formats;
    }
    for (const name in fields) {
      if (Object.hasOwn(fields, name) && !writer.known.has(name)) {
        writer.known.add(name);
        writer.fields.push(name);
      }
    }
    const line = recordJson(fields);
    await writer.json.write((writer.records === 0 ? "\n" : ",\n") + indent + line);
    await writer.csv.write(csvRow(writer.fields.map((name) => (Object.hasOwn(fields, name) ? jsonValueOf(fields[name]) : undefined))));
    const width = writer.widths.at(-1);
    if (width?.width === writer.fields.length) width.rows += 1;
    else writer.widths.push({ rows: 1, width: writer.fields.length });
    writer.records += 1;
    keepForPreview(writer, line, options.preview);
  }
  const summaries: CategorySummary[] = [];
  for (const writer of writers.values()) {
    await writer.json.write(options.about ? "\n  ]\n}\n" : "\n]\n");
    const base = `data/${options.folder}/${writer.fileName}`;
    const json = { ...(await writer.json.finish()), zipPath: `${base}.json` };
    let csv = await writer.csv.finish();
    if (writer.fields.length > writer.headerFields) {
      csv = await widenCsv(csv, {
        store: options.store,
        name: `${writer.csv.name}-wide`,
        oldHeaderBytes: Buffer.byteLength(CSV_BOM + csvRow(writer.fields.slice(0, writer.headerFields))),
        header: CSV_BOM + csvRow(writer.fields),
        widths: writer.widths,
      });
    }
    summaries.push({
      category: writer.category,
      records: writer.records,
      fields: writer.fields,
      json,
      csv: { ...csv, zipPath: `${base}.csv` },
      preview: writer.preview,
      formats: writer.formats,
    });
  }
  return summaries;
}

async function openCategory(
  options: { store: PackageStore; tempPrefix: string; about?: (category: string, formats: Record<string, FieldFormat>) => unknown },
  category: string,
  first: AccessRecord,
  index: number,
  fileName: string,
): Promise<CategoryWriter> {
  const fields = Object.keys(first.fields);
  const writer: CategoryWriter = {
    category,
    fileName,
    json: options.store.file(`${options.tempPrefix}-${index}.json.deflate`),
    csv: options.store.file(`${options.tempPrefix}-${index}.csv.deflate`),
    fields,
    known: new Set(fields),
    headerFields: fields.length,
    widths: [],
    records: 0,
    preview: [],
    previewClosed: false,
    formats: {},
    formatsSeen: undefined,
  };
  if (options.about) {
    const about = JSON.stringify(options.about(category, { ...first.formats }) ?? null, null, 2).replaceAll("\n", "\n  ");
    await writer.json.write(`{\n  "about": ${about},\n  "records": [`);
  } else {
    await writer.json.write("[");
  }
  await writer.csv.write(CSV_BOM + csvRow(fields));
  return writer;
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
