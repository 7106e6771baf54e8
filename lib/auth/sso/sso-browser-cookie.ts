// The short-lived cookie that binds a single sign-on to the browser that started it: a random token
// (the attempt row keeps only its keyed hash), HttpOnly, SameSite=Lax (sent on the provider's
// redirect back, a top-level GET), limited to /staff/sso and to the attempt's 10 minutes.
import { env } from "../../env.ts";

export const SSO_BROWSER_COOKIE = "dsar_staff_sso";

export function ssoBrowserCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(env().APP_URL).protocol === "https:",
    path: "/staff/sso",
    expires,
  };
}
