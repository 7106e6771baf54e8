// Where the identity provider sends the browser back. Open to anyone: the attempt's state, the
// browser's cookie and the provider's signed answer are the credentials (lib/auth/sso/). A refusal
// goes to a page that says why; the session cookie is the password sign-in's.
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { finishSsoSignIn } from "@/lib/auth/sso/finish-sso-sign-in.ts";
import { SSO_BROWSER_COOKIE } from "@/lib/auth/sso/sso-browser-cookie.ts";
import { SsoRefusal } from "@/lib/auth/sso/sso-refusal.ts";
import { ssoRefusedResponse } from "@/lib/auth/sso/sso-refused-response.ts";
import { ssoSettings } from "@/lib/auth/sso/sso-settings.ts";
import { STAFF_SESSION_COOKIE, staffSessionCookieOptions } from "@/lib/auth/staff-session-cookie.ts";
import { env } from "@/lib/env.ts";

export async function GET(request: Request) {
  const settings = ssoSettings();
  if (!settings) return ssoRefusedResponse("not-configured");
  const browserToken = (await cookies()).get(SSO_BROWSER_COOKIE)?.value;
  try {
    const session = await finishSsoSignIn({ settings, search: new URL(request.url).search, browserToken });
    // The staff pages send a session that still owes a step (second factor, its setup) there.
    const response = NextResponse.redirect(new URL("/staff/requests", env().APP_URL), 303);
    response.cookies.set(STAFF_SESSION_COOKIE, session.token, staffSessionCookieOptions(session.expiresAt));
    response.cookies.set(SSO_BROWSER_COOKIE, "", { path: "/staff/sso", expires: new Date(0) });
    return response;
  } catch (error) {
    if (error instanceof SsoRefusal) return ssoRefusedResponse(error.reason);
    throw error;
  }
}
