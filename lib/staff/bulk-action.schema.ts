// What a bulk action on the dashboard carries: the requests chosen and what to do with them.
// Client-safe (zod only), shared by the server action and the service, which validates again.
import { z } from "zod";
import { DenialReason } from "../generated/prisma/enums.ts";
import { safeText } from "../http/safe-text.ts";

/** A page holds at most 100 rows, and a selection never spans pages. */
export const BULK_MAX = 100;

const reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/, "not a request reference (like DSR-7K3M-Q9PX)");

/** One ticked box arrives as a string, several as an array; repeats count once. */
export const referencesSchema = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(reference)
    .min(1, "Select at least one request.")
    .max(BULK_MAX, `Select at most ${BULK_MAX} requests at a time.`)
    .transform((list) => [...new Set(list)]),
);

export const bulkActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("approve"), references: referencesSchema }),
    z.object({
      action: z.literal("deny"),
      references: referencesSchema,
      reason: z.enum(DenialReason, { message: `Choose a reason: ${Object.values(DenialReason).join(", ")}.` }),
      /** Shown to each person under the reason; required with OTHER (deny-request.ts says so per row). */
      message: safeText({ multiline: true }).trim().max(5000, "Keep the message under 5,000 characters.").optional(),
    }),
    z.object({
      action: z.literal("assign"),
      references: referencesSchema,
      /** A staff member's email; empty to unassign. */
      assigneeEmail: safeText().trim().max(320),
    }),
  ],
  { message: "Choose what to do with the selected requests: approve, deny or assign." },
);

export type BulkAction = z.output<typeof bulkActionSchema>;
export type BulkActionName = BulkAction["action"];

export type BulkResult = {
  action: BulkActionName;
  done: string[];
  /** Assignments that were already as asked. */
  unchanged: string[];
  refused: Array<{ reference: string; message: string }>;
  /** e.g. "3 approved, 1 refused: Request DSR-… is denied and cannot become approved." */
  summary: string;
};
