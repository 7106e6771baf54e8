"use server";
// Admins save the auto-approval policy, or go back to the environment default.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { saveAutoApprovalPolicy } from "@/lib/requests/save-auto-approval-policy.ts";
import { autoApprovalFormSchema, resetFormSchema } from "./actions.schema.ts";

const PAGE = "/staff/settings/auto-approval";

export async function saveAutoApprovalAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", autoApprovalFormSchema, formData, async (policy, me) => {
    await saveAutoApprovalPolicy({ policy, actor: actorOf(me) });
    revalidatePath(PAGE);
    const rights = Object.keys(policy.rights);
    return rights.length === 0
      ? "Saved: every request now waits for staff."
      : `Saved: ${rights.join(", ")} requests are approved without review where chosen.`;
  });
}

export async function resetAutoApprovalAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", resetFormSchema, formData, async (_input, me) => {
    await saveAutoApprovalPolicy({ policy: null, actor: actorOf(me) });
    revalidatePath(PAGE);
    return "Back to the default set by AUTO_APPROVE_RIGHTS.";
  });
}
