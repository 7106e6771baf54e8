// A temporary file written piece by piece, hashed as it is written, so the manifest's SHA-256 is
// known without reading the file again. Small pieces (one record each) are gathered into blocks:
// one disk write per record would cost more than the packaging itself.
import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";

const BLOCK_BYTES = 64 * 1024;

/** What the manifest says about one file. */
export type FileDigest = { sha256: string; bytes: number };

export class FileSink {
  private readonly file: WriteStream;
  private readonly hash: Hash = createHash("sha256");
  private pending: string[] = [];
  private pendingLength = 0;
  private bytes = 0;
  /** One block at a time is handed to the disk: the next one is gathered meanwhile, no more queue up. */
  private inFlight: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  constructor(readonly path: string) {
    // "wx": the temp dir is ours alone, so an existing file means a bug, not something to overwrite.
    this.file = createWriteStream(path, { flags: "wx" });
    // Kept, and thrown by the next write or close: an unheard "error" event would end the process.
    this.file.on("error", (error) => {
      this.failure ??= error;
    });
  }

  /** Resolves at once unless a block is due; awaiting it keeps memory flat when the disk is slower. */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    // String length, not bytes: close enough to size the blocks, and free to compute.
    this.pendingLength += text.length;
    if (this.pendingLength >= BLOCK_BYTES) await this.flush();
  }

  async close(): Promise<FileDigest> {
    await this.flush();
    await this.inFlight;
    this.throwIfFailed();
    this.file.end();
    await once(this.file, "close");
    this.throwIfFailed();
    return { sha256: this.hash.digest("hex"), bytes: this.bytes };
  }

  /** Used when the packaging failed: the temp dir is removed afterwards, only the handle must go. */
  destroy(): void {
    this.file.destroy();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const block = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(block);
    this.bytes += block.length;
    await this.inFlight;
    this.throwIfFailed();
    this.inFlight = new Promise((resolve) => {
      this.file.write(block, (error) => {
        if (error) this.failure ??= error;
        resolve();
      });
    });
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

/** A pass-through that hashes and counts what flows through it (the encrypted file as it is written). */
export function createDigestStream(): { stream: Transform; digest: () => FileDigest } {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, digest: () => ({ sha256: hash.digest("hex"), bytes }) };
}
