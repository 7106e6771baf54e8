// The files of one package while its records are read: each is hashed (SHA-256 for the manifest,
// CRC-32 for the ZIP) as it is written, and deflated once. A small package (the usual one: a few
// kilobytes) stays in memory and is deflated at the end; once the package's text passes
// `memoryBytes`, every file moves to a temporary folder beside the output and is deflated as it is
// written, on zlib's thread pool while the records go on being read: memory then stays flat
// whatever the number of records (build-package.memory.test.ts).
import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { crc32, createDeflateRaw, type DeflateRaw, deflateRawSync, type ZlibOptions } from "node:zlib";
import { DEFLATE_LEVEL, type DeflatedEntry } from "./zip-writer.ts";

/** Text gathered before it is hashed and deflated: one call per record would cost more than the work. */
const BLOCK_CHARS = 64 * 1024;
/** What may wait for the deflater per file: enough to keep it busy while records are read. */
const DEFLATE_QUEUE_BYTES = 128 * 1024;
/** zlib hands back output in pieces of this size: one thread-pool round trip per piece. */
const DEFLATE_CHUNK_BYTES = 64 * 1024;

export type FinishedFile = { sha256: string; bytes: number; crc32: number; compressedSize: number; open: () => DeflatedEntry["deflated"] };

type OnDisk = { path: string; deflate: DeflateRaw; file: WriteStream; done: Promise<void> };

export class PackageStore {
  private readonly files: PackageFile[] = [];
  private charsLeft: number;
  private workDir: string | undefined;
  private spilling: Promise<void> | undefined;

  constructor(
    private readonly outputPath: string,
    memoryBytes: number,
  ) {
    this.charsLeft = memoryBytes;
  }

  /** A new file; `name` only tells the temp files apart (never taken from the data). */
  file(name: string): PackageFile {
    const file = new PackageFile(this, name);
    this.files.push(file);
    if (this.workDir) void file.moveToDisk(join(this.workDir, name));
    return file;
  }

  get onDisk(): boolean {
    return this.workDir !== undefined;
  }

  /** Counts text kept in memory; past the budget, the package moves to disk. */
  async kept(chars: number): Promise<void> {
    this.charsLeft -= chars;
    if (this.charsLeft < 0 && !this.workDir) await this.toDisk();
  }

  /** The temporary folder (created, and the package moved to disk, on first use). */
  async folder(): Promise<string> {
    if (!this.workDir) await this.toDisk();
    return this.workDir as string;
  }

  private async toDisk(): Promise<void> {
    this.spilling ??= (async () => {
      // Next to the output, so the final rename stays on one file system. A hard crash can leave
      // this hidden folder behind, never a half-written file under the package's own name.
      const dir = await mkdtemp(join(dirname(this.outputPath), `.${basename(this.outputPath)}.tmp-`));
      this.workDir = dir;
      for (const file of this.files) await file.moveToDisk(join(dir, file.name));
    })();
    await this.spilling;
  }

  /** Closes every open file and removes the temporary folder. */
  async remove(): Promise<void> {
    for (const file of this.files) file.destroy();
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
  }
}

export class PackageFile {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly hash: Hash = createHash("sha256");
  private crc = 0;
  private bytes = 0;
  private disk: OnDisk | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly store: PackageStore,
    readonly name: string,
  ) {}

  /** Resolves at once unless a block is due; awaiting it keeps memory flat when deflating is slower. */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (!this.disk) return this.store.kept(text.length);
    if (this.pendingChars >= BLOCK_CHARS) await this.flush();
  }

  /** From memory to a deflated file at `path`: what was kept is written first. */
  async moveToDisk(path: string): Promise<void> {
    // zlib hands its options to the stream: the queue may hold more than the default 16 KiB.
    const deflate = createDeflateRaw({
      level: DEFLATE_LEVEL,
      chunkSize: DEFLATE_CHUNK_BYTES,
      writableHighWaterMark: DEFLATE_QUEUE_BYTES,
    } as ZlibOptions);
    // "wx": the temp folder is ours alone, so an existing file means a bug, not something to overwrite.
    const file = createWriteStream(path, { flags: "wx", mode: 0o600 });
    const done = pipeline(deflate, file);
    // Kept, and thrown by the next write or finish: an unheard rejection would end the process.
    done.catch((error: Error) => {
      this.failure ??= error;
    });
    this.disk = { path, deflate, file, done };
    await this.flush();
  }

  async finish(): Promise<FinishedFile> {
    if (!this.disk) {
      const block = this.take();
      const deflated = deflateRawSync(block, { level: DEFLATE_LEVEL });
      return { ...this.digest(), compressedSize: deflated.length, open: () => deflated };
    }
    await this.flush();
    const { deflate, file, done, path } = this.disk;
    deflate.end();
    await done;
    this.throwIfFailed();
    const compressedSize = file.bytesWritten;
    return { ...this.digest(), compressedSize, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
  }

  /** Used when the packaging failed: the temp folder is removed afterwards, only the handles must go. */
  destroy(): void {
    this.disk?.deflate.destroy();
    this.disk?.file.destroy();
  }

  private digest() {
    return { sha256: this.hash.digest("hex"), bytes: this.bytes, crc32: this.crc };
  }

  private take(): Buffer {
    const block = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingChars = 0;
    this.hash.update(block);
    this.crc = crc32(block, this.crc);
    this.bytes += block.length;
    return block;
  }

  private async flush(): Promise<void> {
    this.throwIfFailed();
    if (this.pending.length === 0 || !this.disk) return;
    const { deflate } = this.disk;
    if (!deflate.write(this.take())) {
      await Promise.race([once(deflate, "drain"), this.disk.done]);
      this.throwIfFailed();
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
