// The person downloads their package: the link's token is checked (stored hashed), the count and
// the expiry enforced, every download recorded, and the file decrypted as it streams out.
import type { Readable } from "node:stream";
import { keyedHash } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { localDayOf } from "../deadlines/calendar.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { unwrapPackageKey } from "./package/encrypted-file.ts";
import { openPackage } from "./package/open-package.ts";

async function findArtifact(token: string) {
  const artifact = await db().exportArtifact.findUnique({
    where: { downloadTokenHash: keyedHash("download-token", token) },
    include: { request: { select: { reference: true, locale: true, type: true, country: true, region: true } } },
  });
  if (!artifact) throw new AppError("NOT_FOUND", "This download link is not valid. Check that you used the whole link from the email.");
  return artifact;
}

/** What the download page shows before the person presses the button. */
export async function getDownloadInfo(token: string, now = new Date()) {
  const artifact = await findArtifact(token);
  return {
    reference: artifact.request.reference,
    type: artifact.request.type,
    /** Where the person lives: the order of the dates shown to them. */
    country: artifact.request.country,
    region: artifact.request.region,
    expiresAt: artifact.expiresAt.toISOString(),
    /** The day it expires on the controller's calendar, as the package email says it. */
    expiresOn: localDayOf(artifact.expiresAt, env().CONTROLLER_TIME_ZONE),
    downloadsLeft: Math.max(0, artifact.maxDownloads - artifact.downloadCount),
    sizeBytes: Number(artifact.sizeBytes),
    available: !artifact.deletedAt && artifact.expiresAt > now && artifact.downloadCount < artifact.maxDownloads,
    expired: Boolean(artifact.deletedAt) || artifact.expiresAt <= now,
  };
}

export async function openDownload(
  token: string,
  clientAddress: string,
  now = new Date(),
): Promise<{ stream: Readable; filename: string }> {
  return openCountedDownload(await findArtifact(token), clientAddress, now);
}

type Artifact = Awaited<ReturnType<typeof findArtifact>>;

/** Counts one download of a package (refused past the limit or the expiry), records it, and opens it. */
export async function openCountedDownload(
  artifact: Pick<Artifact, "id" | "requestId" | "deletedAt" | "wrappedKey" | "expiresAt" | "maxDownloads" | "storagePath"> & {
    request: { reference: string };
  },
  clientAddress: string,
  now = new Date(),
): Promise<{ stream: Readable; filename: string }> {
  const { wrappedKey } = artifact;
  if (artifact.deletedAt || !wrappedKey || artifact.expiresAt <= now) {
    throw new AppError("GONE", "This download has expired and the file was deleted. You can make a new request at any time.");
  }
  await db().$transaction(async (tx: Tx) => {
    // Counted atomically: two downloads at once cannot both take the last one. The count recorded is the
    // one this increment produced (RETURNING), not the one read before it, which another download may
    // have changed in between.
    const [counted] = await tx.$queryRaw<{ downloadCount: number }[]>`
      UPDATE export_artifacts SET "downloadCount" = "downloadCount" + 1
      WHERE id = ${artifact.id}::uuid AND "downloadCount" < "maxDownloads" AND "deletedAt" IS NULL
      RETURNING "downloadCount"`;
    if (!counted)
      throw new AppError("GONE", "This file was already downloaded the most times allowed. You can make a new request at any time.");
    await tx.artifactDownload.create({
      data: { artifactId: artifact.id, at: now, clientHash: keyedHash("download-client", clientAddress) },
    });
    await appendAuditEvent(tx, {
      requestId: artifact.requestId,
      actor: { type: "SUBJECT" },
      action: "package.downloaded",
      data: { artifactId: artifact.id, download: counted.downloadCount, of: artifact.maxDownloads },
    });
  });
  return {
    stream: openPackage(artifact.storagePath, unwrapPackageKey(wrappedKey)),
    filename: `${artifact.request.reference}.zip`,
  };
}
