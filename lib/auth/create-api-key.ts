// Creates an API key for integrations. The key is shown once; only its keyed hash is stored.
import { z } from "zod";
import { keyedHash, randomToken } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "--name is required").max(100, "--name must be at most 100 characters"),
  role: z.enum(["admin", "agent", "auditor"], { message: "--role must be admin, agent or auditor" }),
});

export async function createApiKey(input: z.input<typeof createApiKeySchema>, actor: Actor = { type: "SYSTEM" }) {
  const { name, role } = createApiKeySchema.parse(input);
  const prefix = randomToken(6).replace(/[-_]/g, "x").slice(0, 8);
  const key = `dsar_${prefix}_${randomToken(32)}`;
  const created = await db().$transaction(async (tx: Tx) => {
    const row = await tx.apiKey.create({
      data: {
        name,
        role: role.toUpperCase() as "ADMIN" | "AGENT" | "AUDITOR",
        prefix,
        keyHash: apiKeyHash(key),
        createdById: actor.type === "STAFF" ? (actor.id ?? null) : null,
      },
      select: { id: true, name: true, role: true, prefix: true, createdAt: true },
    });
    await appendAuditEvent(tx, { actor, action: "staff.api-key-created", data: { apiKeyId: row.id, role: row.role } });
    return row;
  });
  return { ...created, key };
}

export function apiKeyHash(key: string): string {
  return keyedHash("api-key", key);
}
