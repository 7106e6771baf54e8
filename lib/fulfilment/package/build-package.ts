// The person's data package for an access or portability request: every record the connectors
// found, as JSON and CSV per system and category, an index.html that explains it in the request's
// language, and a manifest of SHA-256 fingerprints, zipped and encrypted at rest under its own key.
// Each record is serialised once; a small package is built in memory, a large one is streamed
// through deflated temporary files: memory stays flat whatever the number of records (see
// build-package.memory.test.ts).
import { rename } from "node:fs/promises";
import { join } from "node:path";
import type { AccessRecord } from "../../connectors/connector.ts";
import { type FieldFormat, type ValueFormat, valueFormats } from "../../connectors/value-formats.ts";
import { sha256Hex } from "../../crypto.ts";
import type { DataMap } from "../../data-map/data-map.schema.ts";
import { describeDataMapCategory } from "../../data-map/describe-data-map-category.ts";
import { type AccessAnswer, mapEntryOf } from "./access-answer-html.ts";
import { accessAnswerTexts } from "./access-answer-texts.ts";
import { type PackageAttachment, type StagedAttachment, writeAttachments } from "./attachments.ts";
import { type CategorySummary, type PackagedFile, type PreviewBudget, writeCategoryFiles } from "./category-files.ts";
import { writeEncryptedZip, writeSmallEncryptedZip, type ZipEntry } from "./encrypted-zip.ts";
import type { FileDigest } from "./file-sink.ts";
import { renderIndexHtml, type SourceSummary } from "./index-html.ts";
import { PackageStore } from "./package-files.ts";
import { SegmentNames } from "./package-paths.ts";
import type { PackageLocale, PackageRequestType } from "./package-texts.ts";

export type PackageSource = {
  /** Stable identifier of the system (the connector's key): the folder name under data/. */
  key: string;
  /** What the person sees: "Online shop", "Newsletter". */
  name: string;
  records: AsyncIterable<AccessRecord>;
  description?: string;
  /** Documents given as files (a manual task's upload), packaged as they are. */
  attachments?: PackageAttachment[];
  /** This source's category → field → meaning: two sources with a `customer` category keep their own. */
  fieldDescriptions?: Record<string, Record<string, string>>;
  /** What the company's data map says of this source's categories; an access answer shows it. */
  dataMap?: DataMap | null;
};

/**
 * How much of the person's data index.html shows: every row of a small category, the first rows of a
 * large one (the page says how many are not shown and links the full files), and a page that stays
 * light enough for a browser whatever the package holds.
 */
export const INDEX_PREVIEW = { rowsPerCategory: 200, totalBytes: 2_000_000 } as const;

/**
 * A package whose JSON and CSV text stays below this is built in memory (the usual answer is a few
 * kilobytes): no temporary folder, one write of the encrypted file. A larger one moves to disk.
 */
export const PACKAGE_MEMORY_BYTES = 512 * 1024;

export type BuildPackageOptions = {
  /** Where the encrypted ZIP ends up; written under a temporary name and renamed into place. */
  outputPath: string;
  /** The package's own data key (createPackageKey), stored wrapped (wrapPackageKey). */
  key: Buffer;
  locale: PackageLocale;
  companyName: string;
  reference: string;
  requestType: PackageRequestType;
  generatedAt: Date;
  /** How the date reads in index.html; the controller's zone (CONTROLLER_TIME_ZONE) in practice. */
  timeZone?: string;
  sources: PackageSource[];
  /** category → field → meaning for every source, where a source declares none of its own. */
  fieldDescriptions?: Record<string, Record<string, string>>;
  /** The general part of an access answer: the controller, where to complain, California. */
  answer?: AccessAnswer;
  /** Text kept in memory before the package moves to disk (PACKAGE_MEMORY_BYTES). */
  memoryBytes?: number;
};

export type ManifestFile = {
  path: string;
  sha256: string;
  bytes: number;
  records?: number;
  /** Field → the format its text values are in, where the source declared one. */
  fieldFormats?: Record<string, FieldFormat>;
};

export type PackageManifest = {
  reference: string;
  requestType: PackageRequestType;
  generatedAt: string;
  /** What each format named in the files' fieldFormats means (../../connectors/value-formats.ts). */
  valueFormats: Partial<Record<ValueFormat, string>>;
  files: ManifestFile[];
};

export type BuiltPackage = {
  /** Of the encrypted file as stored, to detect a damaged copy before decrypting it. */
  sha256: string;
  sizeBytes: number;
  manifest: PackageManifest;
  /** Per source (in the order given), the categories the person's data was found in. */
  categories: string[][];
};

export async function buildPackage(options: BuildPackageOptions): Promise<BuiltPackage> {
  const store = new PackageStore(options.outputPath, options.memoryBytes ?? PACKAGE_MEMORY_BYTES);
  try {
    const folders = new SegmentNames();
    const sources: SourceSummary[] = [];
    const attachments: StagedAttachment[] = [];
    // Access: the answer shows the data and says what the map says of it. Portability: data only (Art. 20).
    const access = options.requestType === "access";
    const preview: PreviewBudget = { rowsPerCategory: INDEX_PREVIEW.rowsPerCategory, bytesLeft: INDEX_PREVIEW.totalBytes };
    for (const [index, source] of options.sources.entries()) {
      const folder = folders.claim(source.key);
      const categories = await writeCategoryFiles({
        records: source.records,
        folder,
        store,
        tempPrefix: `source-${index}`,
        ...(access
          ? {
              about: (category: string, formats: Record<string, FieldFormat>) => aboutCategory(options, source, category, formats),
              preview,
            }
          : {}),
      });
      // Documents given as files are copied as they are, beside the records (uploads are few and rare).
      const files = source.attachments?.length
        ? await writeAttachments(source.attachments, folder, await store.folder(), `source-${index}`)
        : [];
      attachments.push(...files);
      sources.push({
        name: source.name,
        description: source.description,
        categories,
        files,
        fieldDescriptions: source.fieldDescriptions,
        ...(access ? { dataMap: source.dataMap ?? null } : {}),
      });
    }
    const categories = sources.flatMap((source) => source.categories);
    const indexHtml = Buffer.from(
      renderIndexHtml({
        locale: options.locale,
        companyName: options.companyName,
        reference: options.reference,
        requestType: options.requestType,
        generatedAt: options.generatedAt,
        timeZone: options.timeZone ?? "UTC",
        sources,
        fieldDescriptions: options.fieldDescriptions,
        ...(access && options.answer ? { answer: options.answer } : {}),
      }),
      "utf8",
    );
    const manifest = describeFiles(options, indexHtml, categories, attachments);
    const entries: ZipEntry[] = [
      { zipPath: "index.html", content: indexHtml },
      ...categories.flatMap((category) => [packaged(category.json), packaged(category.csv)]),
      ...attachments.map((file) => ({ zipPath: file.zipPath, diskPath: file.diskPath, bytes: file.bytes })),
      { zipPath: "manifest.json", content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    ];
    let encrypted: FileDigest;
    if (store.onDisk) {
      const encryptedPath = join(await store.folder(), "package.zip.enc");
      encrypted = await writeEncryptedZip({ path: encryptedPath, key: options.key, mtime: options.generatedAt, entries });
      await rename(encryptedPath, options.outputPath);
    } else {
      encrypted = await writeSmallEncryptedZip({ path: options.outputPath, key: options.key, mtime: options.generatedAt, entries });
    }
    return {
      sha256: encrypted.sha256,
      sizeBytes: encrypted.bytes,
      manifest,
      categories: sources.map((source) => source.categories.map((category) => category.category)),
    };
  } finally {
    await store.remove();
  }
}

/** A JSON or CSV file of the package, deflated already, as a ZIP entry. */
function packaged(file: PackagedFile): ZipEntry {
  return {
    zipPath: file.zipPath,
    crc32: file.crc32,
    size: file.bytes,
    compressedSize: file.compressedSize,
    open: file.open,
    deflatedEntry: true,
  };
}

/**
 * The metadata at the top of an access package's JSON file: the category's source, what each field
 * means, what the data map says of it, in the request's language (or that nothing was said), and the
 * format of each field written as text (manifest.json's valueFormats says what each format is).
 */
function aboutCategory(options: BuildPackageOptions, source: PackageSource, category: string, formats: Record<string, FieldFormat>) {
  const entry = mapEntryOf(source.dataMap, category);
  const descriptions = source.fieldDescriptions ?? options.fieldDescriptions ?? {};
  return {
    source: source.name,
    category,
    ...(entry
      ? { described: true, ...describeDataMapCategory(entry, options.locale) }
      : {
          described: false,
          notDescribed: accessAnswerTexts[options.locale].notDescribed(options.answer?.organisation?.name ?? options.companyName),
        }),
    fieldDescriptions: Object.hasOwn(descriptions, category) ? descriptions[category] : {},
    fieldFormats: formats,
  };
}

function describeFiles(
  options: BuildPackageOptions,
  indexHtml: Buffer,
  categories: CategorySummary[],
  attachments: StagedAttachment[],
): PackageManifest {
  const used = new Set(categories.flatMap((category) => Object.values(category.formats).map((format) => format.replace(/\[\]$/, ""))));
  const fieldFormats = (category: CategorySummary) => (Object.keys(category.formats).length ? { fieldFormats: category.formats } : {});
  return {
    reference: options.reference,
    requestType: options.requestType,
    generatedAt: options.generatedAt.toISOString(),
    valueFormats: Object.fromEntries(Object.entries(valueFormats).filter(([name]) => used.has(name))),
    files: [
      { path: "index.html", sha256: sha256Hex(indexHtml), bytes: indexHtml.length },
      ...categories.flatMap((category) => [
        {
          path: category.json.zipPath,
          sha256: category.json.sha256,
          bytes: category.json.bytes,
          records: category.records,
          ...fieldFormats(category),
        },
        {
          path: category.csv.zipPath,
          sha256: category.csv.sha256,
          bytes: category.csv.bytes,
          records: category.records,
          ...fieldFormats(category),
        },
      ]),
      ...attachments.map((file) => ({ path: file.zipPath, sha256: file.sha256, bytes: file.bytes })),
    ],
  };
}
