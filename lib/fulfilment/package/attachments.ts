// Documents a system gave as files rather than records (a scan from a paper archive uploaded by
// staff): copied into the package as they are, under data/<system>/files/, with their fingerprint.
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDigestStream } from "./file-sink.ts";
import { SegmentNames } from "./package-paths.ts";

export type PackageAttachment = { name: string; open: () => Readable };

export type StagedAttachment = { name: string; zipPath: string; diskPath: string; sha256: string; bytes: number };

export async function writeAttachments(
  attachments: PackageAttachment[],
  folder: string,
  workDir: string,
  prefix: string,
): Promise<StagedAttachment[]> {
  const names = new SegmentNames();
  const staged: StagedAttachment[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const diskPath = join(workDir, `${prefix}-file-${index}`);
    const { stream, digest } = createDigestStream();
    await pipeline(attachment.open(), stream, createWriteStream(diskPath, { mode: 0o600 }));
    staged.push({ name: attachment.name, zipPath: `data/${folder}/files/${names.claim(attachment.name)}`, diskPath, ...digest() });
  }
  return staged;
}
