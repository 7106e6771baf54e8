// Revokes an API key, named by the prefix staff see (dsar_<prefix>_…). The row stays, so the
// audit log's API_KEY actors keep a name; the key stops working at once.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";

export const revokeApiKeySchema = z.object({
  prefix: z
    .string()
    .trim()
    // The whole key or its "dsar_<prefix>" start also work: only the prefix is read.
    .transform((value) => value.replace(/^dsar_/, "").split("_")[0])
    .pipe(z.string().regex(/^[A-Za-z0-9]{8}$/, "--prefix must be the 8 characters after dsar_ (see list-api-keys)")),
});

export async function revokeApiKey(input: z.input<typeof revokeApiKeySchema>, actor: Actor = { type: "SYSTEM" }, now = new Date()) {
  const { prefix } = revokeApiKeySchema.parse(input);
  return db().$transaction(async (tx: Tx) => {
    const keys = await tx.apiKey.findMany({ where: { prefix }, select: { id: true, name: true, role: true, revokedAt: true } });
    if (keys.length === 0) throw new AppError("NOT_FOUND", `No API key has the prefix ${prefix}.`);
    const active = keys.filter((key) => !key.revokedAt);
    if (active.length === 0) return { ...keys[0], alreadyRevoked: true };
    // Prefixes are random, 8 characters: two live keys sharing one is possible, not likely.
    if (active.length > 1)
      throw new AppError("CONFLICT", `${active.length} live API keys share the prefix ${prefix}; revoke them from the database by id.`);
    const [key] = active;
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    await appendAuditEvent(tx, { actor, action: "staff.api-key-revoked", data: { apiKeyId: key.id, role: key.role } });
    return { ...key, revokedAt: now, alreadyRevoked: false };
  });
}
