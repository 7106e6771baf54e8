// Creates an API key for integrations. The key is shown once; only its keyed hash is stored.
import { z } from "zod";
import { keyedHash, randomToken } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "--name is required").max(100, "--name must be at most 100 characters"),
  role: z.enum(["admin", "agent", "auditor", "integration"], { message: "--role must be admin, agent, auditor or integration" }),
});

/** Serialises key creation (rare), so a prefix checked free is still free when the key is written. */
const API_KEY_PREFIX_LOCK = "api-key-prefix";
/** Prefixes are ~47 random bits: five taken draws in a row mean something is wrong with the draws. */
const PREFIX_ATTEMPTS = 5;

/**
 * A prefix no key has, live or revoked: staff name a key by it (revoke-api-key.ts) and tell keys
 * apart by it in lists, so two keys sharing one would need the database to revoke either.
 */
async function freePrefix(tx: Tx): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${API_KEY_PREFIX_LOCK}, 0))`;
  for (let attempt = 1; attempt <= PREFIX_ATTEMPTS; attempt++) {
    const prefix = randomToken(6).replace(/[-_]/g, "x").slice(0, 8);
    if (!(await tx.apiKey.findFirst({ where: { prefix }, select: { id: true } }))) return prefix;
  }
  throw new Error(`Every API key prefix drawn in ${PREFIX_ATTEMPTS} tries was already taken; no key was created.`);
}

export async function createApiKey(input: z.input<typeof createApiKeySchema>, actor: Actor = { type: "SYSTEM" }) {
  const { name, role } = createApiKeySchema.parse(input);
  const created = await db().$transaction(async (tx: Tx) => {
    const prefix = await freePrefix(tx);
    const key = `dsar_${prefix}_${randomToken(32)}`;
    const row = await tx.apiKey.create({
      data: {
        name,
        role: role.toUpperCase() as "ADMIN" | "AGENT" | "AUDITOR" | "INTEGRATION",
        prefix,
        keyHash: apiKeyHash(key),
        createdById: actor.type === "STAFF" ? (actor.id ?? null) : null,
      },
      select: { id: true, name: true, role: true, prefix: true, createdAt: true },
    });
    await appendAuditEvent(tx, { actor, action: "staff.api-key-created", data: { apiKeyId: row.id, role: row.role } });
    return { ...row, key };
  });
  return created;
}

export function apiKeyHash(key: string): string {
  return keyedHash("api-key", key);
}
