// Staff record whether the permission an agent uploaded shows the person authorised them: "checked"
// (valid) or "not valid", with who and when. A denial for want of authority is a separate decision
// (deny-request.ts, AGENT_AUTHORITY_NOT_SHOWN); this only keeps what was checked.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";

export const agentPermissionCheckSchema = z.object({
  outcome: z.enum(["VALID", "NOT_VALID"], { error: "Say whether the permission is valid (VALID) or not (NOT_VALID)." }),
});

export async function recordAgentPermissionCheck(options: {
  reference: string;
  outcome: z.input<typeof agentPermissionCheckSchema>["outcome"];
  actor: Actor;
  now?: Date;
}) {
  const { outcome } = agentPermissionCheckSchema.parse({ outcome: options.outcome });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({
      where: { reference: options.reference },
      select: { id: true, reference: true, agentAuthorization: { select: { id: true, checkStatus: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`);
    if (!request.agentAuthorization) throw new AppError("BAD_REQUEST", `Request ${request.reference} was not filed by an agent.`);
    await tx.agentAuthorization.update({
      where: { id: request.agentAuthorization.id },
      data: { checkStatus: outcome, checkedAt: now, checkedById: options.actor.type === "STAFF" ? (options.actor.id ?? null) : null },
    });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.agent-permission-checked",
      data: { outcome, previously: request.agentAuthorization.checkStatus },
    });
    return { reference: request.reference, outcome, checkedAt: now };
  });
}
