// An Idempotency-Key makes a retried call return the first answer and create nothing new.
import { sha256Hex } from "../crypto.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";

const KEEP_FOR_MS = 24 * 3_600_000;
const LOCK_NAMESPACE = 91_337;

export async function withIdempotency(
  scope: string,
  key: string | null,
  rawBody: string,
  produce: () => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  if (!key) return { ...(await produce()), replayed: false };
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
  }
  const bodyHash = sha256Hex(rawBody);
  return db().$transaction(
    async (tx) => {
      // Two concurrent calls with one key: the second waits here and then replays the first.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`${scope}:${key}`}))`;
      const existing = await tx.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
      if (existing && existing.expiresAt > new Date()) {
        if (existing.bodyHash !== bodyHash) {
          throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with a different body.");
        }
        return { status: existing.status, body: existing.response, replayed: true };
      }
      const produced = await produce();
      if (produced.status < 500) {
        await tx.idempotencyRecord.upsert({
          where: { scope_key: { scope, key } },
          create: {
            scope,
            key,
            bodyHash,
            status: produced.status,
            response: produced.body as object,
            expiresAt: new Date(Date.now() + KEEP_FOR_MS),
          },
          update: { bodyHash, status: produced.status, response: produced.body as object, expiresAt: new Date(Date.now() + KEEP_FOR_MS) },
        });
      }
      return { ...produced, replayed: false };
    },
    { timeout: 30_000 },
  );
}
