// Waits, a bounded time, until an event is sealed, sealing it itself: a round is run here rather than
// waiting for the sequencer's next poll, and when another round is at work it waits for that one.
// An event still pending at the end (the log is busy, or the sequencer's rounds keep failing) makes
// an error that names it, instead of an answer built on an unsealed log.
import { type Db, db } from "../db.ts";
import { AppError } from "../errors.ts";
import { sealAuditEvents } from "./seal-audit-events.ts";

export const AUDIT_SEAL_WAIT_MS = 10_000;

export async function awaitAuditSeal(eventId: bigint, options: { timeoutMs?: number; client?: Db } = {}) {
  const client = options.client ?? db();
  const deadline = Date.now() + (options.timeoutMs ?? AUDIT_SEAL_WAIT_MS);
  for (;;) {
    const event = await client.auditEvent.findUniqueOrThrow({ where: { id: eventId } });
    if (event.chainSeq !== null) return { ...event, chainSeq: event.chainSeq, hash: event.hash as string };
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new AppError("UNAVAILABLE", `The audit log has not sealed event ${eventId} yet; try again in a moment.`, {
        retryAfterSeconds: 2,
        details: { pendingEventIds: [eventId.toString()] },
      });
    }
    try {
      await sealAuditEvents({ client, waitMs: left });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "UNAVAILABLE")) throw error;
    }
  }
}
