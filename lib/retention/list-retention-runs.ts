// The last runs of the retention purge, from their audit events, newest first.
import { db } from "../db.ts";
import { RETENTION_RUN_ACTION, type RetentionRun, retentionRunSchema } from "./run-retention-purge.ts";

export type ListedRetentionRun = { at: Date; totals: RetentionRun | null };

export async function listRetentionRuns(limit = 10): Promise<ListedRetentionRun[]> {
  const events = await db().auditEvent.findMany({
    where: { action: RETENTION_RUN_ACTION, requestId: null },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { at: true, data: true },
  });
  // A run written by an older version may lack a field: listed with its date, totals unknown.
  return events.map((event) => ({ at: event.at, totals: retentionRunSchema.safeParse(event.data).data ?? null }));
}
