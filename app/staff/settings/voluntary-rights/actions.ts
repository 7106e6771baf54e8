"use server";
// Admins save the rights the company honours for everyone.
import { revalidatePath } from "next/cache";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { REQUEST_TYPES } from "@/lib/deadlines/index.ts";
import { saveVoluntaryRights } from "@/lib/requests/save-voluntary-rights.ts";
import { rightNames } from "../right-names.ts";
import { voluntaryRightsFormSchema } from "./actions.schema.ts";

export async function saveVoluntaryRightsAction(_previous: unknown, formData: FormData): Promise<ActionResult<string>> {
  return runStaffAction("settings.manage", voluntaryRightsFormSchema, formData, async (voluntary, me) => {
    await saveVoluntaryRights({ voluntary, actor: actorOf(me) });
    revalidatePath("/staff/settings/voluntary-rights");
    const rights = REQUEST_TYPES.filter((right) => voluntary.rights[right]).map((right) => rightNames[right]);
    return rights.length === 0
      ? "Saved: people are offered only the rights the law of their place of residence grants."
      : `Saved: ${rights.join(", ")} offered to everyone, wherever they live.`;
  });
}
