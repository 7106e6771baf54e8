// The loop that keeps the audit log sealed: every worker process runs one, and the sequencer lock
// (seal-audit-events.ts) lets one round at a time do the work, so several processes never fork the
// chain; when the process at work stops, the next poll of another one takes over.
//
// It polls rather than listening: a NOTIFY from the writers would serialise their commits again
// (PostgreSQL orders notifying commits under one lock), which is what sealing after commit removes.
// The poll is one index probe (`chainSeq IS NULL` on its unique index) every POLL_INTERVAL_MS.
import type { Db } from "../db.ts";
import { db } from "../db.ts";
import { loggableError, logger } from "../logger.ts";
import { sealAuditEvents } from "./seal-audit-events.ts";

/** Committed events wait at most about this long before their round starts. */
export const AUDIT_SEAL_POLL_INTERVAL_MS = 100;
const RETRY_AFTER_ERROR_MS = 2_000;

export type AuditSequencer = {
  /** Rounds run so far (tests and the benchmark read it). */
  stats: { rounds: number; sealed: number; busy: number };
  stop(): Promise<void>;
};

export function startAuditSequencer(options: { client?: Db; intervalMs?: number } = {}): AuditSequencer {
  const client = () => options.client ?? db();
  const intervalMs = options.intervalMs ?? AUDIT_SEAL_POLL_INTERVAL_MS;
  const stats = { rounds: 0, sealed: 0, busy: 0 };
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function hasPending(): Promise<boolean> {
    const rows = await client().$queryRaw<unknown[]>`SELECT 1 FROM audit_events WHERE "chainSeq" IS NULL LIMIT 1`;
    return rows.length > 0;
  }

  const loop = (async () => {
    // The first round runs whatever the probe says: it also seals events chained before sequencing existed.
    let probe = false;
    while (!stopping) {
      try {
        if (probe && !(await hasPending())) {
          await sleep(intervalMs);
          continue;
        }
        const round = await sealAuditEvents({ client: options.client });
        stats.rounds++;
        stats.sealed += round.sealed;
        if (round.busy) stats.busy++;
        probe = true;
        if (!round.full) await sleep(intervalMs);
      } catch (error) {
        if (stopping) break;
        logger.warn({ err: loggableError(error) }, "audit sequencer round failed; retrying");
        await sleep(RETRY_AFTER_ERROR_MS);
      }
    }
  })();

  return {
    stats,
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
