// A fixture's random reference can meet one already in the database; the insert then draws again
// instead of failing the test by chance.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { randomReference } from "../../lib/crypto.ts";
import { db } from "../../lib/db.ts";
import { withFreshReference } from "../support/fresh-reference.ts";

const row = (reference: string) => ({
  reference,
  submissionId: randomUUID(),
  type: "ACCESS" as const,
  status: "VERIFIED" as const,
  channel: "WEB" as const,
  emailHash: "fixture",
  country: "FR",
  jurisdiction: "EU_GDPR",
  timeZone: "Europe/Paris",
  holidayRegion: "FR",
  verifyBy: new Date(),
  dueDate: new Date("2026-06-10T00:00:00Z"),
});

describe("withFreshReference", () => {
  it("draws again when the reference drawn is taken, and rethrows any other error", async () => {
    const taken = (await db().dsarRequest.create({ data: row(randomReference()) })).reference;
    // The first draw meets the existing row, as a chance collision would; the second is fresh.
    const draws = [taken];
    const made = await withFreshReference(() => {
      const reference = draws.shift() ?? randomReference();
      return db().dsarRequest.create({ data: row(reference) });
    });
    expect(made.reference).not.toBe(taken);
    expect(draws).toEqual([]);
    await expect(
      withFreshReference(() => db().dsarRequest.create({ data: { ...row(randomReference()), country: null as never } })),
    ).rejects.toThrow();
  });
});
