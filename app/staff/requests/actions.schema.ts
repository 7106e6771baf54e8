// The dashboard's bulk form as the server action receives it: the ticked boxes (`reference`), the
// button pressed (`intent`) and that action's fields, shaped into lib/staff's bulk action.
import { z } from "zod";
import { bulkActionSchema } from "@/lib/staff/bulk-action.schema.ts";

/** `deny` shows the email first; `deny-send` sends the refusals once staff have read it. */
export const bulkIntentSchema = z.enum(["approve", "deny", "deny-send", "assign"], {
  message: "Choose what to do with the selected requests.",
});

export const bulkFormSchema = z.preprocess((value) => {
  const form = (value ?? {}) as Record<string, unknown>;
  return {
    action: form.intent === "deny-send" ? "deny" : form.intent,
    references: form.reference,
    reason: form.reason,
    message: form.message,
    assigneeEmail: form.assigneeEmail,
  };
}, bulkActionSchema);
