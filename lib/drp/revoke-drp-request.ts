// Revoke (DRP 2.04): the agent withdraws a request it filed, with a signed {"reason"}. The body has
// no timestamps, so it cannot be checked for replay; revoking twice answers "revoked" again.
// The reason is the person's own words: it is not stored.
import { db, type Tx } from "../db.ts";
import { clearCancelledWork } from "../fulfilment/cancel-request-work.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { isOpen } from "../requests/request-status.ts";
import { withdrawFoundRequest } from "../requests/withdraw-found-request.ts";
import type { AuthenticatedAgent } from "./authenticate-agent.ts";
import { DrpError } from "./drp-error.ts";
import { type DrpStatusObject, drpStatusOf } from "./drp-status.ts";
import { findAgentRequest, statusSourceOf } from "./find-agent-request.ts";
import { openSignedMessage } from "./open-signed-message.ts";

export async function revokeDrpRequest(
  agent: AuthenticatedAgent,
  drpRequestId: string,
  body: string,
  now = new Date(),
): Promise<DrpStatusObject> {
  const message = openSignedMessage(body, agent.verifyKey);
  if (message.claims.reason !== undefined && typeof message.claims.reason !== "string") {
    throw new DrpError(400, 'The claim "reason" must be a string.', true);
  }
  await findAgentRequest(agent, drpRequestId);
  const outcome = await db().$transaction(async (tx: Tx) => {
    const found = await findAgentRequest(agent, drpRequestId, tx);
    if (found.request.status !== "WITHDRAWN" && !isOpen(found.request.status)) {
      throw new DrpError(
        409,
        `The request is already closed (${drpStatusOf(statusSourceOf(found)).status}) and can no longer be revoked.`,
        true,
      );
    }
    return withdrawFoundRequest(tx, found.request, { type: "DRP_AGENT", id: agent.id }, now);
  });
  if (outcome) {
    await clearCancelledWork(outcome.work);
    if (outcome.emailId) await enqueueAfterCommit("email.deliver", { emailId: outcome.emailId }, { jobId: `email-${outcome.emailId}` });
    await enqueueAfterCommit("drp.status-callback", { drpRequestId }, { jobId: `drp-callback-${drpRequestId}-revoked` });
  }
  return drpStatusOf(statusSourceOf(await findAgentRequest(agent, drpRequestId)));
}
