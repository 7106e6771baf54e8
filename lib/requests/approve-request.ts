// Staff (or the auto-approval rule) approve a verified request: one task per enabled connector
// that supports the request's right, then the fan-out starts (lib/fulfilment/start-fulfilment.ts).
import { isPreferenceKind } from "../connectors/connector.ts";
import { connectorType, isConnectorType } from "../connectors/registry.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { startFulfilment } from "../fulfilment/start-fulfilment.ts";
import { settleAfterCommit } from "../queue/after-commit.ts";
import { assertTransition } from "./request-status.ts";

export async function approveRequest(options: { reference: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  const approved = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({
      where: { reference: options.reference },
      include: { agentAuthorization: { select: { checkStatus: true } } },
    });
    if (!request)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    assertTransition(request.reference, request.status, "APPROVED");
    assertAgentAuthorityShown(request.reference, request.agentAuthorization?.checkStatus ?? null);
    const moved = await tx.dsarRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: "IN_PROGRESS", decidedAt: now },
    });
    if (moved.count === 0)
      throw new AppError("CONFLICT", `Request ${request.reference} changed meanwhile; reload it and try again.`, {
        text: { key: "staffRequest.errors.changedMeanwhile", values: { reference: request.reference } },
      });
    const listed = await tx.connector.findMany({ where: { enabled: true, actions: { has: request.type } }, orderBy: { key: "asc" } });
    // Opt-out, limit, restriction, objection: a source whose type has no action for them is skipped.
    const connectors = isPreferenceKind(request.type.toLowerCase())
      ? listed.filter((connector) => isConnectorType(connector.type) && connectorType(connector.type).applyPreference)
      : listed;
    // Unique per request × connector × action: approving twice, or a retried job, never doubles the work.
    await tx.connectorTask.createMany({
      data: connectors.map((connector) => ({ requestId: request.id, connectorId: connector.id, action: request.type })),
      skipDuplicates: true,
    });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.approved",
      data: { connectors: connectors.map((c) => c.key) },
    });
    return { id: request.id, reference: request.reference, connectors: connectors.length };
  });
  // The approval stands once committed; a fan-out the queue store cannot take now is added when it
  // is back, or by the stalled-fulfilment sweep.
  await settleAfterCommit(startFulfilment(approved.id), { requestId: approved.id, job: "fulfilment.start" });
  return approved;
}

/**
 * A request an authorized agent filed is acted on only once staff have found the person's signed
 * permission valid (CCPA regs §7063(a), §7026(d)): unchecked, it waits; not valid, it is denied with
 * the reason "agent authority not shown".
 */
function assertAgentAuthorityShown(reference: string, check: "NOT_CHECKED" | "VALID" | "NOT_VALID" | null) {
  if (check === null || check === "VALID") return;
  if (check === "NOT_CHECKED") {
    throw new AppError(
      "INVALID_STATE",
      `Request ${reference} was filed by an authorized agent: open the signed permission and record that it is valid before approving.`,
      { text: { key: "staffRequest.errors.agentPermissionUnchecked", values: { reference } } },
    );
  }
  throw new AppError(
    "INVALID_STATE",
    `The agent's signed permission for ${reference} was found not valid: deny the request with the reason "agent authority not shown".`,
    { text: { key: "staffRequest.errors.agentPermissionNotValid", values: { reference } } },
  );
}
