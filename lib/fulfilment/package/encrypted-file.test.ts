import { randomBytes } from "node:crypto";
import { Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createDecryptStream,
  createEncryptStream,
  createPackageKey,
  SEGMENT_BYTES,
  unwrapPackageKey,
  wrapPackageKey,
} from "./encrypted-file.ts";

// env() parses process.env once, on the first call (made lazily by lib/crypto.ts, after these lines run).
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

const HEADER_BYTES = 16;
const SEALED_BYTES = SEGMENT_BYTES + 16;
const CORRUPT = /^package file is corrupt or was tampered with \((segment \d+|header)\)$/;

/** Feeds `data` in odd-sized chunks, so segment boundaries never line up with chunk boundaries. */
function chunked(data: Buffer, size = 10_007): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += size) chunks.push(data.subarray(offset, offset + size));
  return Readable.from(chunks);
}

async function run(transform: Transform, data: Buffer, emitted: Buffer[] = []): Promise<Buffer> {
  await pipeline(chunked(data), transform, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) emitted.push(chunk);
  });
  return Buffer.concat(emitted);
}

const encrypt = (data: Buffer, key: Buffer) => run(createEncryptStream(key), data);
const decrypt = (data: Buffer, key: Buffer, emitted?: Buffer[]) => run(createDecryptStream(key), data, emitted);

/** Byte range of sealed segment `index` in an encrypted file. */
const segmentAt = (file: Buffer, index: number) =>
  file.subarray(HEADER_BYTES + index * SEALED_BYTES, HEADER_BYTES + (index + 1) * SEALED_BYTES);

describe("encrypted package files", () => {
  it.each([
    { what: "an empty file", size: 0, segments: 1 },
    { what: "1 byte", size: 1, segments: 1 },
    { what: "exactly 64 KiB", size: SEGMENT_BYTES, segments: 1 },
    { what: "64 KiB + 1 byte", size: SEGMENT_BYTES + 1, segments: 2 },
    { what: "1 MiB of random bytes", size: 1024 * 1024, segments: 16 },
  ])("gives back $what unchanged", async ({ size, segments }) => {
    const key = createPackageKey();
    const plaintext = randomBytes(size);
    const file = await encrypt(plaintext, key);
    expect(file.subarray(0, 8).toString("ascii")).toBe("DSARPKG1");
    expect(file.length).toBe(HEADER_BYTES + size + segments * 16);
    expect((await decrypt(file, key)).equals(plaintext)).toBe(true);
  });

  it("never writes the same bytes twice for the same plaintext (random nonce prefix)", async () => {
    const key = createPackageKey();
    const plaintext = Buffer.from("Élodie, 12 rue de la Paix");
    expect((await encrypt(plaintext, key)).equals(await encrypt(plaintext, key))).toBe(false);
  });

  describe("refuses a damaged file with a clear message", () => {
    const key = createPackageKey();
    const plaintext = randomBytes(4 * SEGMENT_BYTES + 100); // segments 0-3 full, segment 4 partial and last
    let file: Buffer;
    beforeAll(async () => {
      file = await encrypt(plaintext, key);
    });

    it.each([0, 2, 4])("a flipped byte in segment %i", async (index) => {
      const damaged = Buffer.from(file);
      damaged[HEADER_BYTES + index * SEALED_BYTES + 5] ^= 0x01;
      await expect(decrypt(damaged, key)).rejects.toThrow(`package file is corrupt or was tampered with (segment ${index})`);
    });

    it("a flipped byte in a tag", async () => {
      const damaged = Buffer.from(file);
      damaged[damaged.length - 1] ^= 0x80;
      await expect(decrypt(damaged, key)).rejects.toThrow("(segment 4)");
    });

    it("a file whose last segment was removed", async () => {
      const truncated = file.subarray(0, HEADER_BYTES + 4 * SEALED_BYTES);
      await expect(decrypt(truncated, key)).rejects.toThrow("package file is corrupt or was tampered with (segment 3)");
    });

    it("a file cut in the middle of a segment", async () => {
      await expect(decrypt(file.subarray(0, HEADER_BYTES + SEALED_BYTES + 1000), key)).rejects.toThrow(CORRUPT);
    });

    it("a file with only its header", async () => {
      await expect(decrypt(file.subarray(0, HEADER_BYTES), key)).rejects.toThrow("(segment 0)");
    });

    it("two segments swapped", async () => {
      const swapped = Buffer.concat([
        file.subarray(0, HEADER_BYTES),
        segmentAt(file, 1),
        segmentAt(file, 0),
        file.subarray(HEADER_BYTES + 2 * SEALED_BYTES),
      ]);
      expect(swapped.length).toBe(file.length);
      await expect(decrypt(swapped, key)).rejects.toThrow("package file is corrupt or was tampered with (segment 0)");
    });

    it("bytes appended after the last segment", async () => {
      await expect(decrypt(Buffer.concat([file, Buffer.from("extra")]), key)).rejects.toThrow(CORRUPT);
      const fullLast = await encrypt(randomBytes(2 * SEGMENT_BYTES), key);
      await expect(decrypt(Buffer.concat([fullLast, segmentAt(fullLast, 0)]), key)).rejects.toThrow(CORRUPT);
    });

    it("a file that is not a package", async () => {
      const other = Buffer.from(file);
      other.write("PK\u0003\u0004", 0, "latin1");
      await expect(decrypt(other, key)).rejects.toThrow("package file is corrupt or was tampered with (header)");
      await expect(decrypt(Buffer.from("DSAR"), key)).rejects.toThrow("(header)");
    });

    it("the wrong key", async () => {
      await expect(decrypt(file, createPackageKey())).rejects.toThrow("package file is corrupt or was tampered with (segment 0)");
    });

    it("releases only the segments that verified before the damaged one", async () => {
      const damaged = Buffer.from(file);
      damaged[HEADER_BYTES + 2 * SEALED_BYTES + 5] ^= 0x01;
      const emitted: Buffer[] = [];
      await expect(decrypt(damaged, key, emitted)).rejects.toThrow("(segment 2)");
      expect(Buffer.concat(emitted).equals(plaintext.subarray(0, 2 * SEGMENT_BYTES))).toBe(true);
    });
  });

  describe("the package key", () => {
    it("is wrapped by the master key and unwrapped back", () => {
      const key = createPackageKey();
      const wrapped = wrapPackageKey(key);
      expect(wrapped).not.toContain(key.toString("base64"));
      expect(wrapped).not.toContain(key.toString("base64url"));
      expect(unwrapPackageKey(wrapped).equals(key)).toBe(true);
    });

    it("cannot be unwrapped once tampered with", () => {
      const wrapped = wrapPackageKey(createPackageKey());
      const parts = wrapped.split(".");
      parts[3] = (parts[3][0] === "A" ? "B" : "A") + parts[3].slice(1);
      expect(() => unwrapPackageKey(parts.join("."))).toThrow();
    });

    it("must be 256 bits", () => {
      expect(() => wrapPackageKey(randomBytes(16))).toThrow("32 bytes");
      expect(() => createEncryptStream(randomBytes(31))).toThrow("32 bytes");
    });
  });
});
