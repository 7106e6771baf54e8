// Memory stays flat whatever the number of records because the builder streams them: it takes the
// next record only once what it took before is on its way to the disk. That is checked here by
// counting bytes (taken from the records vs. on disk, once the deflated temp files are inflated),
// which does not depend on the machine or its load; the RSS figures are measured by
// bench/fulfilment-package (they vary from run to run).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessRecord } from "../../connectors/connector.ts";
import { buildPackage } from "./build-package.ts";
import { createPackageKey } from "./encrypted-file.ts";
import { generateRecords } from "./package.test-support.ts";

// env() parses process.env once, on the first call (made lazily by lib/crypto.ts, after these lines run).
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

const MB = 1_000_000;
const RECORDS = 80_000; // ~520 bytes of JSON each: about 40 MB, 20 times the bound below
/**
 * What may be taken from the records and not yet be on disk: the first 512 KiB of the package's text
 * (JSON and CSV) while it may still be small enough to build in memory, then per category file one
 * 64 KiB block being gathered, up to 128 KiB queued for the deflater and what it holds in its window
 * and the deflated bytes on their way to the file (each stands for several bytes of JSON)
 * (package-files.ts); three categories here. A builder that kept records (or their JSON) in memory
 * would exceed it as soon as the package outgrows it.
 */
const MAX_NOT_ON_DISK = 2 * MB;
const CHECK_EVERY = 400;

describe("buildPackage memory", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "build-package-memory-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Bytes of JSON in the category files of the builder's temp dir (next to the output), right now. */
  function jsonBytesOnDisk(outputName: string): number {
    const workDir = readdirSync(dir).find((name) => name.startsWith(`.${outputName}.tmp-`));
    if (!workDir) return 0;
    // Deflated as they are written: what the deflate stream written so far inflates to.
    const inflated = (name: string) =>
      inflateRawSync(readFileSync(join(dir, workDir, name)), { finishFlush: constants.Z_SYNC_FLUSH }).length;
    return readdirSync(join(dir, workDir))
      .filter((name) => name.endsWith(".json.deflate"))
      .reduce((sum, name) => sum + inflated(name), 0);
  }

  /** The records, and at every CHECK_EVERY-th one taken, how far the bytes taken are ahead of the disk. */
  async function* watched(records: AsyncIterable<AccessRecord>, outputName: string, gaps: number[]): AsyncIterable<AccessRecord> {
    let taken = 0;
    let count = 0;
    for await (const record of records) {
      if (count % CHECK_EVERY === 0) gaps.push(taken - jsonBytesOnDisk(outputName));
      // What the builder writes for it: the JSON line and its separator (",\n  ").
      taken += Buffer.byteLength(JSON.stringify(record.fields)) + 4;
      count += 1;
      yield record;
    }
  }

  it("takes the next record only when what it took is on its way to disk", { timeout: 120_000 }, async () => {
    const outputName = "large.zip.enc";
    const gaps: number[] = [];
    const built = await buildPackage({
      outputPath: join(dir, outputName),
      key: createPackageKey(),
      locale: "en",
      companyName: "Acme",
      reference: "DSR-MEMO-RY00",
      requestType: "portability",
      generatedAt: new Date("2026-03-02T10:00:00Z"),
      sources: [{ key: "shop", name: "Online shop", records: watched(generateRecords(RECORDS), outputName, gaps) }],
    });
    const jsonFiles = built.manifest.files.filter((file) => file.path.endsWith(".json"));
    const jsonBytes = jsonFiles.reduce((sum, file) => sum + file.bytes, 0);
    expect(jsonFiles.reduce((sum, file) => sum + (file.records ?? 0), 0)).toBe(RECORDS);
    expect(jsonBytes).toBeGreaterThan(20 * MAX_NOT_ON_DISK);
    expect(gaps).toHaveLength(RECORDS / CHECK_EVERY);
    // Blocks did reach the disk while records were still being taken (the check sees the files)...
    expect(gaps.at(-1)).toBeLessThan(jsonBytes / 2);
    // ...and never more than the bound was held back, at any point of the 20 MB.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_NOT_ON_DISK);
  });
});
