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
import { formDataToObject } from "@/lib/auth/staff-action.ts";
import { staffRefusal } from "@/lib/auth/staff-refusal.ts";
import { STAFF_SESSION_COOKIE, staffSessionCookieOptions } from "@/lib/auth/staff-session-cookie.ts";
import { turnOffTwoFactor } from "@/lib/auth/turn-off-two-factor.ts";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor.ts";
import { db } from "@/lib/db.ts";
import { appendAuditEvent } from "@/lib/evidence/append-audit-event.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { preferredLocale } from "@/lib/i18n/preferred-locale.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { setStaffLocale } from "@/lib/staff-users/set-staff-locale.ts";
import {
  type AuthFormState,
  changePasswordSchema,
  chooseLanguageSchema,
  codeSchema,
  confirmIdentitySchema,
  signInSchema,
} from "./auth-actions.schema.ts";
import { refusalState } from "./auth-form-state.ts";

/**
 * The staff layout (menu, "Sign out") is kept across client navigations, so it still shows the
 * session as it was before this action: a step that changes what the session may do must have the
 * whole tree rendered again, or the header stays empty until a full reload.
 */
function refreshStaffLayout(): void {
  revalidatePath("/staff", "layout");
}

/** The session has ended (or still owes a step) while the form was open. */
const signInExpired = () => refusalState(staffRefusal("UNAUTHORIZED", { key: "staffAuth.errors.signInExpired" }));

/** A confirmation in the member's language. */
async function done(key: "twoFactorOn" | "codesReplaced" | "twoFactorOff"): Promise<string> {
  return translator(await staffLocale())(`staffAuth.done.${key}`);
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
    return { ...(await refusalState(error)), values: { email: String(formData.get("email") ?? "").slice(0, 320) } };
  }
  refreshStaffLayout();
  redirect(destination);
}

export async function verifySecondFactorAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (!session) return signInExpired();
    const { code } = codeSchema.parse(formDataToObject(formData));
    // The session gets a new token once the code is accepted; the old cookie value stops working.
    const passed = await verifySecondFactor({ sessionId: session.sessionId, code });
    (await cookies()).set(STAFF_SESSION_COOKIE, passed.token, staffSessionCookieOptions(passed.expiresAt));
  } catch (error) {
    return refusalState(error);
  }
  refreshStaffLayout();
  redirect("/staff/requests");
}

export async function changePasswordAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (!session || session.stage === "second-factor") return signInExpired();
    const input = changePasswordSchema.parse(formDataToObject(formData));
    await changeStaffPassword({ userId: session.principal.userId, sessionId: session.sessionId, ...input });
  } catch (error) {
    return refusalState(error);
  }
  refreshStaffLayout();
  redirect("/staff/requests");
}

export async function confirmTwoFactorAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (!session || session.stage === "second-factor" || session.stage === "change-password") {
      return signInExpired();
    }
    const { code } = codeSchema.parse(formDataToObject(formData));
    const confirmed = await confirmTwoFactorSetup({ userId: session.principal.userId, sessionId: session.sessionId, code });
    (await cookies()).set(STAFF_SESSION_COOKIE, confirmed.token, staffSessionCookieOptions(confirmed.expiresAt));
    refreshStaffLayout();
    const { recoveryCodes } = confirmed;
    return { recoveryCodes, message: await done("twoFactorOn") };
  } catch (error) {
    return refusalState(error);
  }
}

// Both take the password and a current code: a session cookie alone cannot weaken the sign-in.
export async function regenerateRecoveryCodesAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (session?.stage !== "ready") return signInExpired();
    const input = confirmIdentitySchema.parse(formDataToObject(formData));
    const { recoveryCodes } = await regenerateRecoveryCodes({ userId: session.principal.userId, sessionId: session.sessionId, ...input });
    return { recoveryCodes, message: await done("codesReplaced") };
  } catch (error) {
    return refusalState(error);
  }
}

export async function turnOffTwoFactorAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  try {
    const session = await currentStaffSession();
    if (session?.stage !== "ready") return signInExpired();
    const input = confirmIdentitySchema.parse(formDataToObject(formData));
    await turnOffTwoFactor({ userId: session.principal.userId, sessionId: session.sessionId, ...input });
    return { message: await done("twoFactorOff") };
  } catch (error) {
    return refusalState(error);
  }
}

/**
 * The member's own language for the staff pages and emails ("browser": follow the browser's). The
 * layout is rendered again at once, so the menu changes language without a reload. The locale is
 * not read before the change in this request (it is cached per request).
 */
export async function chooseLanguageAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const session = await currentStaffSession();
  if (session?.stage !== "ready") return signInExpired();
  let chosen: "browser" | "en" | "fr";
  try {
    ({ locale: chosen } = chooseLanguageSchema.parse(formDataToObject(formData)));
    await setStaffLocale({ userId: session.principal.userId, locale: chosen === "browser" ? null : chosen });
  } catch (error) {
    return refusalState(error);
  }
  refreshStaffLayout();
  const browser = preferredLocale((await cookies()).get("locale")?.value, (await headers()).get("accept-language"));
  return { message: translator(chosen === "browser" ? browser : chosen)("staffAccount.language.saved") };
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
