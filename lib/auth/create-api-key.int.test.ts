// API key prefixes are drawn at random (8 characters) and are how staff name a key to revoke it:
// a draw that meets an existing prefix must draw again, or revoking would need the database. The
// draws are pinned here so the collision happens every run.
import { describe, expect, it, vi } from "vitest";
import { db } from "../db.ts";
import { createApiKey } from "./create-api-key.ts";
import { revokeApiKey } from "./revoke-api-key.ts";

const draws = vi.hoisted(() => ({ prefixes: [] as string[] }));
vi.mock("../crypto.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../crypto.ts")>();
  // Only the source of randomness is pinned: the 6-byte draw a prefix is made of, then real draws.
  return { ...actual, randomToken: (bytes?: number) => (bytes === 6 && draws.prefixes.shift()) || actual.randomToken(bytes) };
});

// Prefixes of this run: 7 characters of its own, then the number (a revoke reads exactly 8).
const run = `Pf${String(Date.now() % 100_000).padStart(5, "0")}`;
const prefixOf = (n: number) => `${run}${n}`;

describe("createApiKey when the drawn prefix is taken", () => {
  it("draws again, so each prefix names one key and revoking by it works", async () => {
    const taken = prefixOf(1);
    draws.prefixes = [taken];
    const first = await createApiKey({ name: "CRM sync", role: "agent" });
    expect(first.prefix).toBe(taken);
    draws.prefixes = [taken, prefixOf(2)];
    const second = await createApiKey({ name: "Helpdesk", role: "agent" });
    expect(draws.prefixes).toEqual([]);
    expect(second.prefix).toBe(prefixOf(2));
    expect(second.key.startsWith(`dsar_${prefixOf(2)}_`)).toBe(true);
    expect(await db().apiKey.count({ where: { prefix: taken } })).toBe(1);
    const revoked = await revokeApiKey({ prefix: taken });
    expect(revoked).toMatchObject({ id: first.id, alreadyRevoked: false });
  });

  it("draws again over a revoked key's prefix too (lists show it), and gives up with a clear error", async () => {
    const taken = prefixOf(3);
    draws.prefixes = [taken];
    const old = await createApiKey({ name: "Old", role: "auditor" });
    await revokeApiKey({ prefix: old.prefix });
    draws.prefixes = Array.from({ length: 20 }, () => taken);
    await expect(createApiKey({ name: "New", role: "auditor" })).rejects.toThrow(/prefix drawn in 5 tries was already taken/);
    expect(draws.prefixes).toHaveLength(20 - 5);
    draws.prefixes = [];
    expect(await db().apiKey.count({ where: { prefix: taken } })).toBe(1);
  });
});
