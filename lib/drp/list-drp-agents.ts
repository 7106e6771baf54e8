// The trusted authorized agents, with how many requests each filed.
import { db } from "../db.ts";

export async function listDrpAgents() {
  const agents = await db().drpAgent.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      verifyKey: true,
      disabledAt: true,
      keyRotatedAt: true,
      createdAt: true,
      _count: { select: { requests: true } },
    },
  });
  return agents.map(({ _count, ...agent }) => ({ ...agent, requests: _count.requests }));
}
