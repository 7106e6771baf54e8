// One DRP request, as its own agent sees it. Another agent's request is 403 (DRP 2.02), an
// unknown id 404.

import type { Tx } from "../db.ts";
import { db } from "../db.ts";
import type { AuthenticatedAgent } from "./authenticate-agent.ts";
import { DrpError } from "./drp-error.ts";
import type { DrpStatusSource } from "./drp-status.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findAgentRequest(agent: AuthenticatedAgent, drpRequestId: string, tx?: Tx) {
  const found = UUID.test(drpRequestId)
    ? await (tx ?? db()).drpRequest.findUnique({ where: { id: drpRequestId }, include: { request: true } })
    : null;
  if (!found) throw new DrpError(404, `No data rights request has the id "${drpRequestId.slice(0, 100)}".`);
  if (found.agentId !== agent.id) throw new DrpError(403, "This data rights request was filed by another agent.");
  return found;
}

export function statusSourceOf(found: NonNullable<Awaited<ReturnType<typeof findAgentRequest>>>): DrpStatusSource {
  const { request } = found;
  return {
    drpRequestId: found.id,
    agentRequestId: found.agentRequestId,
    status: request.status,
    denialReason: request.denialReason,
    receivedAt: request.receivedAt,
    dueDate: request.dueDate,
    extended: request.extended,
  };
}
