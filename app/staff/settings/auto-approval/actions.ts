"use server";
// Admins save the auto-approval policy, or go back to the environment default.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import type { RequestType } from "@/lib/deadlines/index.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { saveAutoApprovalPolicy } from "@/lib/requests/save-auto-approval-policy.ts";
import { autoApprovalFormSchema, resetFormSchema } from "./actions.schema.ts";

const PAGE = "/staff/settings/auto-approval";

export async function saveAutoApprovalAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", autoApprovalFormSchema, formData, async (policy, me) => {
    await saveAutoApprovalPolicy({ policy, actor: actorOf(me) });
    revalidatePath(PAGE);
    const t = translator(await staffLocale());
    const rights = (Object.keys(policy.rights) as RequestType[]).map((right) => t(`staffSettings.right.${right}`));
    return rights.length === 0
      ? t("staffSettings.autoApproval.savedNone")
      : t("staffSettings.autoApproval.savedSome", { rights: rights.join(", ") });
  });
}

export async function resetAutoApprovalAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", resetFormSchema, formData, async (_input, me) => {
    await saveAutoApprovalPolicy({ policy: null, actor: actorOf(me) });
    revalidatePath(PAGE);
    return translator(await staffLocale())("staffSettings.autoApproval.reset");
  });
}
