// A decision taken on several requests at once from the dashboard: each request goes through the
// same service as on its own page (its own transaction, audit event and email), one after the
// other, and the answer says what happened to each. One refusal does not stop the rest.
import { randomUUID } from "node:crypto";
import { can, type Permission } from "../auth/permissions.ts";
import { actorOf, type StaffPrincipal } from "../auth/staff-principal.ts";
import { AppError, isAppError } from "../errors.ts";
import type { Locale } from "../i18n/catalogue.ts";
import { translateKey, translator } from "../i18n/translator.ts";
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

/** "3 approved, 1 unchanged, 1 refused: …" in the reader's language (staffRequests.bulk.summary). */
function summarise(action: BulkAction, result: Omit<BulkResult, "summary" | "action">, locale: Locale): string {
  const t = translator(locale);
  const done = action.action === "assign" ? (action.assigneeEmail ? "assign" : "unassign") : action.action;
  const parts = [t(`staffRequests.bulk.summary.${done}`, { count: result.done.length })];
  if (result.unchanged.length > 0) parts.push(t("staffRequests.bulk.summary.unchanged", { count: result.unchanged.length }));
  if (result.refused.length > 0) {
    const reasons = result.refused.map((row) => row.message).join(" ");
    parts.push(t("staffRequests.bulk.summary.refused", { count: result.refused.length, reasons }));
  }
  return parts.join(t("staffRequests.bulk.summary.separator"));
}

/**
 * `locale` is the reader's language: of the summary, and of each refusal's reason when the error names a
 * catalogue message. Without it, the summary is in English and the reasons are the errors' own English.
 */
export async function runBulkAction(options: {
  input: unknown;
  principal: StaffPrincipal;
  now?: Date;
  locale?: Locale;
}): Promise<BulkResult> {
  const locale = options.locale ?? "en";
  const reasonOf = (error: AppError) =>
    (options.locale && error.text && translateKey(options.locale, error.text.key, error.text.values)) || error.message;
  const action = bulkActionSchema.parse(options.input);
  const permission = bulkPermission[action.action];
  // The server action checks this too; the service refuses on its own so no other caller can skip it.
  if (!can(options.principal.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${options.principal.role.toLowerCase()}) does not allow this (${permission}).`, {
      text: { key: "staffRequest.errors.roleNotAllowed", values: { role: options.principal.role } },
    });
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
        result.refused.push({ reference, message: reasonOf(error) });
        continue;
      }
      const logReference = randomUUID();
      logger.error({ err: loggableError(error), reference: logReference, action: action.action }, "bulk action failed on one request");
      result.refused.push({ reference, message: translator(locale)("staffRequests.bulk.failedOnOurSide", { reference, logReference }) });
    }
  }
  return { action: action.action, ...result, summary: summarise(action, result, locale) };
}
