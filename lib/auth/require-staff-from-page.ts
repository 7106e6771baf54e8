// For route handlers that the staff pages call themselves with the session cookie, for changes
// too (a file upload, the queues dashboard's buttons). An API key works for any method. With the
// cookie, a change is accepted only when the browser says it comes from this portal (Origin equal
// to APP_URL's origin, and Sec-Fetch-Site same-origin when sent), so another site cannot make a
// signed-in browser send it. SameSite=Lax already keeps the cookie off cross-site POSTs; this check
// does not rely on it.
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { bearerToken } from "./authenticate-api-key.ts";
import { can, type Permission } from "./permissions.ts";
import { requireStaffRequest } from "./require-staff.ts";
import { resolveStaffSession } from "./resolve-staff-session.ts";
import type { StaffPrincipal } from "./staff-principal.ts";
import { STAFF_SESSION_COOKIE } from "./staff-session-cookie.ts";

const READ_METHODS = new Set(["GET", "HEAD"]);

export async function requireStaffFromPage(request: Request, permission: Permission): Promise<StaffPrincipal> {
  if (bearerToken(request.headers) !== null) return requireStaffRequest(request, permission);
  const session = await resolveStaffSession(cookieValue(request.headers, STAFF_SESSION_COOKIE));
  if (session?.stage !== "ready") throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!READ_METHODS.has(request.method) && !isSameOrigin(request.headers, env().APP_URL)) {
    throw new AppError("FORBIDDEN", "This change is accepted only from the portal's own pages (the Origin header must be this portal's).");
  }
  if (!can(session.principal.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${session.principal.role.toLowerCase()}) does not allow ${permission}.`);
  }
  return session.principal;
}

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
