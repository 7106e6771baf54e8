import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "./build-package.ts";
import { createPackageKey } from "./encrypted-file.ts";
import { openPackage } from "./open-package.ts";
import { generateRecords, sampleRss } from "./package.test-support.ts";

// env() parses process.env once, on the first call (made lazily by lib/crypto.ts, after these lines run).
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

const MB = 1_000_000;
const RECORDS = 400_000; // ~520 bytes of JSON each: a little over 200 MB
const MAX_RSS_INCREASE = 256 * 1024 * 1024;

describe("buildPackage memory", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "build-package-memory-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("packages 200 MB of records with a flat memory profile", { timeout: 180_000 }, async () => {
    const key = createPackageKey();
    const outputPath = join(dir, "large.zip.enc");
    const before = process.memoryUsage().rss;
    const sampler = sampleRss(50);
    const started = performance.now();
    const built = await buildPackage({
      outputPath,
      key,
      locale: "en",
      companyName: "Acme",
      reference: "DSR-MEMO-RY00",
      requestType: "portability",
      generatedAt: new Date(),
      sources: [{ key: "shop", name: "Online shop", records: generateRecords(RECORDS) }],
    });
    const seconds = (performance.now() - started) / 1000;
    // Reading it back is streamed too: the download route must not need the whole file either.
    let zipBytes = 0;
    await pipeline(
      openPackage(outputPath, key),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          zipBytes += chunk.length;
          callback();
        },
      }),
    );
    const increase = sampler.stop() - before;

    const jsonFiles = built.manifest.files.filter((file) => file.path.endsWith(".json"));
    const jsonBytes = jsonFiles.reduce((sum, file) => sum + file.bytes, 0);
    console.log(
      `packaged ${(jsonBytes / MB).toFixed(0)} MB of JSON (+ CSV) in ${seconds.toFixed(1)} s; ` +
        `encrypted ${(built.sizeBytes / MB).toFixed(1)} MB, zip ${(zipBytes / MB).toFixed(1)} MB; peak RSS increase ${(increase / MB).toFixed(0)} MB`,
    );
    expect(jsonBytes).toBeGreaterThan(200 * MB);
    expect(jsonFiles.reduce((sum, file) => sum + (file.records ?? 0), 0)).toBe(RECORDS);
    expect(zipBytes).toBeGreaterThan(0);
    expect(increase).toBeLessThan(MAX_RSS_INCREASE);
  });
});
