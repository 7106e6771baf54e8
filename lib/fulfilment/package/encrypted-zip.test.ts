import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPackageKey } from "./encrypted-file.ts";
import { writeEncryptedZip } from "./encrypted-zip.ts";

describe("writeEncryptedZip", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "encrypted-zip-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  let outputs = 0;
  const write = (entries: Parameters<typeof writeEncryptedZip>[0]["entries"]) => {
    outputs += 1;
    return writeEncryptedZip({ path: join(dir, `out-${outputs}.enc`), key: createPackageKey(), mtime: new Date(), entries });
  };

  it("fails, instead of hanging, when an entry's stream fails mid-way", async () => {
    async function* failing() {
      yield Buffer.from("first block");
      throw new Error("disk gone");
    }
    await expect(
      write([
        { zipPath: "a.txt", content: Buffer.from("a") },
        { zipPath: "b.csv", open: () => Readable.from(failing()) },
      ]),
    ).rejects.toThrow("disk gone");
  });

  it("fails when a file on disk is missing or not the announced size", async () => {
    await expect(write([{ zipPath: "a.json", diskPath: join(dir, "missing.json"), bytes: 3 }])).rejects.toThrow(/ENOENT/);
    await writeFile(join(dir, "four.json"), "[1]\n");
    await expect(write([{ zipPath: "a.json", diskPath: join(dir, "four.json"), bytes: 3 }])).rejects.toThrow("unexpected number of bytes");
  });

  it("fails when an entry cannot be opened", async () => {
    const entries = [
      {
        zipPath: "manifest.json",
        open: (): Readable => {
          throw new Error("not ready");
        },
      },
    ];
    await expect(write(entries)).rejects.toThrow("not ready");
  });
});
