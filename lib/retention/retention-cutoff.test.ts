import { describe, expect, it } from "vitest";
import { retentionCutoff } from "./retention-cutoff.ts";

describe("retention cutoff", () => {
  it.each([
    { now: "2026-03-15T03:30:00.000Z", months: 24, cutoff: "2024-03-15T03:30:00.000Z" },
    { now: "2026-05-31T10:00:00.000Z", months: 3, cutoff: "2026-02-28T10:00:00.000Z" },
    { now: "2026-03-31T00:00:00.000Z", months: 1, cutoff: "2026-02-28T00:00:00.000Z" },
    { now: "2026-01-10T23:59:59.999Z", months: 13, cutoff: "2024-12-10T23:59:59.999Z" },
    { now: "2028-02-29T12:00:00.000Z", months: 12, cutoff: "2027-02-28T12:00:00.000Z" },
  ])("$months months before $now is $cutoff", ({ now, months, cutoff }) => {
    expect(retentionCutoff(new Date(now), months).toISOString()).toBe(cutoff);
  });
});
