// The one place that decides whether the caller may do something on the staff side. Pages call
// requireStaffPage, server actions runStaffAction (staff-action.ts), route handlers
// requireStaffRequest: each names its permission in its first lines.
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "../errors.ts";
import { authenticateApiKey, bearerToken } from "./authenticate-api-key.ts";
import { can, type Permission } from "./permissions.ts";
import { type ResolvedStaffSession, resolveStaffSession } from "./resolve-staff-session.ts";
import type { StaffPrincipal } from "./staff-principal.ts";
import { STAFF_SESSION_COOKIE } from "./staff-session-cookie.ts";

/** The signed-in staff session of this request, at whatever stage, or null. */
export async function currentStaffSession(): Promise<ResolvedStaffSession | null> {
  const token = (await cookies()).get(STAFF_SESSION_COOKIE)?.value;
  return resolveStaffSession(token);
}

const stagePages = {
  "change-password": "/staff/account/password",
  "second-factor": "/staff/two-factor",
  "setup-two-factor": "/staff/account/two-factor",
} as const;

/**
 * For server components: sends the visitor to sign in (or to the step they still owe), and
 * answers 403 when their role lacks the permission.
 */
export async function requireStaffPage(permission: Permission): Promise<Extract<StaffPrincipal, { kind: "user" }>> {
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage !== "ready") redirect(stagePages[session.stage]);
  if (!can(session.principal.role, permission)) forbidden();
  return session.principal;
}

/** For server actions: throws UNAUTHORIZED or FORBIDDEN (runStaffAction turns them into results). */
export async function requireStaffActor(permission: Permission): Promise<Extract<StaffPrincipal, { kind: "user" }>> {
  const session = await currentStaffSession();
  if (session?.stage !== "ready") {
    throw new AppError("UNAUTHORIZED", "Sign in to continue.", { text: { key: "staffAuth.errors.signInToContinue" } });
  }
  if (!can(session.principal.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${session.principal.role.toLowerCase()}) does not allow this (${permission}).`, {
      text: { key: "staffAuth.errors.forbidden", values: { role: session.principal.role } },
    });
  }
  return session.principal;
}

/**
 * For route handlers: an API key (Authorization: Bearer …) or, for reading only, the staff
 * session cookie (the staff pages' downloads). Changes always need a key or a server action, so
 * a cross-site form can never ride on the cookie.
 */
export async function requireStaffRequest(request: Request, permission: Permission): Promise<StaffPrincipal> {
  const token = bearerToken(request.headers);
  let principal: StaffPrincipal | null = null;
  if (token !== null) {
    principal = await authenticateApiKey(token);
    if (!principal) throw new AppError("UNAUTHORIZED", "The API key is not valid (unknown, revoked or malformed).");
  } else if (request.method === "GET" || request.method === "HEAD") {
    const session = await currentStaffSession();
    if (session?.stage === "ready") principal = session.principal;
  }
  if (!principal) throw new AppError("UNAUTHORIZED", "Send an API key as 'Authorization: Bearer <key>'.");
  if (!can(principal.role, permission)) {
    throw new AppError(
      "FORBIDDEN",
      `This ${principal.kind === "apiKey" ? "API key" : "account"}'s role (${principal.role.toLowerCase()}) does not allow ${permission}.`,
    );
  }
  return principal;
}
