// The bodies of the http protocol (described at the top of index.ts): what the portal sends and
// what the system answers, at once (200) or later on its callback. Answers are parsed, never
// trusted: unknown keys are dropped so nothing unexpected reaches a receipt.
import { z } from "zod";
import {
  type AccessRecord,
  type EraseReceipt,
  PREFERENCE_KINDS,
  type PreferenceKind,
  type PreferenceReceipt,
  type RectifyReceipt,
} from "../connector.ts";

export const httpActions = ["access", "erasure", "rectification", "portability", ...PREFERENCE_KINDS, "test"] as const;
export type HttpAction = (typeof httpActions)[number];

/** The actions that carry a result: the ones a callback can answer. */
export type ResultAction = Exclude<HttpAction, "test">;

/**
 * Proven identifiers only: the verified email, and a confirmed account id (index.ts). An opt-out
 * relayed by account id alone has no email; every other request has one.
 */
const subjectSchema = z
  .object({
    email: z.email().optional(),
    accountId: z.string().optional(),
  })
  .refine((subject) => subject.email !== undefined || subject.accountId !== undefined, "subject: an email, an accountId, or both");

const correctionSchema = z.object({ field: z.string(), correctValue: z.string(), currentValue: z.string().optional() });

/** What the portal POSTs for a request's action. */
export const actionBodySchema = z.object({
  requestId: z.string(),
  taskId: z.string(),
  reference: z.string(),
  action: z.enum(["access", "erasure", "rectification", "portability", ...PREFERENCE_KINDS]),
  subject: subjectSchema,
  corrections: z.array(correctionSchema).optional(),
  callbackUrl: z.url(),
});

/** What the portal POSTs from "test connection": no person, nothing to call back. */
export const testBodySchema = z.object({
  requestId: z.null(),
  taskId: z.null(),
  reference: z.null(),
  action: z.literal("test"),
  subject: z.null(),
  callbackUrl: z.null(),
});

export const requestBodySchema = z.discriminatedUnion("action", [actionBodySchema, testBodySchema]);
export type HttpRequestBody = z.infer<typeof requestBodySchema>;

const count = z.number().int().min(0);
const name = z.string().trim().min(1).max(200);

export const accessResultSchema = z.object({
  records: z.array(z.object({ category: name, fields: z.record(z.string(), z.unknown()) })),
});

export const eraseResultSchema = z.object({
  affected: count,
  details: z.array(
    z.object({
      category: name,
      strategy: z.enum(["delete", "mask", "retain"]),
      rows: count,
      // A retained row needs a reason a person can read (a legal hold, an open invoice).
      reason: z.string().max(1000).optional(),
    }),
  ),
});

export const rectifyResultSchema = z.object({
  applied: z.array(z.object({ field: name, category: name, column: name, rows: count })),
  unmapped: z.array(z.string().max(200)),
});

/** Opt-out, limit, restriction, objection: what was switched off where. */
export const preferenceResultSchema = z.object({
  switchedOff: z.array(
    z.object({
      category: name,
      settings: z.record(z.string().max(200), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])),
      rows: count,
    }),
  ),
});

export type CallbackResult<A extends ResultAction> = A extends "access" | "portability"
  ? AccessRecord[]
  : A extends "erasure"
    ? EraseReceipt
    : A extends PreferenceKind
      ? PreferenceReceipt
      : RectifyReceipt;

/** Where an answer is wrong, e.g. `details[0].strategy: Invalid option: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${formatPath(issue.path) || "(body)"}: ${issue.message}`)
    .join("; ");
}

function formatPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`)).join("");
}

/**
 * The validated result of an action, from a 200 answer or a callback; throws an Error naming the
 * wrong field. Access records get `source: ""`: the caller knows which connector it ran.
 */
export function parseResult<A extends ResultAction>(action: A, json: unknown): CallbackResult<A>;
export function parseResult(action: ResultAction, json: unknown): AccessRecord[] | EraseReceipt | RectifyReceipt | PreferenceReceipt {
  if (action === "access" || action === "portability") {
    const records = parseWith(accessResultSchema, action, json).records;
    return records.map((record) => ({ source: "", category: record.category, fields: record.fields }));
  }
  if (action === "erasure") return parseWith(eraseResultSchema, action, json);
  if (action === "rectification") return parseWith(rectifyResultSchema, action, json);
  if ((PREFERENCE_KINDS as readonly string[]).includes(action)) {
    return { kind: action as PreferenceKind, ...parseWith(preferenceResultSchema, action, json) };
  }
  throw new Error(`Unknown action "${String(action)}": expected access, portability, erasure or rectification`);
}

function parseWith<T>(schema: z.ZodType<T>, action: ResultAction, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`Malformed ${action} result: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
