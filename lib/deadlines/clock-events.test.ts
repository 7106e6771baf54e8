import { describe, expect, it } from "vitest";
import { computeDeadline } from "./compute-deadline.ts";
import type { ClockEvent, DeadlineInput } from "./input.ts";

// Expected dates are worked out by hand from LEGAL.md rules 5-7; each row says how.

const PARIS = { timeZone: "Europe/Paris", holidayRegion: "FR" } as const;
const LONDON = { timeZone: "Europe/London", holidayRegion: "GB-ENG" } as const;
const LA = { timeZone: "America/Los_Angeles", holidayRegion: "US-CA" } as const;

type Row = {
  title: string;
  input: Omit<DeadlineInput, "requestType" | "events">;
  events: ClockEvent[];
  due: string;
  noticeBy?: string;
  max?: string;
  extended?: boolean;
  paused?: boolean;
  says?: string;
};

const gdprMarch9 = { jurisdiction: "EU_GDPR", receivedAt: "2026-03-09T10:00:00Z", ...PARIS } as const; // 1 month → Thu 9 Apr
const ukJan5 = { jurisdiction: "UK_GDPR", receivedAt: "2026-01-05T10:00:00Z", ...LONDON } as const; // 1 month → Thu 5 Feb
const ccpaJan30 = { jurisdiction: "US_CA", receivedAt: "2026-01-30T18:00:00Z", ...LA } as const; // 45 days → Sun 15 Mar

const pauses: Row[] = [
  {
    title: "EU: 8 days waiting for clarification move 9 Apr to Fri 17 Apr",
    input: gdprMarch9,
    events: [
      { type: "pause", at: "2026-03-12T09:00:00Z" },
      { type: "resume", at: "2026-03-20T16:00:00Z" },
    ],
    due: "2026-04-17",
    noticeBy: "2026-04-17",
    max: "2026-06-17", // 9 Jun + 8
    paused: false,
  },
  {
    title: "EU: pause and answer are counted on Paris dates (23:30 UTC is the next day there)",
    input: gdprMarch9,
    events: [
      { type: "pause", at: "2026-03-11T23:30:00Z" },
      { type: "resume", at: "2026-03-19T23:30:00Z" },
    ],
    due: "2026-04-17",
  },
  {
    title: "UK: 9 paused days push 16 Dec onto Christmas; 25-28 Dec are off → Tue 29 Dec",
    input: { jurisdiction: "UK_GDPR", receivedAt: "2026-11-16T10:00:00Z", ...LONDON },
    events: [
      { type: "pause", at: "2026-11-18T10:00:00Z" },
      { type: "resume", at: "2026-11-27T10:00:00Z" },
    ],
    due: "2026-12-29",
    max: "2027-02-25", // 16 Feb 2027 + 9
  },
  {
    title: "UK: two pauses of 2 and 5 days move Wed 1 Jul to Wed 8 Jul",
    input: { jurisdiction: "UK_GDPR", receivedAt: "2026-06-01T10:00:00Z", ...LONDON },
    events: [
      { type: "pause", at: "2026-06-03T10:00:00Z" },
      { type: "resume", at: "2026-06-05T10:00:00Z" },
      { type: "pause", at: "2026-06-10T10:00:00Z" },
      { type: "resume", at: "2026-06-15T10:00:00Z" },
    ],
    due: "2026-07-08",
  },
  {
    title: "EU: an answer the same day moves nothing",
    input: gdprMarch9,
    events: [
      { type: "pause", at: "2026-03-12T08:00:00Z" },
      { type: "resume", at: "2026-03-12T15:00:00Z" },
    ],
    due: "2026-04-09",
  },
  {
    title: "EU: paused days are added before the weekend move (Sat 28 Mar + 1 = Sun 29 → Mon 30 Mar), the earlier reading",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-02-28T10:00:00Z", ...PARIS },
    events: [
      { type: "pause", at: "2026-03-02T10:00:00Z" },
      { type: "resume", at: "2026-03-03T10:00:00Z" },
    ],
    due: "2026-03-30",
    says: "adding them to 2026-03-30 instead would give 2026-03-31",
  },
  {
    title: "EU: a pause still open keeps the earliest date and reports paused",
    input: gdprMarch9,
    events: [{ type: "pause", at: "2026-03-12T09:00:00Z" }],
    due: "2026-04-09",
    paused: true,
    says: "The clock has been stopped since 2026-03-12",
  },
  {
    title: "US_CA: a pause is recorded but the 45 days keep running",
    input: ccpaJan30,
    events: [
      { type: "pause", at: "2026-02-02T18:00:00Z" },
      { type: "resume", at: "2026-02-20T18:00:00Z" },
    ],
    due: "2026-03-15",
    paused: false,
    says: "US_CA does not stop the clock",
  },
  {
    title: "US_CA: an open pause does not stop the clock either",
    input: ccpaJan30,
    events: [{ type: "pause", at: "2026-02-02T18:00:00Z" }],
    due: "2026-03-15",
    paused: false,
    says: "deny the request if it is still unverified at the deadline",
  },
];

const restarts: Row[] = [
  {
    title: "UK: ID received Tue 20 Jan restarts the month → Fri 20 Feb",
    input: ukJan5,
    events: [{ type: "restart", at: "2026-01-20T10:00:00Z" }],
    due: "2026-02-20",
    noticeBy: "2026-02-20",
    max: "2026-04-20",
  },
  {
    title: "UK: restart on Sat 31 Jan → Sat 28 Feb → Mon 2 Mar",
    input: ukJan5,
    events: [{ type: "restart", at: "2026-01-31T10:00:00Z" }],
    due: "2026-03-02",
  },
  {
    title: "UK: a restart wipes the earlier pause → Thu 12 Feb",
    input: ukJan5,
    events: [
      { type: "pause", at: "2026-01-06T10:00:00Z" },
      { type: "resume", at: "2026-01-09T10:00:00Z" },
      { type: "restart", at: "2026-01-12T10:00:00Z" },
    ],
    due: "2026-02-12",
  },
  {
    title: "EU: no restart; the date stays Thu 5 Feb and the explanation says why",
    input: { jurisdiction: "EU_GDPR", receivedAt: "2026-01-05T10:00:00Z", ...PARIS },
    events: [{ type: "restart", at: "2026-01-20T10:00:00Z" }],
    due: "2026-02-05",
    says: "the clock does not restart",
  },
  {
    title: "US_CA: verification never restarts the 45 days",
    input: ccpaJan30,
    events: [{ type: "restart", at: "2026-02-10T18:00:00Z" }],
    due: "2026-03-15",
    says: "whatever time verification takes",
  },
  {
    title: "UK: an extension after a restart counts 3 months from the restart → Mon 20 Apr",
    input: ukJan5,
    events: [
      { type: "restart", at: "2026-01-20T10:00:00Z" },
      { type: "extend", at: "2026-02-01T10:00:00Z", reason: "Records held by four processors." },
    ],
    due: "2026-04-20",
    noticeBy: "2026-02-20",
    extended: true,
  },
  {
    title: "UK: a restart drops an extension notified for the old period",
    input: ukJan5,
    events: [
      { type: "extend", at: "2026-01-10T10:00:00Z", reason: "Complex request." },
      { type: "restart", at: "2026-01-20T10:00:00Z" },
    ],
    due: "2026-02-20",
    extended: false,
    says: "no longer applies",
  },
];

const extensions: Row[] = [
  {
    title: "EU: default extension is the maximum, 3 months from receipt → Tue 9 Jun",
    input: gdprMarch9,
    events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "Data in five systems." }],
    due: "2026-06-09",
    noticeBy: "2026-04-09",
    max: "2026-06-09",
    extended: true,
  },
  {
    title: "EU: a shorter extension of 1 month → Sat 9 May → Mon 11 May",
    input: gdprMarch9,
    events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "Data in five systems.", months: 1 }],
    due: "2026-05-11",
    max: "2026-06-09",
  },
  {
    title: "EU: an extension of 10 days → Sun 19 Apr → Mon 20 Apr",
    input: gdprMarch9,
    events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "Archive retrieval.", days: 10 }],
    due: "2026-04-20",
  },
  {
    title: "EU: two notices of 1 month each add up to the maximum",
    input: gdprMarch9,
    events: [
      { type: "extend", at: "2026-03-20T10:00:00Z", reason: "Archive retrieval.", months: 1 },
      { type: "extend", at: "2026-04-01T10:00:00Z", reason: "More archives found.", months: 1 },
    ],
    due: "2026-06-09",
  },
  {
    title: "EU: a pause moves the notice deadline too (notice on 15 Apr, within 17 Apr)",
    input: gdprMarch9,
    events: [
      { type: "pause", at: "2026-03-12T09:00:00Z" },
      { type: "resume", at: "2026-03-20T16:00:00Z" },
      { type: "extend", at: "2026-04-15T10:00:00Z", reason: "Complex request." },
    ],
    due: "2026-06-17",
    noticeBy: "2026-04-17",
  },
  {
    title: "EU: an extension while a pause is open",
    input: gdprMarch9,
    events: [
      { type: "pause", at: "2026-03-12T09:00:00Z" },
      { type: "extend", at: "2026-04-12T10:00:00Z", reason: "Complex request." },
    ],
    due: "2026-06-09",
    paused: true,
    extended: true,
  },
  {
    title: "US_CA: default +45 days → Wed 29 Apr",
    input: ccpaJan30,
    events: [{ type: "extend", at: "2026-03-01T18:00:00Z", reason: "Backups must be restored." }],
    due: "2026-04-29",
    extended: true,
  },
  {
    title: "US_CA: +20 days lands on Sat 4 Apr and stays there",
    input: ccpaJan30,
    events: [{ type: "extend", at: "2026-03-01T18:00:00Z", reason: "Backups must be restored.", days: 20 }],
    due: "2026-04-04",
  },
  {
    title: "US_CA: a notice on the 45th day, Los Angeles time, is in time",
    input: ccpaJan30,
    events: [{ type: "extend", at: "2026-03-15T20:00:00-07:00", reason: "Backups must be restored." }],
    due: "2026-04-29",
  },
  {
    title: "US_FL: default is only +15 days → Mon 30 Mar",
    input: { jurisdiction: "US_FL", receivedAt: "2026-01-30T15:00:00Z", timeZone: "America/New_York", holidayRegion: "US-FL" },
    events: [{ type: "extend", at: "2026-02-20T15:00:00Z", reason: "Many requests this month." }],
    due: "2026-03-30",
  },
  {
    title: "US_IA: 90 days + 45 → Sat 13 Jun",
    input: { jurisdiction: "US_IA", receivedAt: "2026-01-30T16:00:00Z", timeZone: "America/Chicago", holidayRegion: "US-IA" },
    events: [{ type: "extend", at: "2026-03-01T16:00:00Z", reason: "Complex request." }],
    due: "2026-06-13",
  },
  {
    title: "CA_PIPEDA: 30 days + 30 → Wed 1 Apr",
    input: { jurisdiction: "CA_PIPEDA", receivedAt: "2026-02-01T15:00:00Z", timeZone: "America/Toronto", holidayRegion: "CA-ON" },
    events: [{ type: "extend", at: "2026-02-20T15:00:00Z", reason: "Consultation needed." }],
    due: "2026-04-01",
    noticeBy: "2026-03-02",
  },
  {
    title: "CH_FADP: the 30-day cap is the engine's choice and the explanation says so",
    input: { jurisdiction: "CH_FADP", receivedAt: "2026-07-15T08:00:00Z", timeZone: "Europe/Zurich", holidayRegion: "CH-ZH" },
    events: [{ type: "extend", at: "2026-07-20T08:00:00Z", reason: "Data held abroad." }],
    due: "2026-09-12",
    says: "sets no maximum",
  },
];

describe.each([
  ["pauses (rule 5)", pauses],
  ["restarts (rule 6)", restarts],
  ["extensions (rule 7)", extensions],
])("%s", (_group, rows) => {
  it.each(rows)("$title", ({ input, events, due, noticeBy, max, extended, paused, says }) => {
    const result = computeDeadline({ requestType: "access", ...input, events });
    expect(result.dueDate).toBe(due);
    if (noticeBy !== undefined) expect(result.extensionNoticeBy).toBe(noticeBy);
    if (max !== undefined) expect(result.maxExtendedDueDate).toBe(max);
    if (extended !== undefined) expect(result.extended).toBe(extended);
    if (paused !== undefined) expect(result.paused).toBe(paused);
    if (says !== undefined) expect(result.explanation.join(" ")).toContain(says);
  });
});
