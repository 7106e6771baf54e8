import { z } from "zod";
import { DeadlineError, type DeadlineErrorCode } from "./errors.ts";
import { EXPLANATION_LANGUAGES } from "./explanation-phrases.ts";
import { JURISDICTIONS } from "./rules.ts";
import { REQUEST_TYPES } from "./types.ts";

// An instant must carry its offset: "2026-01-31T23:30:00" alone would be read in the server's zone.
const instant = z.iso.datetime({ offset: true });
const positiveWhole = z.int().positive({ error: "give a whole number, 1 or more" });

export const clockEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pause"), at: instant }),
  z.object({ type: z.literal("resume"), at: instant }),
  z.object({ type: z.literal("restart"), at: instant }),
  z.object({
    type: z.literal("extend"),
    at: instant,
    // The law requires the reasons to be told to the person, so an extension without one is refused.
    reason: z.string().trim().min(1, { error: "give the reason told to the person" }),
    days: positiveWhole.optional(),
    months: positiveWhole.optional(),
  }),
]);

export const deadlineInputSchema = z.object({
  jurisdiction: z.enum(JURISDICTIONS),
  requestType: z.enum(REQUEST_TYPES),
  receivedAt: instant,
  timeZone: z.string().trim().min(1),
  holidayRegion: z.string().trim().min(1),
  events: z.array(clockEventSchema).optional(),
  /** The language of the explanation (English by default); the dates and the result are the same. */
  language: z.enum(EXPLANATION_LANGUAGES).optional(),
});

export type DeadlineInput = z.infer<typeof deadlineInputSchema>;
export type ClockEvent = z.infer<typeof clockEventSchema>;

const EARLIEST_INSTANT_MS = Date.UTC(1970, 0, 1);

/** Validates the boundary and turns zod's issues into the one error type callers handle. */
export function parseDeadlineInput(raw: unknown): DeadlineInput {
  const parsed = deadlineInputSchema.safeParse(raw);
  if (!parsed.success) throw toDeadlineError(parsed.error, raw);
  const input = parsed.data;
  assertInRange(input.receivedAt, "receivedAt");
  assertEventOrder(input);
  return input;
}

function toDeadlineError(error: z.ZodError, raw: unknown): DeadlineError {
  const issue = error.issues[0];
  const path = issue.path.join(".");
  const value = valueAt(raw, issue.path);
  const shown = value === undefined ? "missing" : JSON.stringify(value);
  let code: DeadlineErrorCode = "INVALID_INPUT";
  let hint = issue.message;
  if (path === "jurisdiction") {
    code = "UNKNOWN_JURISDICTION";
    hint = `use one of ${JURISDICTIONS.join(", ")}`;
  } else if (issue.code === "invalid_format" && (path === "receivedAt" || /^events\.\d+\.at$/.test(path))) {
    code = "INVALID_INSTANT";
    hint = "use an ISO 8601 instant with seconds and an offset, e.g. 2026-01-31T23:30:00Z or 2026-02-01T00:30:00+01:00";
  } else if (path === "requestType") {
    hint = `use one of ${REQUEST_TYPES.join(", ")}`;
  }
  return new DeadlineError(code, `${path || "input"} is ${shown === "missing" ? "missing" : `invalid (${shown})`}: ${hint}.`);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function assertInRange(value: string, field: string): void {
  if (Date.parse(value) < EARLIEST_INSTANT_MS) {
    throw new DeadlineError("INVALID_INSTANT", `${field} (${value}) is before 1970; check the date.`);
  }
}

function assertEventOrder(input: DeadlineInput): void {
  let previousMs = Date.parse(input.receivedAt);
  let previousLabel = `the receipt (${input.receivedAt})`;
  for (const [index, event] of (input.events ?? []).entries()) {
    const atMs = Date.parse(event.at);
    if (atMs < previousMs) {
      throw new DeadlineError(
        "EVENTS_OUT_OF_ORDER",
        `events.${index} (${event.type} at ${event.at}) is earlier than ${previousLabel}: list events in time order, none before the receipt.`,
      );
    }
    previousMs = atMs;
    previousLabel = `events.${index} (${event.type} at ${event.at})`;
  }
}
