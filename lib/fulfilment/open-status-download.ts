// The person downloads their package from their status page: the status link opens the submission,
// the reference names one of its requests, and its latest package is counted and opened exactly as
// from the emailed download link (same limit, same expiry, same record of each download).
import type { Readable } from "node:stream";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { submissionOfStatusToken } from "../requests/status-links.ts";
import { openCountedDownload } from "./open-download.ts";

export async function openStatusDownload(
  statusToken: string,
  reference: string,
  clientAddress: string,
  now = new Date(),
): Promise<{ stream: Readable; filename: string }> {
  const submissionId = await submissionOfStatusToken(statusToken);
  const artifact = await db().exportArtifact.findFirst({
    where: { request: { submissionId, reference } },
    orderBy: { createdAt: "desc" },
    include: { request: { select: { reference: true } } },
  });
  if (!artifact) throw new AppError("NOT_FOUND", "This request has no package to download.");
  return openCountedDownload(artifact, clientAddress, now);
}
