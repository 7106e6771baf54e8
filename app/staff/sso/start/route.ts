// Starts a staff single sign-on: open to anyone (it is how one signs in), limited per address.
// Sends the browser to the identity provider with a fresh state, nonce and PKCE challenge.
import { NextResponse } from "next/server";
import { SSO_BROWSER_COOKIE, ssoBrowserCookieOptions } from "@/lib/auth/sso/sso-browser-cookie.ts";
import { SsoRefusal } from "@/lib/auth/sso/sso-refusal.ts";
import { ssoRefusedResponse } from "@/lib/auth/sso/sso-refused-response.ts";
import { ssoSettings } from "@/lib/auth/sso/sso-settings.ts";
import { startSsoSignIn } from "@/lib/auth/sso/start-sso-sign-in.ts";
import { isAppError } from "@/lib/errors.ts";
import { clientAddress } from "@/lib/http/client-address.ts";

export async function GET(request: Request) {
  const settings = ssoSettings();
  if (!settings) return ssoRefusedResponse("not-configured");
  try {
    const started = await startSsoSignIn({ settings, address: clientAddress(request.headers) });
    const response = NextResponse.redirect(started.authorizationUrl, 303);
    response.cookies.set(SSO_BROWSER_COOKIE, started.browserToken, ssoBrowserCookieOptions(started.expiresAt));
    return response;
  } catch (error) {
    if (error instanceof SsoRefusal) return ssoRefusedResponse(error.reason);
    if (isAppError(error) && error.code === "RATE_LIMITED") return ssoRefusedResponse("rate-limited");
    throw error;
  }
}
