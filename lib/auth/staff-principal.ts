// Who is acting on the staff side: a signed-in staff member or an API key, each with a role.
import type { Actor } from "../evidence/append-audit-event.ts";
import type { StaffRole } from "../generated/prisma/enums.ts";

export type StaffPrincipal =
  | { kind: "user"; userId: string; email: string; role: StaffRole; sessionId: string }
  | { kind: "apiKey"; apiKeyId: string; name: string; role: StaffRole };

/** The audit log's actor for this principal. */
export function actorOf(principal: StaffPrincipal): Actor {
  return principal.kind === "user" ? { type: "STAFF", id: principal.userId } : { type: "API_KEY", id: principal.apiKeyId };
}
