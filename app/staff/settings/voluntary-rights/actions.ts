"use server";
// Admins save the rights the company honours for everyone.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { REQUEST_TYPES } from "@/lib/deadlines/index.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { saveVoluntaryRights } from "@/lib/requests/save-voluntary-rights.ts";
import { voluntaryRightsFormSchema } from "./actions.schema.ts";

export async function saveVoluntaryRightsAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", voluntaryRightsFormSchema, formData, async (voluntary, me) => {
    await saveVoluntaryRights({ voluntary, actor: actorOf(me) });
    revalidatePath("/staff/settings/voluntary-rights");
    const t = translator(await staffLocale());
    const rights = REQUEST_TYPES.filter((right) => voluntary.rights[right]).map((right) => t(`staffSettings.right.${right}`));
    return rights.length === 0
      ? t("staffSettings.voluntary.savedNone")
      : t("staffSettings.voluntary.savedSome", { rights: rights.join(", ") });
  });
}
