"use server";
// The invited person's form. No session exists yet: the link's token is the permission, checked
// (and throttled per address) by the service.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/auth/staff-action.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { acceptStaffInvite } from "@/lib/staff-users/accept-staff-invite.ts";
import type { AuthFormState } from "../../auth-actions.schema.ts";
import { refusalState } from "../../auth-form-state.ts";
import { acceptInviteSchema } from "./actions.schema.ts";

export async function acceptInviteAction(token: string, _previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const { password } = acceptInviteSchema.parse(formData instanceof FormData ? formDataToObject(formData) : formData);
    await acceptStaffInvite({ token: String(token), password, address: clientAddress(await headers()) });
  } catch (error) {
    return refusalState(error);
  }
  redirect("/staff/sign-in");
}
