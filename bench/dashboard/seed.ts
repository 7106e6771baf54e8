// A million requests by INSERT … SELECT over generate_series, in the order they were received over
// two years (as a real table fills up): the recent ones mostly open, a few older ones still open and
// overdue, the rest closed (those over a year old purged of their personal details); staff to assign
// them to and connector tasks for those in progress. Pseudo-random but repeatable (setseed). The
// secondary indexes are dropped during the load and rebuilt from their own definitions afterwards.
import type pg from "pg";

export const FIRST_NAMES = "claire louis emma hugo lea jules chloe adam manon lucas ines gabriel camille arthur sarah raphael".split(" ");
const LAST_NAMES = "martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre michel garcia david".split(
  " ",
);
const DOMAINS = ["example.com", "example.org", "mail.example.net", "example.fr", "shop.example", "post.example.de", "example.co.uk"];
/** Weighted towards the GDPR and California, as a European company selling to the US would see. */
const OTHER_JURISDICTIONS =
  "CA_QC CA_PIPEDA BR_LGPD CH_FADP US_VA US_CO US_CT US_UT US_TX US_FL US_OR US_MT US_IA US_DE US_NH US_NJ US_TN US_MN US_MD US_NE US_KY US_IN US_RI".split(
    " ",
  );
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export type SeedResult = { staffIds: string[]; seconds: number; requests: number; tasks: number };

/** Days covered; requests arrive evenly over them (about 1,370 a day for a million). */
const SPAN_DAYS = 730;

/**
 * Open while under 30 days old (90 %: unverified ones first, then those being worked on), a few
 * (15 %) still open up to 60 days (overdue, waiting on someone); closed otherwise.
 */
const STATUS_CASE = `CASE
  WHEN age < 30 AND a < 0.90 OR age < 60 AND a < 0.15 THEN
    CASE WHEN age < 7 AND h < 0.5 THEN 'SUBMITTED' WHEN g < 0.30 THEN 'VERIFIED' WHEN g < 0.42 THEN 'AWAITING_SUBJECT'
      WHEN g < 0.46 THEN 'APPROVED' ELSE 'IN_PROGRESS' END
  WHEN g < 0.82 THEN 'COMPLETED' WHEN g < 0.88 THEN 'DENIED' WHEN g < 0.92 THEN 'WITHDRAWN' ELSE 'EXPIRED' END`;

/** One 40-bit scramble of the row number (an odd multiplier is a bijection mod 2^40) as 8 Crockford characters. */
const referenceSql = (() => {
  const digit = (shift: number) => `substr('${CROCKFORD}', (((x >> ${shift}) & 31) + 1)::int, 1)`;
  return `'DSR-' || ${[35, 30, 25, 20].map(digit).join(" || ")} || '-' || ${[15, 10, 5, 0].map(digit).join(" || ")}`;
})();

export async function seedDashboard(client: pg.Client, count: number, log: (line: string) => void): Promise<SeedResult> {
  const started = Date.now();
  await client.query("SELECT setseed(0.4242)");
  const staff = await client.query<{ id: string }>(
    `INSERT INTO staff_users (id, email, role, "passwordHash", "updatedAt")
     SELECT gen_random_uuid(), 'staff' || n || '@company.example',
       (CASE WHEN n <= 2 THEN 'ADMIN' WHEN n <= 16 THEN 'AGENT' ELSE 'AUDITOR' END)::"StaffRole", 'not-a-password', now()
     FROM generate_series(1, 20) n ORDER BY n RETURNING id`,
  );
  const staffIds = staff.rows.map((row) => row.id);
  await client.query(
    `INSERT INTO connectors (id, key, name, type, actions, "configEncrypted", "updatedAt")
     SELECT gen_random_uuid(), k, k, 'http', ARRAY['ACCESS','ERASURE','RECTIFICATION','PORTABILITY']::"RequestType"[], 'bench', now()
     FROM unnest(ARRAY['shop-db', 'crm', 'paper-archive']) k`,
  );
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.tablename = 'requests' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`);
  // The status counters are counted once at the end rather than row by row.
  const counters = await client.query(`SELECT 1 FROM pg_trigger WHERE tgname = 'requests_status_counts_insert_delete'`);
  if (counters.rowCount) await client.query("ALTER TABLE requests DISABLE TRIGGER requests_status_counts_insert_delete");
  const batch = 250_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await client.query(
      `INSERT INTO requests (id, reference, "submissionId", type, status, channel, email, "emailHash", country, jurisdiction,
         "timeZone", "holidayRegion", "receivedAt", "verifiedAt", "verifyBy", "dueDate", "closedAt", "clockPaused",
         "assigneeId", "purgedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), ${referenceSql}, gen_random_uuid(),
         (CASE WHEN c < 0.55 THEN 'ACCESS' WHEN c < 0.85 THEN 'ERASURE' WHEN c < 0.93 THEN 'RECTIFICATION' ELSE 'PORTABILITY' END)::"RequestType",
         status::"RequestStatus", 'WEB', CASE WHEN purged THEN NULL ELSE email END, md5(email), 'FR',
         CASE WHEN d < 0.55 THEN 'EU_GDPR' WHEN d < 0.70 THEN 'UK_GDPR' WHEN d < 0.85 THEN 'US_CA'
           ELSE ($2::text[])[1 + floor(e * ${OTHER_JURISDICTIONS.length})::int] END,
         'Europe/Paris', 'FR', received, CASE WHEN status IN ('SUBMITTED', 'EXPIRED') THEN NULL ELSE received + interval '20 minutes' END,
         received + interval '7 days', (received + interval '30 days')::date,
         CASE WHEN open THEN NULL ELSE received + (3 + b * 25) * interval '1 day' END, status = 'AWAITING_SUBJECT',
         CASE WHEN status <> 'SUBMITTED' AND e < 0.7 THEN ($1::uuid[])[1 + floor(f * 16)::int] END,
         CASE WHEN purged THEN received + interval '1 year' END, received, received
       FROM (
         SELECT *, status IN ('SUBMITTED', 'VERIFIED', 'AWAITING_SUBJECT', 'APPROVED', 'IN_PROGRESS') AS open,
           NOT (status IN ('SUBMITTED', 'VERIFIED', 'AWAITING_SUBJECT', 'APPROVED', 'IN_PROGRESS')) AND age > 365 AS purged
         FROM (
           SELECT *, ${STATUS_CASE} AS status, now() - age * interval '1 day' AS received,
             ($3::text[])[1 + i % ${FIRST_NAMES.length}] || '.' || ($4::text[])[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] || i
               || '@' || ($5::text[])[1 + i % ${DOMAINS.length}] AS email,
             (i::bigint * 2654435761) % 1099511627776 AS x
           FROM (
             SELECT i, (${SPAN_DAYS} * ($8::int - i + random()))::float8 / $8::int AS age,
               random() a, random() b, random() c, random() d, random() e, random() f, random() g, random() h
             FROM generate_series($6::int, $7::int) i
           ) draws
         ) shaped
       ) rows`,
      [staffIds, OTHER_JURISDICTIONS, FIRST_NAMES, LAST_NAMES, DOMAINS, from, to, count],
    );
    log(`  ${to.toLocaleString("en")} requests (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const index of indexes.rows) await client.query(index.definition);
  log(`  ${indexes.rows.length} indexes rebuilt (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (counters.rowCount) {
    await client.query("ALTER TABLE requests ENABLE TRIGGER requests_status_counts_insert_delete");
    await client.query("SELECT request_status_counts_rebuild()");
  }
  const tasks = await client.query(
    `INSERT INTO connector_tasks (id, "requestId", "connectorId", action, status, attempts, "lastError", "updatedAt")
     SELECT gen_random_uuid(), request_id, connector_id, type, status::"ConnectorTaskStatus", 1,
       CASE WHEN status = 'FAILED' THEN 'connection refused' END, now()
     FROM (
       SELECT request_id, connector_id, type, CASE WHEN g < 0.55 THEN 'SUCCEEDED' WHEN g < 0.75 THEN 'RUNNING' WHEN g < 0.85 THEN 'PENDING'
         WHEN g < 0.90 THEN 'WAITING_CALLBACK' WHEN g < 0.98 THEN 'AWAITING_STAFF' ELSE 'FAILED' END AS status
       FROM (SELECT r.id AS request_id, c.id AS connector_id, r.type, random() AS g
             FROM requests r CROSS JOIN connectors c WHERE r.status = 'IN_PROGRESS') draws
     ) tasks`,
  );
  log("  vacuum analyze (visibility map for index-only scans, planner statistics)");
  await client.query("VACUUM (ANALYZE) requests");
  await client.query("VACUUM (ANALYZE) connector_tasks");
  await client.query("VACUUM (ANALYZE) staff_users");
  if (counters.rowCount) await client.query("VACUUM (ANALYZE) request_status_counts, request_status_count_changes");
  return { staffIds, seconds: (Date.now() - started) / 1000, requests: count, tasks: tasks.rowCount ?? 0 };
}
