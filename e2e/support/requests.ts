// Requests put straight into the test stack's database, for specs that start where a request is
// already verified (the public flow itself is covered by request-flow.spec.ts).
import { sql } from "./fixtures.ts";

/** A verified request received 35 days ago, due in `dueInDays` days (negative: overdue). */
export async function verifiedRequest(email: string, type: "ACCESS" | "ERASURE", dueInDays: number) {
  const [row] = await sql<{ id: string; reference: string }>(
    `INSERT INTO requests (id, reference, "submissionId", type, status, channel, locale, email, "emailHash", "fullName", country, jurisdiction, "timeZone", "holidayRegion", "receivedAt", "verifiedAt", "verifyBy", "dueDate", "updatedAt")
     VALUES (gen_random_uuid(), 'DSR-' || upper(substr(md5(random()::text), 1, 4)) || '-' || upper(substr(md5(random()::text), 1, 4)), gen_random_uuid(), $2, 'VERIFIED', 'WEB', 'en', $1, md5($1), 'Test Person', 'FR', 'EU_GDPR', 'Europe/Paris', 'FR',
             now() - interval '35 days', now() - interval '35 days', now() - interval '28 days', current_date + $3::int, now())
     RETURNING id, reference`,
    [email, type, dueInDays],
  );
  return row;
}
