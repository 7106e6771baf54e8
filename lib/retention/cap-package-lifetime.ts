// Brings a package's expiry forward to "ready + packageDays" when its link (fixed at build time
// from DOWNLOAD_TTL_DAYS) would outlive the retention setting. purge-expired-packages then deletes
// it on its usual terms, so a package is kept for the shorter of the two.
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";

export async function capPackageLifetime(packageDays: number): Promise<{ shortened: number }> {
  return db().$transaction(async (tx: Tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; requestId: string; expiresAt: Date; cappedAt: Date }>>`
      SELECT id::text, "requestId"::text AS "requestId", "expiresAt", "createdAt" + make_interval(days => ${packageDays}::int) AS "cappedAt"
      FROM export_artifacts
      WHERE "deletedAt" IS NULL AND "expiresAt" > "createdAt" + make_interval(days => ${packageDays}::int)
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED`;
    for (const row of rows) {
      await tx.exportArtifact.update({ where: { id: row.id }, data: { expiresAt: row.cappedAt } });
      await appendAuditEvent(tx, {
        requestId: row.requestId,
        actor: { type: "SYSTEM" },
        action: "package.expiry-shortened",
        data: { artifactId: row.id, previousExpiresAt: row.expiresAt.toISOString(), expiresAt: row.cappedAt.toISOString(), packageDays },
      });
    }
    return { shortened: rows.length };
  });
}
