"use server";
// Bulk decisions from the dashboard. The button pressed says which permission the action needs
// (approve and deny: requests.decide; assign: requests.assign); runStaffAction checks it before
// anything else, and runBulkAction checks it again for any other caller.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import type { BulkResult } from "@/lib/staff/bulk-action.schema.ts";
import { bulkPermission, runBulkAction } from "@/lib/staff/run-bulk-action.ts";
import { bulkFormSchema, bulkIntentSchema } from "./actions.schema.ts";

export async function bulkAction(_previous: unknown, formData: FormData): Promise<ActionResult<BulkResult>> {
  const intent = bulkIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) {
    return { ok: false, error: { code: "VALIDATION_FAILED", message: "Choose what to do with the selected requests." } };
  }
  return runStaffAction(bulkPermission[intent.data], bulkFormSchema, formData, async (input, me) => {
    const result = await runBulkAction({ input, principal: me });
    revalidatePath("/staff/requests");
    return result;
  });
}
