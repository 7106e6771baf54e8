// Download packages are deleted once their link has expired or its downloads are used up: the
// file is removed and its key destroyed, so a copy of the file left anywhere stays unreadable.
import { rm } from "node:fs/promises";
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";

export async function purgeExpiredPackages(now = new Date()): Promise<{ deleted: number }> {
  const candidates = await db().$queryRaw<Array<{ id: string }>>`
    SELECT id FROM export_artifacts
    WHERE "deletedAt" IS NULL AND ("expiresAt" <= ${now} OR "downloadCount" >= "maxDownloads")
    ORDER BY "expiresAt" LIMIT 500`;
  let deleted = 0;
  for (const { id } of candidates) {
    const artifact = await db().$transaction(async (tx: Tx) => {
      const row = await tx.exportArtifact.findUnique({ where: { id } });
      if (!row || row.deletedAt) return null;
      await tx.exportArtifact.update({ where: { id }, data: { deletedAt: now, wrappedKey: null } });
      await appendAuditEvent(tx, {
        requestId: row.requestId,
        actor: { type: "SYSTEM" },
        action: "package.deleted",
        data: { artifactId: id, reason: row.expiresAt <= now ? "expired" : "downloads used up", downloads: row.downloadCount },
      });
      return row;
    });
    if (!artifact) continue;
    await rm(artifact.storagePath, { force: true });
    deleted++;
  }
  return { deleted };
}
