// Who may use the queues dashboard: staff whose role has queues.manage, through an API key or the
// session cookie. Reading (the page, its files, its JSON) works with the cookie, as staff downloads
// do. Changes (retry, clean, pause, …) are PUT/POST/PATCH calls from the dashboard's own script:
// with the cookie they are accepted only when the browser says they come from this portal (Origin
// equal to APP_URL's origin), so another site cannot make a signed-in admin's browser send them.
// SameSite=Lax already keeps the cookie off cross-site POSTs; this check does not rely on it.
import { bearerToken } from "@/lib/auth/authenticate-api-key.ts";
import { can } from "@/lib/auth/permissions.ts";
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { resolveStaffSession } from "@/lib/auth/resolve-staff-session.ts";
import type { StaffPrincipal } from "@/lib/auth/staff-principal.ts";
import { STAFF_SESSION_COOKIE } from "@/lib/auth/staff-session-cookie.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";

const READ_METHODS = new Set(["GET", "HEAD"]);

/** True when the request's Origin header is exactly this portal's origin (scheme, host and port). */
export function isSameOrigin(headers: Headers, appUrl: string): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  // Fetch metadata, when the browser sends it, must agree.
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  return origin === new URL(appUrl).origin;
}

/** One cookie's value from a Cookie header (the same cookie next/headers would read). */
export function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

export async function authorizeQueuesRequest(request: Request): Promise<StaffPrincipal> {
  // An API key is never sent by a browser on its own: any method may use one.
  if (bearerToken(request.headers) !== null) return requireStaffRequest(request, "queues.manage");
  const session = await resolveStaffSession(cookieValue(request.headers, STAFF_SESSION_COOKIE));
  if (session?.stage !== "ready") throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!READ_METHODS.has(request.method) && !isSameOrigin(request.headers, env().APP_URL)) {
    throw new AppError(
      "FORBIDDEN",
      "Changes to the queues are accepted only from the dashboard's own page (the Origin header must be this portal's).",
    );
  }
  if (!can(session.principal.role, "queues.manage")) {
    throw new AppError("FORBIDDEN", `Your role (${session.principal.role.toLowerCase()}) does not allow queues.manage.`);
  }
  return session.principal;
}
