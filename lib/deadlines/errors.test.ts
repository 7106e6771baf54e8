import { describe, expect, it } from "vitest";
import { computeDeadline } from "./compute-deadline.ts";
import { DeadlineError, type DeadlineErrorCode } from "./errors.ts";
import type { DeadlineInput } from "./input.ts";

const PARIS = { timeZone: "Europe/Paris", holidayRegion: "FR" } as const;
const LA = { timeZone: "America/Los_Angeles", holidayRegion: "US-CA" } as const;
const gdprMarch9 = { jurisdiction: "EU_GDPR", requestType: "access", receivedAt: "2026-03-09T10:00:00Z", ...PARIS } as const; // due 9 Apr, max 9 Jun
const ccpaJan30 = { jurisdiction: "US_CA", requestType: "access", receivedAt: "2026-01-30T18:00:00Z", ...LA } as const; // due 15 Mar, max 29 Apr

type Row = { title: string; input: unknown; code: DeadlineErrorCode; mentions: string[] };

function refusal(input: unknown): DeadlineError {
  try {
    computeDeadline(input as DeadlineInput);
  } catch (error) {
    if (error instanceof DeadlineError) return error;
    throw error;
  }
  throw new Error("expected a DeadlineError");
}

const extensionRefusals: Row[] = [
  {
    title: "Quebec allows no extension",
    input: {
      jurisdiction: "CA_QC",
      requestType: "access",
      receivedAt: "2026-05-26T15:00:00Z",
      timeZone: "America/Toronto",
      holidayRegion: "CA-QC",
      events: [{ type: "extend", at: "2026-06-01T15:00:00Z", reason: "Busy." }],
    },
    code: "EXTENSION_NOT_ALLOWED",
    mentions: ["CA_QC allows no extension", "2026-06-24"],
  },
  {
    title: "the LGPD allows no extension",
    input: {
      jurisdiction: "BR_LGPD",
      requestType: "access",
      receivedAt: "2026-12-24T13:00:00Z",
      timeZone: "America/Sao_Paulo",
      holidayRegion: "BR",
      events: [{ type: "extend", at: "2026-12-28T13:00:00Z", reason: "Holidays." }],
    },
    code: "EXTENSION_NOT_ALLOWED",
    mentions: ["BR_LGPD", "2027-01-07"],
  },
  {
    title: "the CCPA allows one extension only",
    input: {
      ...ccpaJan30,
      events: [
        { type: "extend", at: "2026-02-10T18:00:00Z", reason: "Backups.", days: 10 },
        { type: "extend", at: "2026-02-20T18:00:00Z", reason: "More backups.", days: 10 },
      ],
    },
    code: "EXTENSION_NOT_ALLOWED",
    mentions: ["one extension only", "2026-02-10"],
  },
  {
    title: "a GDPR notice the day after the first month is too late",
    input: { ...gdprMarch9, events: [{ type: "extend", at: "2026-04-10T10:00:00Z", reason: "Complex." }] },
    code: "EXTENSION_TOO_LATE",
    mentions: ["2026-04-10", "2026-04-09"],
  },
  {
    title: "a CCPA notice on day 46 is too late",
    input: { ...ccpaJan30, events: [{ type: "extend", at: "2026-03-16T18:00:00Z", reason: "Backups." }] },
    code: "EXTENSION_TOO_LATE",
    mentions: ["2026-03-16", "2026-03-15"],
  },
  {
    title: "3 more months under the GDPR is beyond the maximum",
    input: { ...gdprMarch9, events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "Complex.", months: 3 }] },
    code: "EXTENSION_BEYOND_MAXIMUM",
    mentions: ["2026-07-09", "2026-06-09"],
  },
  {
    title: "2 months and 1 day under the GDPR is beyond the maximum",
    input: { ...gdprMarch9, events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "Complex.", months: 2, days: 1 }] },
    code: "EXTENSION_BEYOND_MAXIMUM",
    mentions: ["2026-06-10", "2026-06-09"],
  },
  {
    title: "a second GDPR notice after the maximum has nothing left to give",
    input: {
      ...gdprMarch9,
      events: [
        { type: "extend", at: "2026-03-20T10:00:00Z", reason: "Complex." },
        { type: "extend", at: "2026-03-25T10:00:00Z", reason: "Still complex." },
      ],
    },
    code: "EXTENSION_BEYOND_MAXIMUM",
    mentions: ["already reaches 2026-06-09"],
  },
  {
    title: "46 more days under the CCPA is beyond the maximum",
    input: { ...ccpaJan30, events: [{ type: "extend", at: "2026-02-10T18:00:00Z", reason: "Backups.", days: 46 }] },
    code: "EXTENSION_BEYOND_MAXIMUM",
    mentions: ["2026-04-30", "2026-04-29"],
  },
  {
    title: "16 more days in Florida is beyond the maximum",
    input: {
      jurisdiction: "US_FL",
      requestType: "access",
      receivedAt: "2026-01-30T15:00:00Z",
      timeZone: "America/New_York",
      holidayRegion: "US-FL",
      events: [{ type: "extend", at: "2026-02-10T15:00:00Z", reason: "Backups.", days: 16 }],
    },
    code: "EXTENSION_BEYOND_MAXIMUM",
    mentions: ["2026-03-31", "2026-03-30"],
  },
];

const badInput: Row[] = [
  {
    title: "an unknown jurisdiction",
    input: { ...gdprMarch9, jurisdiction: "US_NY" },
    code: "UNKNOWN_JURISDICTION",
    mentions: ["jurisdiction", "US_NY", "EU_GDPR"],
  },
  {
    title: "an instant without an offset",
    input: { ...gdprMarch9, receivedAt: "2026-03-09T10:00:00" },
    code: "INVALID_INSTANT",
    mentions: ["receivedAt", "2026-03-09T10:00:00"],
  },
  {
    title: "a day that does not exist",
    input: { ...gdprMarch9, receivedAt: "2026-02-30T10:00:00Z" },
    code: "INVALID_INSTANT",
    mentions: ["receivedAt", "2026-02-30"],
  },
  {
    title: "an event at a time that is not an instant",
    input: { ...gdprMarch9, events: [{ type: "pause", at: "yesterday" }] },
    code: "INVALID_INSTANT",
    mentions: ["events.0.at", "yesterday"],
  },
  {
    title: "an instant before 1970",
    input: { ...gdprMarch9, receivedAt: "1969-12-31T10:00:00Z" },
    code: "INVALID_INSTANT",
    mentions: ["1969-12-31"],
  },
  {
    title: "an unknown time zone",
    input: { ...gdprMarch9, timeZone: "Europe/Atlantis" },
    code: "UNKNOWN_TIME_ZONE",
    mentions: ["Europe/Atlantis"],
  },
  {
    title: "an unknown holiday region",
    input: { ...gdprMarch9, holidayRegion: "GB-XYZ" },
    code: "UNKNOWN_HOLIDAY_REGION",
    mentions: ["GB-XYZ"],
  },
  {
    title: "an unknown country for holidays",
    input: { ...gdprMarch9, holidayRegion: "ZZ" },
    code: "UNKNOWN_HOLIDAY_REGION",
    mentions: ["ZZ"],
  },
  {
    title: "an event before the receipt",
    input: { ...gdprMarch9, events: [{ type: "pause", at: "2026-03-08T10:00:00Z" }] },
    code: "EVENTS_OUT_OF_ORDER",
    mentions: ["events.0", "2026-03-08T10:00:00Z", "receipt"],
  },
  {
    title: "events out of time order",
    input: {
      ...gdprMarch9,
      events: [
        { type: "pause", at: "2026-03-12T10:00:00Z" },
        { type: "resume", at: "2026-03-11T10:00:00Z" },
      ],
    },
    code: "EVENTS_OUT_OF_ORDER",
    mentions: ["events.1", "2026-03-11T10:00:00Z"],
  },
  {
    title: "an answer with no question",
    input: { ...gdprMarch9, events: [{ type: "resume", at: "2026-03-12T10:00:00Z" }] },
    code: "RESUME_WITHOUT_PAUSE",
    mentions: ["events.0", "2026-03-12"],
  },
  {
    title: "a second pause before the answer",
    input: {
      ...gdprMarch9,
      events: [
        { type: "pause", at: "2026-03-12T10:00:00Z" },
        { type: "pause", at: "2026-03-13T10:00:00Z" },
      ],
    },
    code: "PAUSE_ALREADY_OPEN",
    mentions: ["2026-03-13", "2026-03-12"],
  },
  {
    title: "a CCPA extension in months",
    input: { ...ccpaJan30, events: [{ type: "extend", at: "2026-02-10T18:00:00Z", reason: "Backups.", months: 1 }] },
    code: "INVALID_INPUT",
    mentions: ["days"],
  },
  {
    title: "an extension without a reason",
    input: { ...gdprMarch9, events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "  " }] },
    code: "INVALID_INPUT",
    mentions: ["events.0.reason"],
  },
  {
    title: "an extension of zero days",
    input: { ...gdprMarch9, events: [{ type: "extend", at: "2026-03-20T10:00:00Z", reason: "Complex.", days: 0 }] },
    code: "INVALID_INPUT",
    mentions: ["events.0.days"],
  },
  {
    title: "a request type the engine does not know",
    input: { ...gdprMarch9, requestType: "shredding" },
    code: "INVALID_INPUT",
    mentions: ["requestType", "shredding", "access"],
  },
  {
    title: "a missing field",
    input: { jurisdiction: "EU_GDPR", requestType: "access", timeZone: "Europe/Paris", holidayRegion: "FR" },
    code: "INVALID_INPUT",
    mentions: ["receivedAt is missing"],
  },
  {
    title: "an unknown event type",
    input: { ...gdprMarch9, events: [{ type: "cancel", at: "2026-03-20T10:00:00Z" }] },
    code: "INVALID_INPUT",
    mentions: ["events.0.type"],
  },
];

describe.each([
  ["extensions the law refuses", extensionRefusals],
  ["input that cannot be computed", badInput],
])("%s", (_group, rows) => {
  it.each(rows)("$title → $code", ({ input, code, mentions }) => {
    const error = refusal(input);
    expect(error.name).toBe("DeadlineError");
    expect(error.code).toBe(code);
    for (const text of mentions) expect(error.message).toContain(text);
  });
});
