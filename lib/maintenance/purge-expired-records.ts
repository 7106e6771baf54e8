// Deletes what is no longer needed: rate-limit windows, idempotency records, and spent or
// expired proof-of-email challenges (their hashes serve nothing once the request moved on).
import { db } from "../db.ts";
import { purgeExpiredRateLimits } from "../security/rate-limit.ts";

export async function purgeExpiredRecords(now = new Date()) {
  const rateLimitWindows = await purgeExpiredRateLimits(now);
  const { count: idempotencyRecords } = await db().idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const { count: verificationChallenges } = await db().verificationChallenge.deleteMany({
    where: { OR: [{ expiresAt: { lt: weekAgo } }, { consumedAt: { lt: weekAgo } }] },
  });
  return { rateLimitWindows, idempotencyRecords, verificationChallenges };
}
