// Growing delays between sign-in attempts of one (email, client address) pair. Kept for any email
// typed, whether or not it is an account, so the answers never tell the two apart; and per pair,
// so guesses from one address never lock the holder out from theirs. Each attempt is counted
// before the password is checked (one atomic statement), so parallel guesses wait like serial ones.
import { keyedHash } from "../crypto.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";

/** Attempts a pair may make without waiting. */
export const SIGN_IN_FREE_ATTEMPTS = 5;
const FIRST_DELAY_SECONDS = 10;
const MAX_DELAY_SECONDS = 900;
/** A pair not seen for this long starts again from zero. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/** The wait before the next attempt once `attempts` have been made without success: 0, then 10 s, 20 s, … 15 minutes. */
export function signInDelaySeconds(attempts: number): number {
  if (attempts < SIGN_IN_FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (attempts - SIGN_IN_FREE_ATTEMPTS));
}

function pairKey(email: string, address: string): string {
  return keyedHash("sign-in-throttle", `${email}\n${address}`);
}

/**
 * Counts one attempt of the pair, or throws TOO_MANY_ATTEMPTS (with the seconds to wait) while the
 * pair must wait. Times are passed as epoch milliseconds so the arithmetic is done in UTC by
 * PostgreSQL whatever the session's time zone.
 */
export async function takeSignInAttempt(email: string, address: string, now: Date): Promise<void> {
  const key = pairKey(email, address);
  const nowMs = now.getTime();
  const expiresMs = nowMs + FORGET_AFTER_MS;
  const rows = await db().$queryRaw<Array<{ attempts: number }>>`
    WITH clock AS (
      SELECT to_timestamp(${nowMs}::double precision / 1000) AT TIME ZONE 'UTC' AS now,
             to_timestamp(${expiresMs}::double precision / 1000) AT TIME ZONE 'UTC' AS forget
    )
    INSERT INTO sign_in_throttles AS t (key, attempts, "nextAttemptAt", "expiresAt")
    SELECT ${key}, 1, clock.now, clock.forget FROM clock
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN t."expiresAt" <= EXCLUDED."nextAttemptAt" THEN 1 ELSE t.attempts + 1 END,
      "nextAttemptAt" = EXCLUDED."nextAttemptAt" + make_interval(secs => CASE
        WHEN t."expiresAt" <= EXCLUDED."nextAttemptAt" OR t.attempts + 1 < ${SIGN_IN_FREE_ATTEMPTS} THEN 0
        ELSE LEAST(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, LEAST(20, t.attempts + 1 - ${SIGN_IN_FREE_ATTEMPTS})))
      END),
      "expiresAt" = EXCLUDED."expiresAt"
    WHERE t."nextAttemptAt" <= EXCLUDED."nextAttemptAt" OR t."expiresAt" <= EXCLUDED."nextAttemptAt"
    RETURNING attempts`;
  if (rows.length > 0) return;
  const row = await db().signInThrottle.findUnique({ where: { key }, select: { nextAttemptAt: true } });
  const retryAfterSeconds = Math.max(1, Math.ceil(((row?.nextAttemptAt.getTime() ?? nowMs) - nowMs) / 1000));
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  throw new AppError("TOO_MANY_ATTEMPTS", `Too many attempts: try again in ${wait}.`, { retryAfterSeconds });
}

/** A correct password: the pair starts again from zero. */
export async function clearSignInAttempts(email: string, address: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key: pairKey(email, address) } });
}

export async function purgeExpiredSignInThrottles(now = new Date()): Promise<number> {
  const { count } = await db().signInThrottle.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
