// Folds the status-count changes the triggers on requests append into the counts per status and
// due date (migration dashboard_keyset_and_status_counts), so the dashboard's figures read a few
// hundred rows. Safe to run from any number of workers at once (see the SQL function).
import { db } from "../db.ts";

export async function compactStatusCounts(): Promise<void> {
  await db().$executeRawUnsafe("SELECT request_status_counts_compact()");
}
