// Wrong second-factor codes are counted per account, not per session: a stolen password opens as
// many sessions as the sign-in throttle allows, but they all draw on one count. Each attempt is
// counted (and, every fifth, the lock set) by one UPDATE … RETURNING before the code is compared,
// so parallel guesses cannot all be compared. The fifth wrong code locks the account (15 minutes,
// doubling with each further lock, at most a day), ends the sessions still waiting for a code and
// the one that guessed, is audited and emails the holder. Only someone who has the password can
// get this far, so the lock is no way for strangers to keep the holder out. A right code clears
// the count and the lock.
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { env } from "../env.ts";
import type { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { staffEmailLocale } from "./staff-email-locale.ts";
import { staffRefusal } from "./staff-refusal.ts";

/** Wrong codes allowed before each lock. */
export const SECOND_FACTOR_TRIES = 5;
const FIRST_LOCK_MINUTES = 15;
const MAX_LOCK_MINUTES = 24 * 60;

export type SecondFactorAttempt = { userId: string; sessionId: string; failures: number; now: Date };

/** How long the lock set by the `failures`-th wrong code lasts (a multiple of SECOND_FACTOR_TRIES). */
export function lockMinutes(failures: number): number {
  return Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** (Math.floor(failures / SECOND_FACTOR_TRIES) - 1));
}

/**
 * Counts one attempt before anything is compared. Throws TOO_MANY_ATTEMPTS while the account is
 * locked (then nothing is counted and nothing compared).
 */
export async function takeSecondFactorAttempt(userId: string, sessionId: string, now: Date): Promise<SecondFactorAttempt> {
  const nowMs = now.getTime();
  // Times as epoch milliseconds, so PostgreSQL does the arithmetic in UTC whatever its time zone.
  const rows = await db().$queryRaw<Array<{ failures: number }>>`
    WITH clock AS (SELECT to_timestamp(${nowMs}::double precision / 1000) AT TIME ZONE 'UTC' AS now)
    UPDATE staff_users AS u SET
      "secondFactorFailures" = u."secondFactorFailures" + 1,
      "lockedUntil" = CASE
        WHEN (u."secondFactorFailures" + 1) % ${SECOND_FACTOR_TRIES} = 0 THEN clock.now + make_interval(mins => LEAST(
          ${MAX_LOCK_MINUTES},
          ${FIRST_LOCK_MINUTES} * power(2, LEAST(20, (u."secondFactorFailures" + 1) / ${SECOND_FACTOR_TRIES} - 1))
        )::int)
        ELSE u."lockedUntil"
      END
    FROM clock
    WHERE u.id = ${userId}::uuid AND (u."lockedUntil" IS NULL OR u."lockedUntil" <= clock.now)
    RETURNING u."secondFactorFailures" AS failures`;
  if (rows.length === 0) {
    const user = await db().staffUser.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
    throw lockedError(user?.lockedUntil ?? now, now);
  }
  return { userId, sessionId, failures: Number(rows[0].failures), now };
}

/**
 * The error to throw after a wrong code. When this attempt was the one that set the lock, the
 * lock's consequences come first: the sessions waiting for a code and this one end, an audit event,
 * an email to the holder.
 */
export async function secondFactorFailure(attempt: SecondFactorAttempt, refusal: AppError): Promise<AppError> {
  if (attempt.failures % SECOND_FACTOR_TRIES !== 0) return refusal;
  const minutes = lockMinutes(attempt.failures);
  const lockedUntil = new Date(attempt.now.getTime() + minutes * 60_000);
  const emailId = await db().$transaction(async (tx: Tx) => {
    const user = await tx.staffUser.findUniqueOrThrow({ where: { id: attempt.userId }, select: { email: true, locale: true } });
    const { count: sessionsRevoked } = await tx.staffSession.updateMany({
      where: { userId: attempt.userId, revokedAt: null, OR: [{ secondFactorAt: null }, { id: attempt.sessionId }] },
      data: { revokedAt: attempt.now },
    });
    await appendAuditEvent(tx, {
      actor: { type: "SYSTEM" },
      action: "staff.locked-after-wrong-codes",
      data: { userId: attempt.userId, wrongCodes: attempt.failures, lockedMinutes: minutes, sessionsRevoked },
    });
    return queueEmail(tx, {
      template: "staff-account-locked",
      locale: staffEmailLocale(user.locale),
      to: user.email,
      staffUserId: attempt.userId,
      props: { wrongCodes: SECOND_FACTOR_TRIES, lockedMinutes: minutes, signInUrl: staffSignInUrl() },
    });
  });
  await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return lockedError(lockedUntil, attempt.now);
}

/** The link in the security notices to staff. */
export function staffSignInUrl(): string {
  return new URL("/staff/sign-in", env().APP_URL).toString();
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return staffRefusal("TOO_MANY_ATTEMPTS", { key: "staffAuth.errors.lockedNow", values: { minutes } }, { retryAfterSeconds });
}
