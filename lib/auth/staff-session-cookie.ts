// The staff session cookie: HttpOnly, SameSite=Lax, Secure whenever the portal is served over HTTPS.
import { env } from "../env.ts";

export const STAFF_SESSION_COOKIE = "dsar_staff_session";

export function staffSessionCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(env().APP_URL).protocol === "https:",
    path: "/",
    expires,
  };
}
