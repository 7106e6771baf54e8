/**
 * The floor of packaging as the suite compares it (bench/run-all.ts): the same generated records
 * (generateRecords, ~520 bytes of JSON each) written to a JSON file, then compressed by Info-ZIP's
 * `zip` at the same level the package uses (deflate 6), timed apart. No CSV, no index, no
 * encryption: what the cheapest archive of the same data costs on this machine.
 *
 *   npx tsx bench/fulfilment-package/zip-floor.ts [--mb 50]
 *
 * Prints `zip floor <n> MB: <x> MB/s` (the suite's line format, bench/README.md).
 */
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { generateRecords } from "../../lib/fulfilment/package/package.test-support.ts";

const { values: cli } = parseArgs({ options: { mb: { type: "string", default: "50" } } });
const MB = 1_000_000;
const sizeMb = Number(cli.mb);
const dir = await mkdtemp(join(tmpdir(), "bench-zip-floor-"));
try {
  const file = join(dir, "records.json");
  const out = createWriteStream(file);
  for await (const record of generateRecords(Math.round((sizeMb * MB) / 520))) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const bytes = (await stat(file)).size;
  const started = performance.now();
  await promisify(execFile)("zip", ["-6", "-q", join(dir, "records.zip"), file]);
  const seconds = (performance.now() - started) / 1000;
  console.log(`zip of ${(bytes / MB).toFixed(0)} MB of record JSON: ${seconds.toFixed(2)} s`);
  console.log(`zip floor ${sizeMb} MB: ${(bytes / MB / seconds).toFixed(1)} MB/s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
