// The short-lived cookie that binds a single sign-on to the browser that started it: a random token
// (the attempt row keeps only its keyed hash), with the session cookie's flags (HttpOnly,
// SameSite=Lax — sent on the provider's redirect back, a top-level GET — Secure under HTTPS),
// limited to /staff/sso and to the attempt's 10 minutes.
import { staffSessionCookieOptions } from "../staff-session-cookie.ts";

export const SSO_BROWSER_COOKIE = "dsar_staff_sso";

export function ssoBrowserCookieOptions(expires: Date) {
  return { ...staffSessionCookieOptions(expires), path: "/staff/sso" };
}
