// The bearer token of an agent (issued by the pair-wise key setup, stored as a keyed hash) names
// the agent behind a call. A revoked token or a disabled agent gets nowhere.
import { keyedHash } from "../crypto.ts";
import { db } from "../db.ts";
import { DrpError } from "./drp-error.ts";

export type AuthenticatedAgent = { id: string; verifyKey: string };

export const DRP_TOKEN_PURPOSE = "drp-agent-token";

export async function authenticateAgent(headers: Headers): Promise<AuthenticatedAgent> {
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(headers.get("authorization") ?? "");
  if (!match) throw new DrpError(403, "An Authorization: Bearer header with the token of the pair-wise key setup is required.");
  const token = await db().drpAgentToken.findUnique({
    where: { tokenHash: keyedHash(DRP_TOKEN_PURPOSE, match[1]) },
    select: { revokedAt: true, agent: { select: { id: true, verifyKey: true, disabledAt: true } } },
  });
  if (!token || token.revokedAt || token.agent.disabledAt)
    throw new DrpError(403, "The bearer token is unknown, revoked, or its agent is no longer trusted.");
  return { id: token.agent.id, verifyKey: token.agent.verifyKey };
}
