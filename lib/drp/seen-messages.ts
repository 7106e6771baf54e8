// Replay protection: each accepted signed message is remembered by the hash of its signature until
// it expires, so the same message sent again is refused. Ed25519 signatures are deterministic: the
// same bytes signed by the same key give the same signature.
import { sha256Hex } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { DrpError } from "./drp-error.ts";

const replayed = () => new DrpError(403, "This signed message was already received: sign a new message for each call.", true);

/** Before any work: a message seen before is refused at once. */
export async function assertMessageNotSeen(signature: Buffer): Promise<void> {
  const seen = await db().drpSeenMessage.findUnique({ where: { signatureHash: sha256Hex(signature) }, select: { expiresAt: true } });
  if (seen) throw replayed();
}

/** In the transaction that acts on the message: two copies racing, one wins, the other rolls back. */
export async function rememberMessage(tx: Tx, signature: Buffer, expiresAt: Date): Promise<void> {
  await tx.drpSeenMessage.create({ data: { signatureHash: sha256Hex(signature), expiresAt } });
}

export function isReplayConflict(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("DrpSeenMessage")
  );
}

export function replayError(): DrpError {
  return replayed();
}
