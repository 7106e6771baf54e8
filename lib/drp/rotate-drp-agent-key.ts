// Replaces an agent's verify key (the agent rotated its signing key): its tokens are revoked, so it
// sets up a new one signed with the new key.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { drpAgentIdSchema, drpVerifyKeySchema } from "./drp-agent-input.schema.ts";

export async function rotateDrpAgentKey(input: { id: string; verifyKey: string }, actor: Actor, now = new Date()) {
  const id = drpAgentIdSchema.parse(input.id);
  const verifyKey = drpVerifyKeySchema.parse(input.verifyKey);
  return db().$transaction(async (tx: Tx) => {
    const agent = await tx.drpAgent.findUnique({ where: { id }, select: { id: true } });
    if (!agent)
      throw new AppError("NOT_FOUND", `No trusted agent has the id ${id}.`, {
        text: { key: "staffAgents.errors.noSuchAgent", values: { agentId: id } },
      });
    await tx.drpAgent.update({ where: { id }, data: { verifyKey, keyRotatedAt: now } });
    const revoked = await tx.drpAgentToken.updateMany({ where: { agentId: id, revokedAt: null }, data: { revokedAt: now } });
    await appendAuditEvent(tx, { actor, action: "drp.agent-key-rotated", data: { agentId: id, tokensRevoked: revoked.count } });
    return { id, tokensRevoked: revoked.count };
  });
}
