// Private status links: an unguessable token per link, stored hashed, naming one submission.
import { keyedHash, randomToken } from "../crypto.ts";
import type { Tx } from "../db.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";

/** Issues a new link token for a submission (inside the caller's transaction). */
export async function issueStatusToken(tx: Tx, submissionId: string): Promise<string> {
  const token = randomToken();
  await tx.statusLinkToken.create({ data: { submissionId, tokenHash: keyedHash("status-token", token) } });
  return token;
}

/** The submission a status token opens; NOT_FOUND for an unknown or revoked one. */
export async function submissionOfStatusToken(token: string, client: Pick<Tx, "statusLinkToken"> = db()): Promise<string> {
  const link = await client.statusLinkToken.findUnique({ where: { tokenHash: keyedHash("status-token", token) } });
  if (!link || link.revokedAt) {
    throw new AppError("NOT_FOUND", "This status link is not valid. Check that you copied the whole link from the email.");
  }
  return link.submissionId;
}
