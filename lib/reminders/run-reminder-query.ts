// Runs one reminder statement (reminder-queries.ts) and hands its outbox rows to the delivery
// queue once it has committed. If the enqueue is lost, the redelivery sweep finds the pending rows.
import { db } from "../db.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { REMINDER_TRANSACTION_SETUP, type SqlQuery } from "./reminder-queries.ts";

// Concurrent adds share the connection's pipeline: a few round trips per batch, not one per email.
const ENQUEUE_BATCH = 200;

export async function runReminderQuery(query: SqlQuery): Promise<{ notices: number; emails: number }> {
  const [, rows] = await db().$transaction([
    db().$executeRawUnsafe(REMINDER_TRANSACTION_SETUP),
    db().$queryRawUnsafe<Array<{ notices: number; emailIds: string[] }>>(query.text, ...query.values),
  ]);
  const [row] = rows;
  const emailIds = row?.emailIds ?? [];
  for (let start = 0; start < emailIds.length; start += ENQUEUE_BATCH) {
    const batch = emailIds.slice(start, start + ENQUEUE_BATCH);
    await Promise.all(batch.map((emailId) => enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` })));
  }
  return { notices: row?.notices ?? 0, emails: emailIds.length };
}
