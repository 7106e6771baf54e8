// Appends one event to the hash-chained audit log, inside the caller's transaction.
import type { Tx } from "../db.ts";
import type { ActorType } from "../generated/prisma/enums.ts";
import { auditEventHash, GENESIS_HASH } from "./audit-hash.ts";

export type Actor = { type: ActorType; id?: string | null };

export type AuditEventInput = {
  requestId?: string | null;
  actor: Actor;
  action: string;
  /** Counts, ids, hashes, reasons: never a personal value. */
  data?: Record<string, unknown>;
};

// Any fixed 64-bit number; the lock only orders writers of the one global chain.
const AUDIT_CHAIN_LOCK = 7_426_193_011;

export async function appendAuditEvent(tx: Tx, input: AuditEventInput) {
  // Chained writers are serialised until their transaction ends, so two events never claim the
  // same predecessor. Held for the rest of the transaction: keep transactions short.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const previousOfRequest = input.requestId
    ? await tx.auditEvent.findFirst({
        where: { requestId: input.requestId },
        orderBy: { id: "desc" },
        select: { hash: true },
      })
    : null;
  const at = new Date();
  const fields = {
    requestId: input.requestId ?? null,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: input.action,
    data: JSON.parse(JSON.stringify(input.data ?? {})),
    at: at.toISOString(),
    prevHash: previous?.hash ?? GENESIS_HASH,
    requestPrevHash: input.requestId ? (previousOfRequest?.hash ?? GENESIS_HASH) : null,
  };
  return tx.auditEvent.create({
    data: {
      requestId: fields.requestId,
      actorType: input.actor.type,
      actorId: fields.actorId,
      action: fields.action,
      data: fields.data,
      at,
      prevHash: fields.prevHash,
      requestPrevHash: fields.requestPrevHash,
      hash: auditEventHash(fields),
    },
  });
}
