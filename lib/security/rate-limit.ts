// Fixed-window rate limits kept in PostgreSQL, so they hold across web processes and work the
// same whichever queue backend runs. Keys are hashes, never addresses.
import { keyedHash } from "../crypto.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export async function consumeRateLimit(rule: RateLimitRule, subject: string, now = new Date()): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  const key = `${rule.name}:${keyedHash("rate-limit", subject)}`;
  const [row] = await db().$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit_buckets (key, "windowStart", count, "expiresAt")
    VALUES (${key}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count`;
  if ((row?.count ?? 0) > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", `Too many requests: try again in ${formatWait(retryAfterSeconds)}.`, { retryAfterSeconds });
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}

export async function purgeExpiredRateLimits(now = new Date()): Promise<number> {
  const { count } = await db().rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
