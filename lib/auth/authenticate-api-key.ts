// Turns "Authorization: Bearer <key>" into a principal with the key's role, or null.
import { db } from "../db.ts";
import { apiKeyHash } from "./create-api-key.ts";
import type { StaffPrincipal } from "./staff-principal.ts";

const KEY_SHAPE = /^dsar_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateApiKey(key: string, now = new Date()): Promise<Extract<StaffPrincipal, { kind: "apiKey" }> | null> {
  if (!KEY_SHAPE.test(key)) return null;
  const row = await db().apiKey.findUnique({ where: { keyHash: apiKeyHash(key) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { kind: "apiKey", apiKeyId: row.id, name: row.name, role: row.role };
}

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : "";
}
