// A ZIP archive written as a stream of chunks, entry after entry: no archive is whole in memory.
// Entries come deflated already (the package's JSON and CSV were compressed while the records
// were read, on zlib's thread pool), as bytes to deflate now (index.html, the manifest), or as a
// stream deflated on the way (an attachment). CRC-32 is zlib's own (native). ZIP64 records are
// written where a size, an offset or the number of entries outgrows the classic fields.
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/** Deflate level of every entry: zip's default (-6), the speed/size balance a person expects. */
export const DEFLATE_LEVEL = 6;
const LIMIT_32 = 0xffffffff;
const LIMIT_16 = 0xffff;
/** Streamed entries larger than this get ZIP64 sizes from the start (deflate may grow data a little). */
const ZIP64_STREAM_THRESHOLD = 0xf0000000;

/** An entry whose data is already raw-deflated, with the CRC-32 and size of the data it inflates to. */
export type DeflatedEntry = {
  zipPath: string;
  crc32: number;
  size: number;
  compressedSize: number;
  deflated: AsyncIterable<Buffer> | Buffer;
};

/** Bytes to deflate now, or a stream of them (size, when known, is checked). */
export type PlainEntry = { zipPath: string; content: Buffer } | { zipPath: string; chunks: AsyncIterable<Buffer>; size?: number };

type Written = {
  zipPath: Buffer;
  crc32: number;
  size: number;
  compressedSize: number;
  offset: number;
  zip64: boolean;
  descriptor: boolean;
};

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly time: number;
  private readonly date: number;

  /** `push` hands a chunk on (and may wait for the consumer: backpressure). */
  constructor(
    private readonly push: (chunk: Buffer) => Promise<void> | void,
    mtime: Date,
  ) {
    // DOS date and time, local time as zip writes them.
    this.time = (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | Math.floor(mtime.getSeconds() / 2);
    this.date = (Math.max(0, mtime.getFullYear() - 1980) << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate();
  }

  async addDeflated(entry: DeflatedEntry): Promise<void> {
    const name = Buffer.from(entry.zipPath, "utf8");
    const zip64 = entry.size >= LIMIT_32 || entry.compressedSize >= LIMIT_32;
    const record: Written = { ...entry, zipPath: name, offset: this.offset, zip64, descriptor: false };
    await this.emit(this.localHeader(record));
    let bytes = 0;
    if (Buffer.isBuffer(entry.deflated)) {
      bytes = entry.deflated.length;
      await this.emit(entry.deflated);
    } else {
      for await (const chunk of entry.deflated) {
        bytes += chunk.length;
        await this.emit(chunk);
      }
    }
    if (bytes !== entry.compressedSize) throw new Error(`${entry.zipPath}: file data stream has unexpected number of bytes`);
    this.written.push(record);
  }

  async add(entry: PlainEntry): Promise<void> {
    if ("content" in entry) {
      const deflated = deflateRawSync(entry.content, { level: DEFLATE_LEVEL });
      return this.addDeflated({
        zipPath: entry.zipPath,
        crc32: crc32(entry.content),
        size: entry.content.length,
        compressedSize: deflated.length,
        deflated,
      });
    }
    const name = Buffer.from(entry.zipPath, "utf8");
    const zip64 = (entry.size ?? 0) >= ZIP64_STREAM_THRESHOLD;
    const record: Written = { zipPath: name, crc32: 0, size: 0, compressedSize: 0, offset: this.offset, zip64, descriptor: true };
    await this.emit(this.localHeader(record));
    const deflate = createDeflateRaw({ level: DEFLATE_LEVEL });
    const feeding = (async () => {
      try {
        for await (const chunk of entry.chunks) {
          record.crc32 = crc32(chunk, record.crc32);
          record.size += chunk.length;
          if (!deflate.write(chunk)) await new Promise<void>((resolve) => deflate.once("drain", resolve));
        }
        deflate.end();
      } catch (error) {
        deflate.destroy(error as Error);
      }
    })();
    try {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        record.compressedSize += chunk.length;
        await this.emit(chunk);
      }
    } finally {
      deflate.destroy();
      await feeding;
    }
    if (entry.size !== undefined && entry.size !== record.size) {
      throw new Error(`${entry.zipPath}: file data stream has unexpected number of bytes`);
    }
    if (!zip64 && (record.size >= LIMIT_32 || record.compressedSize >= LIMIT_32)) {
      throw new Error(`${entry.zipPath}: an entry of unknown size outgrew 4 GB`);
    }
    const descriptor = Buffer.alloc(zip64 ? 24 : 16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(record.crc32, 4);
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(record.compressedSize), 8);
      descriptor.writeBigUInt64LE(BigInt(record.size), 16);
    } else {
      descriptor.writeUInt32LE(record.compressedSize, 8);
      descriptor.writeUInt32LE(record.size, 12);
    }
    await this.emit(descriptor);
    this.written.push(record);
  }

  /** The central directory and its end records. */
  async end(): Promise<void> {
    const start = this.offset;
    for (const record of this.written) await this.emit(this.centralHeader(record));
    const size = this.offset - start;
    const count = this.written.length;
    const zip64 = count >= LIMIT_16 || size >= LIMIT_32 || start >= LIMIT_32;
    if (zip64) {
      const endOffset = this.offset;
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(0x06064b50, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(45, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(size), 40);
      end64.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(endOffset), 8);
      locator.writeUInt32LE(1, 16);
      await this.emit(Buffer.concat([end64, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, LIMIT_16), 8);
    end.writeUInt16LE(Math.min(count, LIMIT_16), 10);
    end.writeUInt32LE(Math.min(size, LIMIT_32), 12);
    end.writeUInt32LE(Math.min(start, LIMIT_32), 16);
    await this.emit(end);
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    await this.push(chunk);
  }

  private localHeader(record: Written): Buffer {
    const extra = record.zip64 ? zip64Extra([BigInt(record.size), BigInt(record.compressedSize)]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    this.writeCommonFields(header, 4, record, extra);
    return Buffer.concat([header, record.zipPath, extra]);
  }

  private centralHeader(record: Written): Buffer {
    const fields: bigint[] = [];
    if (record.zip64) fields.push(BigInt(record.size), BigInt(record.compressedSize));
    if (record.offset >= LIMIT_32) fields.push(BigInt(record.offset));
    const extra = zip64Extra(fields);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | 63, 4); // made on Unix, spec 6.3
    this.writeCommonFields(header, 6, record, extra);
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    header.writeUInt32LE(Math.min(record.offset, LIMIT_32), 42);
    return Buffer.concat([header, record.zipPath, extra]);
  }

  /** From "version needed" to "extra field length": the same in a local and a central header. */
  private writeCommonFields(header: Buffer, at: number, record: Written, extra: Buffer): void {
    header.writeUInt16LE(record.zip64 || record.offset >= LIMIT_32 ? 45 : 20, at);
    // Bit 11: names are UTF-8. Bit 3: CRC and sizes follow the data (a streamed entry).
    header.writeUInt16LE(0x0800 | (record.descriptor ? 0x0008 : 0), at + 2);
    header.writeUInt16LE(8, at + 4); // deflate
    header.writeUInt16LE(this.time, at + 6);
    header.writeUInt16LE(this.date, at + 8);
    header.writeUInt32LE(record.crc32, at + 10);
    header.writeUInt32LE(record.zip64 ? LIMIT_32 : record.compressedSize, at + 14);
    header.writeUInt32LE(record.zip64 ? LIMIT_32 : record.size, at + 18);
    header.writeUInt16LE(record.zipPath.length, at + 22);
    header.writeUInt16LE(extra.length, at + 24);
  }
}

/** The ZIP64 extended information field holding `values` (none: no field). */
function zip64Extra(values: bigint[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  for (const [index, value] of values.entries()) extra.writeBigUInt64LE(value, 4 + 8 * index);
  return extra;
}
