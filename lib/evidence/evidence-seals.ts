// seals.json of a bundle: the batch seals that hold the request's events up to its download, each with
// the hashes of all its events (other requests' events appear as hashes only), so the verifier can
// recompute every seal, find each event at its position, and follow the global chain around it.
import { db } from "../db.ts";
import type { AuditSeal } from "../generated/prisma/client.ts";
import { hashedSealFieldsOfRow } from "./audit-hash.ts";
import { type BundleSeal, sealsJsonHead, sealsJsonSeal, TIMELINE_JSON_TAIL } from "./evidence-bundle-format.ts";

type SealBounds = { requestId: string; reference: string; lastSeq: bigint };

const SEAL_PAGE = 200;

export async function* sealsJsonChunks(bounds: SealBounds) {
  yield sealsJsonHead(bounds);
  let afterSeal = 0n;
  let first = true;
  for (;;) {
    // The seal of each event is the first whose lastSeq reaches it (the lastSeq unique index).
    const seals = await db().$queryRaw<AuditSeal[]>`
      SELECT DISTINCT s.* FROM audit_events e
      CROSS JOIN LATERAL (
        SELECT * FROM audit_seals WHERE "lastSeq" >= e."chainSeq" ORDER BY "lastSeq" LIMIT 1
      ) s
      WHERE e."requestId" = ${bounds.requestId}::uuid AND e."chainSeq" <= ${bounds.lastSeq} AND s.id > ${afterSeal}
      ORDER BY s.id LIMIT ${SEAL_PAGE}`;
    for (const seal of seals) {
      const events = await db().auditEvent.findMany({
        where: { chainSeq: { gte: seal.firstSeq, lte: seal.lastSeq } },
        orderBy: { chainSeq: "asc" },
        select: { hash: true },
      });
      const entry: BundleSeal = {
        ...hashedSealFieldsOfRow(seal),
        hash: seal.hash,
        eventHashes: events.map((event) => event.hash as string),
      };
      yield sealsJsonSeal(entry, first);
      first = false;
    }
    if (seals.length < SEAL_PAGE) break;
    afterSeal = seals[seals.length - 1].id;
  }
  yield TIMELINE_JSON_TAIL;
}
