// A seeded fuzz of the public API's bodies and the staff list's query strings (the long run is
// bench/fuzz/run.ts): no answer of 500 or more, no call left hanging, no row from a refused call.
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../lib/auth/create-api-key.ts";
import { fuzzPublicApi, fuzzStaffList } from "../support/api-fuzz.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

runWorkersDuringTests();

const SEED = 20261207;

describe("seeded fuzz", () => {
  it("700 public API bodies: never 500, never hanging, no row from a refused call", { timeout: 300_000 }, async () => {
    const stats = await fuzzPublicApi(SEED, 700);
    expect(stats.serverErrors).toEqual([]);
    expect(stats.hangs).toBe(0);
    expect(stats.strayRows).toBe(0);
    expect(stats.calls).toBe(700);
    // The generator reaches both sides: some calls are accepted, most refused with a 4xx.
    expect(stats.byStatus["202"] ?? 0).toBeGreaterThan(0);
    expect(stats.byStatus["400"] ?? 0).toBeGreaterThan(0);
  });

  it("300 staff list query strings, to the API and the dashboard's export: never 500, nothing recorded for a refused one", {
    timeout: 300_000,
  }, async () => {
    const { key } = await createApiKey({ name: "Fuzz", role: "admin" });
    const stats = await fuzzStaffList(SEED, 300, key);
    expect(stats.serverErrors).toEqual([]);
    expect(stats.hangs).toBe(0);
    expect(stats.strayRows).toBe(0);
    expect(stats.byStatus["200"] ?? 0).toBeGreaterThan(0);
    expect(stats.byStatus["400"] ?? 0).toBeGreaterThan(0);
  });
});
