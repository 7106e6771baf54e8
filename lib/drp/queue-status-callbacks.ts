// The sweep behind status callbacks: any DRP request whose portal request changed since its last
// callback (a staff decision, fulfilment, an expiry, an extension) gets a callback job. The job
// sends only when what the agent sees changed (send-status-callback.ts).
import { db } from "../db.ts";
import { enqueue } from "../queue/enqueue.ts";

const BATCH = 500;

export async function queueStatusCallbacks(): Promise<number> {
  const rows = await db().$queryRaw<Array<{ id: string; updatedAt: Date }>>`
    SELECT d.id, r."updatedAt" FROM drp_requests d JOIN requests r ON r.id = d."requestId"
    WHERE d."statusCallback" IS NOT NULL AND (d."notifiedAt" IS NULL OR r."updatedAt" > d."notifiedAt")
    ORDER BY r."updatedAt" LIMIT ${BATCH}`;
  for (const row of rows) {
    await enqueue("drp.status-callback", { drpRequestId: row.id }, { jobId: `drp-callback-${row.id}-${row.updatedAt.getTime()}` });
  }
  return rows.length;
}
