// Parses staff API input and answers a 400 that names every invalid or unknown field, with the
// schema's own message (English: the staff side is English). Same shape as the public API's.
import type { z } from "zod";
import { AppError, type FieldIssue } from "../errors.ts";
import { validationMessage } from "../i18n/validation-messages.ts";

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error);
}

/** A ZodError (ours, or a service's own check) as the 400 the API answers. */
export function validationError(error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "Unknown field: remove it or check its spelling." }));
    }
    // Schemas shared with the public side carry message keys (validation.*) rather than text.
    const message = issue.message.startsWith("validation.") ? validationMessage("en", issue.message) : issue.message;
    return [{ path: base.join("."), message }];
  });
  const named = issues.map((issue) => issue.path || "body").join(", ");
  return new AppError("VALIDATION_FAILED", `Invalid ${named}: ${issues[0]?.message ?? ""}`.trim(), { issues });
}

/** A query string as an object: empty values are left out, a repeated name becomes a comma-separated list. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (value.trim() === "") continue;
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

const REFERENCE_SHAPE = /^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** A reference from the path in any letter case; one that cannot exist is simply not found. */
export function parseReference(raw: string | undefined): string {
  const reference = (raw ?? "").trim().toUpperCase();
  if (!REFERENCE_SHAPE.test(reference)) throw new AppError("NOT_FOUND", `No request has the reference ${reference.slice(0, 40)}.`);
  return reference;
}
