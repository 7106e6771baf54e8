import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLocalDate, localDateOf } from "./calendar.ts";
import { computeDeadline } from "./compute-deadline.ts";
import type { ClockEvent, DeadlineInput } from "./input.ts";

const RUNS = 200;
// A fixed seed: every run checks the same inputs, so the suite cannot pass or fail by the luck of the
// draw. To explore new inputs, change the seed on purpose and keep it if the properties still hold.
fc.configureGlobal({ seed: 20_260_107 });
const DAY_MS = 86_400_000;

/** Realistic controller set-ups: a law, the controller's zone and its holiday region. */
const setups = fc.constantFrom(
  { jurisdiction: "EU_GDPR", timeZone: "Europe/Paris", holidayRegion: "FR" },
  { jurisdiction: "EU_GDPR", timeZone: "Europe/Berlin", holidayRegion: "DE-BY" },
  { jurisdiction: "EU_GDPR", timeZone: "Asia/Tokyo", holidayRegion: "JP" },
  { jurisdiction: "UK_GDPR", timeZone: "Europe/London", holidayRegion: "GB-ENG" },
  { jurisdiction: "US_CA", timeZone: "America/Los_Angeles", holidayRegion: "US-CA" },
  { jurisdiction: "US_IA", timeZone: "America/Chicago", holidayRegion: "US-IA" },
  { jurisdiction: "US_FL", timeZone: "America/New_York", holidayRegion: "US-FL" },
  { jurisdiction: "CA_QC", timeZone: "America/Toronto", holidayRegion: "CA-QC" },
  { jurisdiction: "CA_PIPEDA", timeZone: "America/Vancouver", holidayRegion: "CA-BC" },
  { jurisdiction: "BR_LGPD", timeZone: "America/Sao_Paulo", holidayRegion: "BR" },
  { jurisdiction: "CH_FADP", timeZone: "Europe/Zurich", holidayRegion: "CH-ZH" },
) as fc.Arbitrary<Pick<DeadlineInput, "jurisdiction" | "timeZone" | "holidayRegion">>;

const instantsMs = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) });
const iso = (ms: number) => new Date(ms).toISOString();

function compute(setup: Pick<DeadlineInput, "jurisdiction" | "timeZone" | "holidayRegion">, receivedMs: number, events: ClockEvent[] = []) {
  return computeDeadline({ ...setup, requestType: "access", receivedAt: iso(receivedMs), events });
}

// Generous time limit: 200 seeded runs each; a loaded machine must not turn a slow run into a failure.
describe("properties that hold for every request", { timeout: 60_000 }, () => {
  it("a due date is never before the local receipt date", () => {
    fc.assert(
      fc.property(setups, instantsMs, (setup, receivedMs) => {
        const result = compute(setup, receivedMs);
        expect(result.dueDate >= formatLocalDate(localDateOf(receivedMs, setup.timeZone))).toBe(true);
        expect(result.explanation.at(-1)).toContain(result.dueDate);
      }),
      { numRuns: RUNS },
    );
  });

  it("a later receipt never gives an earlier due date", () => {
    fc.assert(
      fc.property(setups, instantsMs, fc.integer({ min: 0, max: 120 * DAY_MS }), (setup, receivedMs, later) => {
        const earlier = compute(setup, receivedMs);
        const next = compute(setup, receivedMs + later);
        expect(next.dueDate >= earlier.dueDate).toBe(true);
        if (earlier.maxExtendedDueDate && next.maxExtendedDueDate) {
          expect(next.maxExtendedDueDate >= earlier.maxExtendedDueDate).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a pause never shortens the deadline", () => {
    fc.assert(
      fc.property(
        setups,
        instantsMs,
        fc.integer({ min: 0, max: 40 * DAY_MS }),
        fc.option(fc.integer({ min: 0, max: 40 * DAY_MS }), { nil: undefined }),
        (setup, receivedMs, askedAfter, answeredAfter) => {
          const events: ClockEvent[] = [{ type: "pause", at: iso(receivedMs + askedAfter) }];
          if (answeredAfter !== undefined) events.push({ type: "resume", at: iso(receivedMs + askedAfter + answeredAfter) });
          const plain = compute(setup, receivedMs);
          const paused = compute(setup, receivedMs, events);
          expect(paused.dueDate >= plain.dueDate).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("an extension notified in time never shortens the deadline and never passes the maximum", () => {
    fc.assert(
      fc.property(
        setups,
        instantsMs,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(fc.constant({}), fc.record({ days: fc.integer({ min: 1, max: 15 }) }), fc.record({ months: fc.constantFrom(1, 2) })),
        (setup, receivedMs, when, amount) => {
          const plain = compute(setup, receivedMs);
          if (plain.extensionNoticeBy === null || plain.maxExtendedDueDate === null) return;
          const unit = setup.jurisdiction.endsWith("GDPR") ? "month" : "day";
          if ("months" in amount && unit === "day") return;
          // A notice at noon UTC somewhere between receipt and the notice deadline, on that local day.
          const lastMs = Date.parse(`${plain.extensionNoticeBy}T12:00:00Z`);
          const noticeMs = receivedMs + Math.floor(when * Math.max(0, lastMs - receivedMs - DAY_MS));
          const extended = compute(setup, receivedMs, [{ type: "extend", at: iso(noticeMs), reason: "Complex request.", ...amount }]);
          expect(extended.extended).toBe(true);
          expect(extended.dueDate >= plain.dueDate).toBe(true);
          expect(extended.dueDate <= plain.maxExtendedDueDate).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the notice deadline and the acknowledgement never come after the due date", () => {
    fc.assert(
      fc.property(setups, instantsMs, (setup, receivedMs) => {
        const result = compute(setup, receivedMs);
        if (result.extensionNoticeBy) expect(result.extensionNoticeBy <= result.dueDate).toBe(true);
        if (result.acknowledgeBy) expect(result.acknowledgeBy <= result.dueDate).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
