// A refused single sign-on goes to /staff/sso/refused, which says why in words; the browser's
// attempt cookie is dropped.
import { NextResponse } from "next/server";
import { env } from "../../env.ts";
import { SSO_BROWSER_COOKIE } from "./sso-browser-cookie.ts";
import type { SsoRefusalReason } from "./sso-refusal.ts";

export function ssoRefusedResponse(reason: SsoRefusalReason): NextResponse {
  const response = NextResponse.redirect(new URL(`/staff/sso/refused?reason=${reason}`, env().APP_URL), 303);
  response.cookies.set(SSO_BROWSER_COOKIE, "", { path: "/staff/sso", expires: new Date(0) });
  return response;
}
