// What integrations send to the staff API: the list's query and each action's body. Route
// handlers parse with these objects and the OpenAPI document is generated from the same ones.
// Enum values are accepted in any letter case (the public API names them in lower case).
import { z } from "zod";
import { JURISDICTIONS } from "../deadlines/index.ts";
import { DenialReason, RequestStatus } from "../generated/prisma/enums.ts";
import { safeText } from "../http/safe-text.ts";
import { askForInformationSchema } from "../requests/ask-for-information.ts";
import { CLOSE_MESSAGE_MAX } from "../requests/close-request.ts";
import { DENIAL_MESSAGE_MAX } from "../requests/deny-request.ts";
import { extendDeadlineSchema } from "../requests/extend-deadline.ts";
import { requestTypes } from "../requests/request-input.schema.ts";

/** A database enum's values as the API names them: lower case, in declaration order. */
export function lowerNames<const E extends Record<string, string>>(values: E) {
  return Object.values(values).map((value) => value.toLowerCase()) as [Lowercase<E[keyof E]>, ...Array<Lowercase<E[keyof E]>>];
}

export const requestStatusNames = lowerNames(RequestStatus);
export const denialReasonNames = lowerNames(DenialReason);

export const closeOutcomeNames = ["fulfilled", "partially_fulfilled"] as const;

export const listSortFields = ["dueDate", "receivedAt", "reference", "status"] as const;

export const MAX_PAGE_SIZE = 100;

/** One enum value in any letter case; the document lists the canonical (lower-case) values. */
function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values))
    .meta({ enum: [...values], description: `One of ${values.join(", ")} (any letter case).` });
}

/** A comma-separated list, e.g. `verified,AWAITING_SUBJECT`; an unknown value is named in the error. */
function listOf<const T extends readonly string[]>(values: T, normalise: (value: string) => string, what: string) {
  return z
    .string()
    .transform((text, ctx) => {
      const items = [...new Set(text.split(",").map((part) => normalise(part.trim())))];
      const unknown = items.filter((item) => !values.includes(item));
      if (unknown.length === 0) return items as Array<T[number]>;
      ctx.addIssue({ code: "custom", message: `Unknown ${what} ${unknown.map((u) => `"${u}"`).join(", ")}: use ${values.join(", ")}.` });
      return z.NEVER;
    })
    .meta({ description: `Comma-separated (or repeated), any of: ${values.join(", ")}; any letter case.` });
}

const lowerCase = (value: string) => value.toLowerCase();
const upperCase = (value: string) => value.toUpperCase();

const positiveInt = (max: number) => z.coerce.number("Must be a whole number.").int("Must be a whole number.").min(1).max(max);

/** `GET /api/v1/requests` query. Unknown parameters are refused so a typo is not silently ignored. */
export const listRequestsQuerySchema = z.strictObject({
  status: listOf(requestStatusNames, lowerCase, "status").optional(),
  type: listOf(requestTypes, lowerCase, "right").optional(),
  jurisdiction: listOf(JURISDICTIONS, upperCase, "jurisdiction").optional(),
  dueBefore: z.iso
    .date("Use a date as YYYY-MM-DD.")
    .optional()
    .meta({ description: "Only requests due strictly before this day (YYYY-MM-DD)." }),
  sort: z.enum(listSortFields).default("dueDate"),
  order: caseInsensitiveEnum(["asc", "desc"]).default("asc"),
  page: positiveInt(1_000_000).default(1).meta({ description: "1-based page number." }),
  pageSize: positiveInt(MAX_PAGE_SIZE)
    .default(25)
    .meta({ description: `Rows per page, at most ${MAX_PAGE_SIZE}.` }),
});
export type ListRequestsQuery = z.output<typeof listRequestsQuerySchema>;

/** `POST …/approve`: no fields; an empty body or `{}`. */
export const approveBodySchema = z.strictObject({});

/** `POST …/deny`. The message is required with the reason `other` (checked by the service). */
export const denyBodySchema = z.strictObject({
  reason: caseInsensitiveEnum(denialReasonNames),
  message: safeText({ multiline: true })
    .max(DENIAL_MESSAGE_MAX)
    .optional()
    .meta({ description: "Shown to the person under the reason; at least 10 characters with the reason `other`." }),
});

/** `POST …/extend`: the reasons the person reads, and optionally how long (default: the most the law allows). */
export const extendBodySchema = z.strictObject(extendDeadlineSchema.shape);

/** `POST …/request-information`. */
export const requestInformationBodySchema = z.strictObject(askForInformationSchema.shape);

/** `POST …/assign`: a staff member's email, or null to unassign. */
export const assignBodySchema = z.strictObject({
  userEmail: z.email("Give a staff member's email address, or null to unassign.").nullable(),
});

/** `POST …/confirm-account-id`: the account number the person typed is theirs (true), or not confirmed after all (false). */
export const confirmAccountIdBodySchema = z.strictObject({
  confirmed: z
    .boolean("Give confirmed: true to confirm the account number is the person's, or false to take a confirmation back.")
    .default(true)
    .meta({ description: "Default true. Only a confirmed account number is given to connectors to find the person's data." }),
});

/** `POST …/close`. The message is required for a partial answer (checked by the service). */
export const closeBodySchema = z.strictObject({
  outcome: caseInsensitiveEnum(closeOutcomeNames),
  message: safeText({ multiline: true })
    .max(CLOSE_MESSAGE_MAX)
    .optional()
    .meta({ description: "Shown to the person; for `partially_fulfilled`, what was not done and why (at least 10 characters)." }),
});
