// A decision taken on several requests at once from the dashboard: each request goes through the
// same service as on its own page (its own transaction, audit event and email), one after the
// other, and the answer says what happened to each. One refusal does not stop the rest.
import { randomUUID } from "node:crypto";
import { can, type Permission } from "../auth/permissions.ts";
import { actorOf, type StaffPrincipal } from "../auth/staff-principal.ts";
import { AppError, isAppError } from "../errors.ts";
import { loggableError, logger } from "../logger.ts";
import { approveRequest } from "../requests/approve-request.ts";
import { assignRequest, assignRequestSchema } from "../requests/assign-request.ts";
import { denyRequest, denyRequestSchema } from "../requests/deny-request.ts";
import { type BulkAction, type BulkActionName, type BulkResult, bulkActionSchema } from "./bulk-action.schema.ts";

export const bulkPermission: Record<BulkActionName, Permission> = {
  approve: "requests.decide",
  deny: "requests.decide",
  assign: "requests.assign",
};

type RowOutcome = "done" | "unchanged";

async function applyOne(action: BulkAction, reference: string, principal: StaffPrincipal, now: Date): Promise<RowOutcome> {
  const actor = actorOf(principal);
  switch (action.action) {
    case "approve":
      await approveRequest({ reference, actor, now });
      return "done";
    case "deny":
      await denyRequest({ reference, reason: action.reason, message: action.message, actor, now });
      return "done";
    case "assign": {
      const assigned = await assignRequest({ reference, assigneeEmail: action.assigneeEmail || null, actor });
      return assigned.changed ? "done" : "unchanged";
    }
  }
}

const verbs = { approve: "approved", deny: "denied" } as const;

function summarise(action: BulkAction, result: Omit<BulkResult, "summary" | "action">): string {
  const verb = action.action === "assign" ? (action.assigneeEmail ? "assigned" : "unassigned") : verbs[action.action];
  const parts = [`${result.done.length} ${verb}`];
  if (result.unchanged.length > 0) parts.push(`${result.unchanged.length} unchanged`);
  if (result.refused.length > 0) {
    parts.push(`${result.refused.length} refused: ${result.refused.map((row) => row.message).join(" ")}`);
  }
  return parts.join(", ");
}

export async function runBulkAction(options: { input: unknown; principal: StaffPrincipal; now?: Date }): Promise<BulkResult> {
  const action = bulkActionSchema.parse(options.input);
  const permission = bulkPermission[action.action];
  // The server action checks this too; the service refuses on its own so no other caller can skip it.
  if (!can(options.principal.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${options.principal.role.toLowerCase()}) does not allow this (${permission}).`);
  }
  // Input every row shares is checked once, before any request changes.
  if (action.action === "deny") denyRequestSchema.parse({ reason: action.reason, message: action.message });
  if (action.action === "assign") assignRequestSchema.parse({ assigneeEmail: action.assigneeEmail });
  const now = options.now ?? new Date();
  const result: Omit<BulkResult, "summary" | "action"> = { done: [], unchanged: [], refused: [] };
  for (const reference of action.references) {
    try {
      const outcome = await applyOne(action, reference, options.principal, now);
      result[outcome].push(reference);
    } catch (error) {
      if (isAppError(error)) {
        result.refused.push({ reference, message: error.message });
        continue;
      }
      const logReference = randomUUID();
      logger.error({ err: loggableError(error), reference: logReference, action: action.action }, "bulk action failed on one request");
      result.refused.push({ reference, message: `${reference} failed on our side (log reference ${logReference}).` });
    }
  }
  return { action: action.action, ...result, summary: summarise(action, result) };
}
