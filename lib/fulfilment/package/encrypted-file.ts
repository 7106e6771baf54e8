// Encryption at rest of a person's data package. Each package has its own data key, wrapped by the
// master key, so destroying the wrapped key is enough to make a package unreadable (crypto-shredding).
// The file is sealed in segments (the STREAM construction): a segment's index and whether it is the
// last one are authenticated with it, so a flipped byte, reordered or swapped segments, a truncated file
// or appended bytes are all detected, and nothing is released before its own tag verified.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { decryptString, encryptString } from "../../crypto.ts";

const MAGIC = Buffer.from("DSARPKG1", "ascii");
const NONCE_PREFIX_BYTES = 8;
const HEADER_BYTES = MAGIC.length + NONCE_PREFIX_BYTES;
/** Plaintext bytes per segment: large enough that the 16-byte tags cost nothing, small enough to hold in memory. */
export const SEGMENT_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_SEGMENT_BYTES = SEGMENT_BYTES + TAG_BYTES;
/** The counter is 4 bytes: past this a nonce would repeat (256 TiB, far beyond any package). */
const MAX_SEGMENTS = 2 ** 32;
const KEY_BYTES = 32;
const WRAP_PURPOSE = "package-key";

/** Raised for any file this key cannot open intact; a wrong key and tampering look the same, on purpose. */
export class PackageCorruptError extends Error {
  constructor(where: string) {
    super(`package file is corrupt or was tampered with (${where})`);
    this.name = "PackageCorruptError";
  }
}

/** A fresh random 256-bit data key for one package. */
export function createPackageKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** The data key encrypted under the master key, to store beside the package's row. */
export function wrapPackageKey(key: Buffer): string {
  assertKey(key);
  return encryptString(key.toString("base64"), WRAP_PURPOSE);
}

export function unwrapPackageKey(wrapped: string): Buffer {
  const key = Buffer.from(decryptString(wrapped, WRAP_PURPOSE), "base64");
  assertKey(key);
  return key;
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`A package key is ${KEY_BYTES} bytes, not ${key.length}`);
}

function segmentNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(NONCE_PREFIX_BYTES + 4);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  return nonce;
}

/** The index is also in the nonce; authenticating it with the last flag is what makes truncation visible. */
function segmentAad(index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(5);
  aad.writeUInt32BE(index, 0);
  aad[4] = last ? 1 : 0;
  return aad;
}

/** The same bytes createEncryptStream makes, for plaintext already whole in memory (a small package). */
export function encryptBuffer(key: Buffer, plaintext: Buffer): Buffer {
  assertKey(key);
  const prefix = randomBytes(NONCE_PREFIX_BYTES);
  const segments = Math.max(1, Math.ceil(plaintext.length / SEGMENT_BYTES));
  if (segments > MAX_SEGMENTS) throw new Error("package too large for one encrypted file");
  const parts: Buffer[] = [MAGIC, prefix];
  for (let index = 0; index < segments; index += 1) {
    const cipher = createCipheriv("aes-256-gcm", key, segmentNonce(prefix, index), { authTagLength: TAG_BYTES });
    cipher.setAAD(segmentAad(index, index === segments - 1));
    parts.push(cipher.update(plaintext.subarray(index * SEGMENT_BYTES, (index + 1) * SEGMENT_BYTES)));
    cipher.final();
    parts.push(cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

/** Plaintext in, `DSARPKG1 ‖ prefix ‖ (ciphertext ‖ tag)*` out; holds at most one segment. */
export function createEncryptStream(key: Buffer): Transform {
  assertKey(key);
  const prefix = randomBytes(NONCE_PREFIX_BYTES);
  const segment = Buffer.allocUnsafe(SEGMENT_BYTES);
  let filled = 0;
  let index = 0;

  function seal(stream: Transform, plaintext: Buffer, last: boolean): void {
    if (index >= MAX_SEGMENTS) throw new Error("package too large for one encrypted file");
    const cipher = createCipheriv("aes-256-gcm", key, segmentNonce(prefix, index), { authTagLength: TAG_BYTES });
    cipher.setAAD(segmentAad(index, last));
    // update() returns a new buffer, so the segment buffer can be refilled at once.
    stream.push(cipher.update(plaintext));
    cipher.final();
    stream.push(cipher.getAuthTag());
    index += 1;
  }

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        let offset = 0;
        while (offset < chunk.length) {
          // A full segment is sealed only once more bytes arrive: the last one must carry the last flag.
          if (filled === SEGMENT_BYTES) {
            seal(this, segment, false);
            filled = 0;
          }
          const copied = chunk.copy(segment, filled, offset);
          filled += copied;
          offset += copied;
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        // Always one last segment, even empty: an empty package still proves it was not cut short.
        seal(this, segment.subarray(0, filled), true);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  stream.push(Buffer.concat([MAGIC, prefix]));
  return stream;
}

/** The inverse of createEncryptStream: emits a segment's plaintext only after its tag verified. */
export function createDecryptStream(key: Buffer): Transform {
  assertKey(key);
  const header = Buffer.alloc(HEADER_BYTES);
  let headerFilled = 0;
  let prefix: Buffer | undefined;
  const sealed = Buffer.allocUnsafe(SEALED_SEGMENT_BYTES);
  let filled = 0;
  let index = 0;

  function open(stream: Transform, segment: Buffer, last: boolean): void {
    if (!prefix || segment.length < TAG_BYTES || index >= MAX_SEGMENTS) throw new PackageCorruptError(`segment ${index}`);
    const decipher = createDecipheriv("aes-256-gcm", key, segmentNonce(prefix, index), { authTagLength: TAG_BYTES });
    decipher.setAAD(segmentAad(index, last));
    decipher.setAuthTag(segment.subarray(segment.length - TAG_BYTES));
    const plaintext = decipher.update(segment.subarray(0, segment.length - TAG_BYTES));
    try {
      decipher.final();
    } catch {
      throw new PackageCorruptError(`segment ${index}`);
    }
    if (plaintext.length > 0) stream.push(plaintext);
    index += 1;
  }

  function readHeader(chunk: Buffer, offset: number): number {
    const copied = chunk.copy(header, headerFilled, offset, offset + HEADER_BYTES - headerFilled);
    headerFilled += copied;
    if (headerFilled === HEADER_BYTES) {
      if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new PackageCorruptError("header");
      prefix = Buffer.from(header.subarray(MAGIC.length));
    }
    return copied;
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        let offset = 0;
        while (offset < chunk.length) {
          if (!prefix) {
            offset += readHeader(chunk, offset);
            continue;
          }
          // More bytes follow a full segment, so it cannot be the last: if it was sealed as last
          // (bytes appended after the end), its tag fails here.
          if (filled === SEALED_SEGMENT_BYTES) {
            open(this, sealed, false);
            filled = 0;
          }
          const copied = chunk.copy(sealed, filled, offset);
          filled += copied;
          offset += copied;
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!prefix) throw new PackageCorruptError("header");
        // Whatever remains is opened as the last segment: if the real last one was cut off, the
        // remaining one was sealed as "not last" and fails.
        open(this, sealed.subarray(0, filled), true);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
