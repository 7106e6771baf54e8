// The API keys, for operators: enough to tell them apart and see which are used, never the key.
import { db } from "../db.ts";

export async function listApiKeys() {
  return db().apiKey.findMany({
    select: { prefix: true, name: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
  });
}
