// Trusts an authorized agent: its directory id, name and Ed25519 verify key (DRP 3.05.1).
import type { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { addDrpAgentSchema } from "./drp-agent-input.schema.ts";

export async function addDrpAgent(input: z.input<typeof addDrpAgentSchema>, actor: Actor) {
  const agent = addDrpAgentSchema.parse(input);
  return db().$transaction(async (tx: Tx) => {
    const existing = await tx.drpAgent.findUnique({ where: { id: agent.id }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", `An agent with the id ${agent.id} is already trusted; rotate its key instead.`, {
        text: { key: "staffAgents.errors.alreadyTrusted", values: { agentId: agent.id } },
      });
    }
    const created = await tx.drpAgent.create({ data: agent });
    await appendAuditEvent(tx, { actor, action: "drp.agent-added", data: { agentId: agent.id } });
    return created;
  });
}
