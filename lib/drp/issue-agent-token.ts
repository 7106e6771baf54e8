// Pair-wise key setup (DRP 2.05): a trusted agent signs {agent-id, business-id, issued-at,
// expires-at} with its key and receives a bearer token for the other calls. Any failure is
// null: the route answers 403 with no body, as the protocol says.
import { keyedHash, randomToken } from "../crypto.ts";
import { db } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { DRP_TOKEN_PURPOSE } from "./authenticate-agent.ts";
import { checkEnvelope } from "./check-envelope.ts";
import { DrpError } from "./drp-error.ts";
import { openSignedMessage } from "./open-signed-message.ts";
import { assertMessageNotSeen, isReplayConflict, rememberMessage } from "./seen-messages.ts";

export type IssuedToken = { "agent-id": string; token: string };

/** The token, or the reason it was refused (never shown to the caller). */
export async function issueAgentToken(
  agentId: string,
  body: string,
  businessId: string,
  now = new Date(),
): Promise<IssuedToken | DrpError> {
  try {
    const agent = await db().drpAgent.findUnique({ where: { id: agentId }, select: { id: true, verifyKey: true, disabledAt: true } });
    if (!agent || agent.disabledAt) return new DrpError(403, "Unknown or disabled agent.");
    const message = openSignedMessage(body, agent.verifyKey);
    const envelope = checkEnvelope(message.claims, { agentId: agent.id, businessId, now });
    await assertMessageNotSeen(message.signature);
    const token = randomToken();
    await db().$transaction(async (tx) => {
      await rememberMessage(tx, message.signature, envelope.expiresAt);
      await tx.drpAgentToken.create({ data: { agentId: agent.id, tokenHash: keyedHash(DRP_TOKEN_PURPOSE, token), createdAt: now } });
      await appendAuditEvent(tx, { actor: { type: "DRP_AGENT", id: agent.id }, action: "drp.token-issued" });
    });
    return { "agent-id": agent.id, token };
  } catch (error) {
    if (error instanceof DrpError) return error;
    if (isReplayConflict(error)) return new DrpError(403, "Replayed message.");
    throw error;
  }
}
