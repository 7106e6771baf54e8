/**
 * Packaging throughput and memory: builds the encrypted data package of 50 MB and 200 MB of generated
 * records (one source, three categories, ~520 bytes of JSON per record) and prints MB/s of record JSON
 * and the peak RSS (sampled every 50 ms) of building it and of reading it back (openPackage, as the
 * download does). Beside them, the floor measured in the same run: the same records generated and
 * dropped, in a process of its own. Each size and the floor run in their own process, so a figure is
 * not hidden by the heap an earlier run left. Prints figures only; compare them with BASELINE.
 * (The tests check the streaming by counting bytes: lib/fulfilment/package/build-package.memory.test.ts.)
 */
import { fork, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { buildPackage } from "../../lib/fulfilment/package/build-package.ts";
import { createPackageKey } from "../../lib/fulfilment/package/encrypted-file.ts";
import { openPackage } from "../../lib/fulfilment/package/open-package.ts";
import { generateRecords, sampleRss } from "../../lib/fulfilment/package/package.test-support.ts";

// Only the package key wrapping reads the configuration, and this benchmark does not wrap keys; set
// anyway so an import that reads env() later does not stop the run.
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.DATABASE_URL ??= "postgresql://127.0.0.1/x";
process.env.SMTP_URL ??= "smtp://127.0.0.1:1025";
process.env.MAIL_FROM ??= "a@b.test";
process.env.APP_URL ??= "http://localhost:3000";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";

/** First figures recorded for this benchmark (see README.md); a later run far below them is a regression. */
const BASELINE = {
  figures: "50 MB: 11.3 MB/s, peak RSS 159 MB (+63); 200 MB: 12.2 MB/s, peak RSS 159 MB (+66)",
  recorded: "first run, 2026-11-23, 2-vCPU Intel Xeon, Node 20.20, shared machine (runs vary by ±25%)",
};

const MB = 1_000_000;
const RECORD_BYTES = 520; // what generateRecords makes, accents included
const DEFAULT_SIZES_MB = [50, 200];

/** What one size's run prints last, as one line of JSON, for the parent to collect. */
export type PackageBenchFigures = { sizeMb: number; seconds: number; zipSeconds: number; ratio: number; rssGrowthMb: number };
const FIGURES_PREFIX = "figures:";

/** The record generator alone, so its share of the packaging time is known. */
async function timeGeneratorOnly(count: number): Promise<number> {
  const started = performance.now();
  let fields = 0;
  for await (const record of generateRecords(count)) fields += Object.keys(record.fields).length;
  if (fields === 0) throw new Error("the generator made no records");
  return (performance.now() - started) / 1000;
}

const recordCount = (sizeMb: number) => Math.round((sizeMb * MB) / RECORD_BYTES);
const rssFigure = (peak: number, before: number) =>
  `peak RSS ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB over the ${(before / MB).toFixed(0)} MB at start)`;

/** The floor: the same records generated and dropped, nothing packaged. */
async function runFloor(sizeMb: number): Promise<void> {
  const before = process.memoryUsage().rss;
  const sampler = sampleRss(50);
  const seconds = await timeGeneratorOnly(recordCount(sizeMb));
  console.log(`  floor, ${sizeMb} MB of records generated and dropped: ${seconds.toFixed(1)} s, ${rssFigure(sampler.stop(), before)}`);
}

async function runOnce(dir: string, sizeMb: number): Promise<void> {
  const count = recordCount(sizeMb);
  const outputPath = join(dir, `package-${sizeMb}.zip.enc`);
  const key = createPackageKey();
  const before = process.memoryUsage().rss;
  const sampler = sampleRss(50);
  const started = performance.now();
  const built = await buildPackage({
    outputPath,
    key,
    locale: "en",
    companyName: "Acme",
    reference: "DSR-BENC-H000",
    requestType: "portability",
    generatedAt: new Date(),
    sources: [{ key: "shop", name: "Online shop", records: generateRecords(count) }],
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  // Read back as the download route does: decrypted and streamed, never whole in memory.
  const readBefore = process.memoryUsage().rss;
  const readSampler = sampleRss(50);
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
  const readPeak = readSampler.stop();
  // The floor: Info-ZIP's zip -r -6 (the same deflate level) on the same files, unpacked.
  const zipPath = join(dir, "package.zip");
  await pipeline(openPackage(outputPath, key), createWriteStream(zipPath));
  const unpacked = join(dir, "unpacked");
  await mkdir(unpacked);
  const unzipped = spawnSync("unzip", ["-q", zipPath, "-d", unpacked]);
  if (unzipped.status !== 0) throw new Error(`unzip failed: ${unzipped.stderr}`);
  await rm(zipPath);
  const zipStarted = performance.now();
  const zipped = spawnSync("zip", ["-r", "-6", "-q", join(dir, "floor.zip"), "."], { cwd: unpacked });
  if (zipped.status !== 0) throw new Error(`zip failed: ${zipped.stderr}`);
  const zipSeconds = (performance.now() - zipStarted) / 1000;
  const jsonBytes = built.manifest.files.filter((file) => file.path.endsWith(".json")).reduce((sum, file) => sum + file.bytes, 0);
  const csvBytes = built.manifest.files.filter((file) => file.path.endsWith(".csv")).reduce((sum, file) => sum + file.bytes, 0);
  const generatorSeconds = await timeGeneratorOnly(count);
  console.log(
    `  ${sizeMb} MB: ${count.toLocaleString("en-US")} records, ${(jsonBytes / MB).toFixed(0)} MB JSON + ${(csvBytes / MB).toFixed(0)} MB CSV`,
  );
  console.log(
    `    ${seconds.toFixed(1)} s, ${(jsonBytes / MB / seconds).toFixed(1)} MB/s of record JSON ` +
      `(generating the records alone takes ${generatorSeconds.toFixed(1)} s)`,
  );
  console.log(`    encrypted package ${(built.sizeBytes / MB).toFixed(1)} MB`);
  console.log(`    building: ${rssFigure(peak, before)}`);
  console.log(`    reading back ${(zipBytes / MB).toFixed(1)} MB of ZIP: ${rssFigure(readPeak, readBefore)}`);
  console.log(
    `    floor: zip -r -6 on the same files takes ${zipSeconds.toFixed(1)} s → the package takes ×${(seconds / zipSeconds).toFixed(2)} zip's time; RSS growth while building ${((peak - before) / MB).toFixed(0)} MB`,
  );
  const figures: PackageBenchFigures = { sizeMb, seconds, zipSeconds, ratio: seconds / zipSeconds, rssGrowthMb: (peak - before) / MB };
  console.log(`${FIGURES_PREFIX}${JSON.stringify(figures)}`);
}

/** One size per child process (it inherits tsx's loader through process.execArgv); its figures, if it printed them. */
async function runInChild(sizeMb: number, mode: "package" | "floor"): Promise<PackageBenchFigures | undefined> {
  const child = fork(fileURLToPath(import.meta.url), [String(sizeMb), mode], { stdio: ["inherit", "pipe", "inherit", "ipc"] });
  let figures: PackageBenchFigures | undefined;
  child.stdout?.setEncoding("utf8");
  let pending = "";
  child.stdout?.on("data", (text: string) => {
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(FIGURES_PREFIX)) figures = JSON.parse(line.slice(FIGURES_PREFIX.length)) as PackageBenchFigures;
      else console.log(line);
    }
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`the ${sizeMb} MB run failed (exit code ${code})`);
  return figures;
}

export async function run(options: { sizesMb?: number[] } = {}): Promise<PackageBenchFigures[]> {
  console.log("fulfilment package: buildPackage (JSON + CSV per category, index.html, manifest, ZIP deflate 6, AES-256-GCM)");
  const results: PackageBenchFigures[] = [];
  for (const sizeMb of options.sizesMb ?? DEFAULT_SIZES_MB) {
    await runInChild(sizeMb, "floor");
    const figures = await runInChild(sizeMb, "package");
    if (figures) results.push(figures);
  }
  console.log(`  baseline: ${BASELINE.figures} (${BASELINE.recorded})`);
  return results;
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const size = Number(process.argv[2]);
  if (size > 0 && process.argv[3] === "floor") {
    await runFloor(size);
  } else if (size > 0) {
    const dir = await mkdtemp(join(tmpdir(), "bench-fulfilment-package-"));
    try {
      await runOnce(dir, size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else {
    const sizes = process.argv.find((arg) => arg.startsWith("--sizes="))?.slice("--sizes=".length);
    await run({ sizesMb: sizes ? sizes.split(",").map(Number) : undefined });
  }
}
