// Writes a new version of the data map inside the transaction that changed it, when the map now
// differs from the latest version. Versions are numbered under a transaction-scoped advisory lock:
// a second change waits for the first to commit, then snapshots with it, so numbers are consecutive
// and each snapshot contains every change committed before it. The audit event names the version
// and its hash, never what the map says.
import type { Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { snapshotDataMap, snapshotHash } from "./data-map-snapshot.ts";

const DATA_MAP_VERSION_LOCK = "data-map-version";

/** The new version's number, or null when the map is the same as the latest version's. */
export async function recordDataMapVersion(tx: Tx, actor: Actor): Promise<number | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${DATA_MAP_VERSION_LOCK}, 0))`;
  const snapshot = await snapshotDataMap(tx);
  const sha256 = snapshotHash(snapshot);
  const latest = await tx.dataMapVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, sha256: true } });
  if (latest?.sha256 === sha256) return null;
  const number = (latest?.number ?? 0) + 1;
  await tx.dataMapVersion.create({
    data: { number, actorType: actor.type, actorId: actor.id ?? null, snapshot: snapshot as Prisma.InputJsonObject, sha256 },
  });
  await appendAuditEvent(tx, { actor, action: "data-map.version-recorded", data: { version: number, sha256 } });
  return number;
}
