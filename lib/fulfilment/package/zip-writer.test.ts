import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZipWriter } from "./zip-writer.ts";

async function* chunksOf(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part, "utf8");
}

describe("ZipWriter", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "zip-writer-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes a ZIP that unzip reads back whole: bytes, streams and entries deflated beforehand", async () => {
    const chunks: Buffer[] = [];
    const zip = new ZipWriter((chunk) => {
      chunks.push(chunk);
    }, new Date("2026-03-14T09:30:00Z"));
    await zip.add({ zipPath: "index.html", content: Buffer.from("<p>Élodie</p>") });
    await zip.add({ zipPath: "data/shop/files/scan.txt", chunks: chunksOf("first ", "second"), size: 12 });
    const json = Buffer.from('[{"id":1}]\n');
    const deflated = deflateRawSync(json);
    await zip.addDeflated({
      zipPath: "data/shop/café.json",
      crc32: crc32(json),
      size: json.length,
      compressedSize: deflated.length,
      deflated,
    });
    await zip.end();
    const path = join(dir, "test.zip");
    await writeFile(path, Buffer.concat(chunks));
    const tested = spawnSync("unzip", ["-t", path], { encoding: "utf8" });
    expect(tested.stdout).toContain("No errors detected");
    const printed = (entry: string) => spawnSync("unzip", ["-p", path, entry], { encoding: "utf8" }).stdout;
    expect(printed("index.html")).toBe("<p>Élodie</p>");
    expect(printed("data/shop/files/scan.txt")).toBe("first second");
    expect(printed("data/shop/café.json")).toBe('[{"id":1}]\n');
  });

  it("refuses a stream that is not the announced size", async () => {
    const zip = new ZipWriter(() => {}, new Date());
    await expect(zip.add({ zipPath: "a.csv", chunks: chunksOf("abc"), size: 4 })).rejects.toThrow("unexpected number of bytes");
  });
});
