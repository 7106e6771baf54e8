// Requests put straight into the test stack's database, for specs that start where a request is
// already verified (the public flow itself is covered by request-flow.spec.ts).
import { sql } from "./fixtures.ts";

/**
 * A verified request received 35 days ago, due in `dueInDays` days (negative: overdue), counted from
 * today in Paris, the controller's zone of the test stack, not the database's current_date (its server's zone,
 * UTC here: the day before, from midnight to 01:00 or 02:00 in Paris).
 */
export async function verifiedRequest(email: string, type: "ACCESS" | "ERASURE", dueInDays: number) {
  // The reference is 32 random bits: should it meet one already taken, ON CONFLICT returns no row and
  // another is drawn, rather than the spec failing on the unique index by chance.
  for (;;) {
    const [row] = await insertVerifiedRequest(email, type, dueInDays);
    if (row) return row;
  }
}

function insertVerifiedRequest(email: string, type: "ACCESS" | "ERASURE", dueInDays: number) {
  return sql<{ id: string; reference: string }>(
    `INSERT INTO requests (id, reference, "submissionId", type, status, channel, locale, email, "emailHash", "fullName", country, jurisdiction, "timeZone", "holidayRegion", "receivedAt", "verifiedAt", "verifyBy", "dueDate", "updatedAt")
     VALUES (gen_random_uuid(), 'DSR-' || upper(substr(md5(random()::text), 1, 4)) || '-' || upper(substr(md5(random()::text), 1, 4)), gen_random_uuid(), $2, 'VERIFIED', 'WEB', 'en', $1, md5($1), 'Test Person', 'FR', 'EU_GDPR', 'Europe/Paris', 'FR',
             now() - interval '35 days', now() - interval '35 days', now() - interval '28 days', (now() AT TIME ZONE 'Europe/Paris')::date + $3::int, now())
     ON CONFLICT (reference) DO NOTHING
     RETURNING id, reference`,
    [email, type, dueInDays],
  );
}
