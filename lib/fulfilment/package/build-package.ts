// The person's data package for an access or portability request: every record the connectors
// found, as JSON and CSV per system and category, an index.html that explains it in the request's
// language, and a manifest of SHA-256 fingerprints, zipped and encrypted at rest under its own key.
// Records are streamed: memory stays flat whatever the number of records (see build-package.memory.test.ts).
import { mkdtemp, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import type { AccessRecord } from "../../connectors/connector.ts";
import { sha256Hex } from "../../crypto.ts";
import type { DataMap } from "../../data-map/data-map.schema.ts";
import { describeDataMapCategory } from "../../data-map/describe-data-map-category.ts";
import { type AccessAnswer, mapEntryOf } from "./access-answer-html.ts";
import { accessAnswerTexts } from "./access-answer-texts.ts";
import { type PackageAttachment, type StagedAttachment, writeAttachments } from "./attachments.ts";
import { type CategorySummary, type PreviewBudget, writeCategoryFiles } from "./category-files.ts";
import { writeEncryptedZip } from "./encrypted-zip.ts";
import { renderIndexHtml, type SourceSummary } from "./index-html.ts";
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
};

export type ManifestFile = { path: string; sha256: string; bytes: number; records?: number };

export type PackageManifest = {
  reference: string;
  requestType: PackageRequestType;
  generatedAt: string;
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
  // Next to the output, so the final rename stays on one file system (atomic). A hard crash can leave
  // this hidden directory behind, never a half-written file under the package's own name.
  const workDir = await mkdtemp(join(dirname(options.outputPath), `.${basename(options.outputPath)}.tmp-`));
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
        workDir,
        tempPrefix: `source-${index}`,
        ...(access ? { about: (category: string) => aboutCategory(options, source, category), preview } : {}),
      });
      const files = await writeAttachments(source.attachments ?? [], folder, workDir, `source-${index}`);
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

    // The CSV digests are known only once the CSVs went into the ZIP, so the manifest goes in last.
    let manifest: PackageManifest | undefined;
    const manifestEntry = {
      zipPath: "manifest.json",
      open: () => {
        manifest = describeFiles(options, indexHtml, categories, attachments);
        return Readable.from([Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8")]);
      },
    };

    const encryptedPath = join(workDir, "package.zip.enc");
    const encrypted = await writeEncryptedZip({
      path: encryptedPath,
      key: options.key,
      mtime: options.generatedAt,
      entries: [
        { zipPath: "index.html", content: indexHtml },
        ...categories.flatMap((category) => [
          { zipPath: category.json.zipPath, diskPath: category.json.diskPath, bytes: category.json.bytes },
          category.csv,
        ]),
        ...attachments.map((file) => ({ zipPath: file.zipPath, diskPath: file.diskPath, bytes: file.bytes })),
        manifestEntry,
      ],
    });
    if (!manifest) throw new Error("the package manifest was not written");
    await rename(encryptedPath, options.outputPath);
    return {
      sha256: encrypted.sha256,
      sizeBytes: encrypted.bytes,
      manifest,
      categories: sources.map((source) => source.categories.map((category) => category.category)),
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The metadata at the top of an access package's JSON file: the category's source, what each field
 * means, and what the data map says of it, in the request's language (or that nothing was said).
 */
function aboutCategory(options: BuildPackageOptions, source: PackageSource, category: string) {
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
  };
}

function describeFiles(
  options: BuildPackageOptions,
  indexHtml: Buffer,
  categories: CategorySummary[],
  attachments: StagedAttachment[],
): PackageManifest {
  return {
    reference: options.reference,
    requestType: options.requestType,
    generatedAt: options.generatedAt.toISOString(),
    files: [
      { path: "index.html", sha256: sha256Hex(indexHtml), bytes: indexHtml.length },
      ...categories.flatMap((category) => [
        { path: category.json.zipPath, sha256: category.json.sha256, bytes: category.json.bytes, records: category.records },
        { path: category.csv.zipPath, ...category.csv.digest(), records: category.records },
      ]),
      ...attachments.map((file) => ({ path: file.zipPath, sha256: file.sha256, bytes: file.bytes })),
    ],
  };
}
