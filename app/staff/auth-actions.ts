"use server";
import { revalidatePath } from "next/cache";
// Sign-in, second factor, password and two-factor management. These act on the caller's own
// session, so they check the session themselves instead of a permission.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { changeStaffPassword } from "@/lib/auth/change-staff-password.ts";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes.ts";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { revokeAllStaffSessions, revokeStaffSession } from "@/lib/auth/revoke-staff-sessions.ts";
import { confirmTwoFactorSetup } from "@/lib/auth/set-up-two-factor.ts";
import { signInStaff } from "@/lib/auth/sign-in-staff.ts";
import { actionError, formDataToObject } from "@/lib/auth/staff-action.ts";
import { STAFF_SESSION_COOKIE, staffSessionCookieOptions } from "@/lib/auth/staff-session-cookie.ts";
import { turnOffTwoFactor } from "@/lib/auth/turn-off-two-factor.ts";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor.ts";
import { db } from "@/lib/db.ts";
import { appendAuditEvent } from "@/lib/evidence/append-audit-event.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { type AuthFormState, changePasswordSchema, codeSchema, confirmIdentitySchema, signInSchema } from "./auth-actions.schema.ts";

/**
 * The staff layout (menu, "Sign out") is kept across client navigations, so it still shows the
 * session as it was before this action: a step that changes what the session may do must have the
 * whole tree rendered again, or the header stays empty until a full reload.
 */
function refreshStaffLayout(): void {
  revalidatePath("/staff", "layout");
}

function formState(error: unknown): AuthFormState {
  const { error: failure } = actionError(error);
  const fieldErrors = Object.fromEntries((failure.issues ?? []).map((issue) => [issue.path, issue.message]));
  return { error: failure.issues?.length ? undefined : failure.message, fieldErrors };
}

export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  let destination: string;
  try {
    const input = signInSchema.parse(formDataToObject(formData));
    const session = await signInStaff({ ...input, address: clientAddress(await headers()) });
    (await cookies()).set(STAFF_SESSION_COOKIE, session.token, staffSessionCookieOptions(session.expiresAt));
    destination = "/staff/requests";
  } catch (error) {
    // The email stays in its field after a refusal; the password is never sent back.
    return { ...formState(error), values: { email: String(formData.get("email") ?? "").slice(0, 320) } };
  }
  refreshStaffLayout();
  redirect(destination);
}

export async function verifySecondFactorAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (!session) return { error: "Your sign-in has expired. Sign in again." };
    const { code } = codeSchema.parse(formDataToObject(formData));
    // The session gets a new token once the code is accepted; the old cookie value stops working.
    const passed = await verifySecondFactor({ sessionId: session.sessionId, code });
    (await cookies()).set(STAFF_SESSION_COOKIE, passed.token, staffSessionCookieOptions(passed.expiresAt));
  } catch (error) {
    return formState(error);
  }
  refreshStaffLayout();
  redirect("/staff/requests");
}

export async function changePasswordAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (!session || session.stage === "second-factor") return { error: "Your sign-in has expired. Sign in again." };
    const input = changePasswordSchema.parse(formDataToObject(formData));
    await changeStaffPassword({ userId: session.principal.userId, sessionId: session.sessionId, ...input });
  } catch (error) {
    return formState(error);
  }
  refreshStaffLayout();
  redirect("/staff/requests");
}

export async function confirmTwoFactorAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (!session || session.stage === "second-factor" || session.stage === "change-password") {
      return { error: "Your sign-in has expired. Sign in again." };
    }
    const { code } = codeSchema.parse(formDataToObject(formData));
    const confirmed = await confirmTwoFactorSetup({ userId: session.principal.userId, sessionId: session.sessionId, code });
    (await cookies()).set(STAFF_SESSION_COOKIE, confirmed.token, staffSessionCookieOptions(confirmed.expiresAt));
    refreshStaffLayout();
    const { recoveryCodes } = confirmed;
    return { recoveryCodes, message: "Two-factor is on." };
  } catch (error) {
    return formState(error);
  }
}

// Both take the password and a current code: a session cookie alone cannot weaken the sign-in.
export async function regenerateRecoveryCodesAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (session?.stage !== "ready") return { error: "Your sign-in has expired. Sign in again." };
    const input = confirmIdentitySchema.parse(formDataToObject(formData));
    const { recoveryCodes } = await regenerateRecoveryCodes({ userId: session.principal.userId, sessionId: session.sessionId, ...input });
    return { recoveryCodes, message: "New recovery codes replace the old ones. Your other sessions were signed out." };
  } catch (error) {
    return formState(error);
  }
}

export async function turnOffTwoFactorAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (session?.stage !== "ready") return { error: "Your sign-in has expired. Sign in again." };
    const input = confirmIdentitySchema.parse(formDataToObject(formData));
    await turnOffTwoFactor({ userId: session.principal.userId, sessionId: session.sessionId, ...input });
    return { message: "Two-factor is off. Your other sessions were signed out." };
  } catch (error) {
    return formState(error);
  }
}

export async function signOutAction(): Promise<void> {
  const session = await currentStaffSession();
  if (session) await revokeStaffSession(session.sessionId);
  (await cookies()).delete(STAFF_SESSION_COOKIE);
  refreshStaffLayout();
  redirect("/staff/sign-in");
}

export async function signOutEverywhereAction(): Promise<void> {
  const session = await currentStaffSession();
  if (session) {
    const ended = await revokeAllStaffSessions(session.principal.userId);
    await db().$transaction((tx) =>
      appendAuditEvent(tx, {
        actor: { type: "STAFF", id: session.principal.userId },
        action: "staff.signed-out-everywhere",
        data: { sessions: ended },
      }),
    );
  }
  (await cookies()).delete(STAFF_SESSION_COOKIE);
  refreshStaffLayout();
  redirect("/staff/sign-in");
}
