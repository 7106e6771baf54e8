// Deletes what is no longer needed: rate-limit windows, sign-in delays of pairs not seen for a
// day, idempotency records, spent or expired proof-of-email challenges (their hashes serve nothing
// once the request moved on), staff sessions that ended a month ago, and the once-only markers of
// staff notices that can no longer be sent again (digests of past days; reminders of requests no
// longer open).
import { db } from "../db.ts";
import { purgeExpiredRateLimits } from "../security/rate-limit.ts";
import { purgeExpiredSignInThrottles } from "../security/sign-in-throttle.ts";

export async function purgeExpiredRecords(now = new Date()) {
  const rateLimitWindows = await purgeExpiredRateLimits(now);
  const signInThrottles = await purgeExpiredSignInThrottles(now);
  const { count: idempotencyRecords } = await db().idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const { count: verificationChallenges } = await db().verificationChallenge.deleteMany({
    where: { OR: [{ expiresAt: { lt: weekAgo } }, { consumedAt: { lt: weekAgo } }] },
  });
  const monthAgo = new Date(now.getTime() - 30 * 24 * 3_600_000);
  const { count: staffSessions } = await db().staffSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: monthAgo } }, { revokedAt: { lt: monthAgo } }] },
  });
  // A marker of an open request must stay, or its reminder or escalation would go out again.
  const staffNotifications = await db().$executeRaw`
    DELETE FROM staff_notifications n
    WHERE n."createdAt" < ${weekAgo}
      AND NOT EXISTS (
        SELECT 1 FROM requests r
        WHERE r.id = n."requestId" AND r.status IN ('VERIFIED', 'AWAITING_SUBJECT', 'APPROVED', 'IN_PROGRESS')
      )`;
  return { rateLimitWindows, signInThrottles, idempotencyRecords, verificationChallenges, staffSessions, staffNotifications };
}
