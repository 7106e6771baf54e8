// Disables an authorized agent (its tokens stop working at once, its requests stay) or trusts it again.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { drpAgentIdSchema } from "./drp-agent-input.schema.ts";

export async function setDrpAgentEnabled(input: { id: string; enabled: boolean }, actor: Actor, now = new Date()) {
  const id = drpAgentIdSchema.parse(input.id);
  return db().$transaction(async (tx: Tx) => {
    const agent = await tx.drpAgent.findUnique({ where: { id }, select: { id: true, name: true, disabledAt: true } });
    if (!agent)
      throw new AppError("NOT_FOUND", `No trusted agent has the id ${id}.`, {
        text: { key: "staffAgents.errors.noSuchAgent", values: { agentId: id } },
      });
    if (Boolean(agent.disabledAt) === !input.enabled) return { ...agent, changed: false };
    await tx.drpAgent.update({ where: { id }, data: { disabledAt: input.enabled ? null : now } });
    if (!input.enabled) await tx.drpAgentToken.updateMany({ where: { agentId: id, revokedAt: null }, data: { revokedAt: now } });
    await appendAuditEvent(tx, { actor, action: input.enabled ? "drp.agent-enabled" : "drp.agent-disabled", data: { agentId: id } });
    return { ...agent, changed: true };
  });
}
