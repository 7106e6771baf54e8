// The dashboard's bulk form as the server action receives it: the ticked boxes (`reference`), the
// button pressed (`intent`) and that action's fields, shaped into lib/staff's bulk action.
import { z } from "zod";
import { bulkActionSchema } from "@/lib/staff/bulk-action.schema.ts";

export const bulkIntentSchema = z.enum(["approve", "deny", "assign"], { message: "Choose what to do with the selected requests." });

export const bulkFormSchema = z.preprocess((value) => {
  const form = (value ?? {}) as Record<string, unknown>;
  return {
    action: form.intent,
    references: form.reference,
    reason: form.reason,
    message: form.message,
    assigneeEmail: form.assigneeEmail,
  };
}, bulkActionSchema);
