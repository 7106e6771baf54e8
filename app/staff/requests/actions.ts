"use server";
// Bulk decisions from the dashboard. The button pressed says which permission the action needs
// (approve and deny: requests.decide; assign: requests.assign); runStaffAction checks it before
// anything else, and runBulkAction checks it again for any other caller.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import type { BulkResult } from "@/lib/staff/bulk-action.schema.ts";
import { type BulkDenialPreview, previewBulkDenial } from "@/lib/staff/preview-bulk-denial.ts";
import { bulkPermission, runBulkAction } from "@/lib/staff/run-bulk-action.ts";
import { bulkFormSchema, bulkIntentSchema } from "./actions.schema.ts";

export async function bulkAction(_previous: unknown, formData: FormData): Promise<ActionResult<BulkResult | BulkDenialPreview>> {
  // Who may do it is checked before the input is read: without a valid button, the stricter
  // permission applies and the schema then names the missing choice.
  const intent = bulkIntentSchema.safeParse(formData instanceof FormData ? formData.get("intent") : undefined);
  const permission = intent.success && intent.data !== "deny-send" ? bulkPermission[intent.data] : "requests.decide";
  return runStaffAction(permission, bulkFormSchema, formData, async (input, me) => {
    // A refusal is sent only from the confirmation, after staff have read the email.
    if (input.action === "deny" && intent.data !== "deny-send") return previewBulkDenial(input);
    const result = await runBulkAction({ input, principal: me, locale: await staffLocale() });
    revalidatePath("/staff/requests");
    return result;
  });
}
