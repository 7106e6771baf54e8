// Appends one event to the audit log, inside the caller's transaction. The event is written pending:
// its content only, no chain fields. It reads no predecessor and takes no lock, so concurrent business
// transactions never wait for each other here. The sequencer (seal-audit-events.ts) chains it after
// the transaction commits; a transaction that rolls back leaves nothing to chain.
import type { Tx } from "../db.ts";
import type { ActorType } from "../generated/prisma/enums.ts";

export type Actor = { type: ActorType; id?: string | null };

export type AuditEventInput = {
  requestId?: string | null;
  actor: Actor;
  action: string;
  /** Counts, ids, hashes, reasons: never a personal value. */
  data?: Record<string, unknown>;
  /** When it happened, if not now: the moment the caller itself records (a request's receivedAt). */
  at?: Date;
};

export async function appendAuditEvent(tx: Tx, input: AuditEventInput) {
  return tx.auditEvent.create({
    data: {
      requestId: input.requestId ?? null,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      action: input.action,
      // What the hash will cover is what the database keeps: plain JSON.
      data: JSON.parse(JSON.stringify(input.data ?? {})),
      // Milliseconds, as the column keeps them and the hash reads them back.
      at: input.at ?? new Date(),
    },
  });
}
