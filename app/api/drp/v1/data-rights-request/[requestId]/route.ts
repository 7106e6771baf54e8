// DRP 2.02 status (GET) and 2.04 revoke (DELETE, with a signed {"reason"} and no Content-Type).
import { authenticateAgent } from "@/lib/drp/authenticate-agent.ts";
import { drpBusinessId } from "@/lib/drp/drp-business-id.ts";
import { drpJson, drpRoute } from "@/lib/drp/drp-response.ts";
import { drpStatusOf } from "@/lib/drp/drp-status.ts";
import { findAgentRequest, statusSourceOf } from "@/lib/drp/find-agent-request.ts";
import { limitDrpCaller, readSignedBody } from "@/lib/drp/read-drp-call.ts";
import { revokeDrpRequest } from "@/lib/drp/revoke-drp-request.ts";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ requestId: string }> };

export const GET = drpRoute(async (req: Request, { params }: Context) => {
  await limitDrpCaller(req);
  drpBusinessId();
  const agent = await authenticateAgent(req.headers);
  const { requestId } = await params;
  return drpJson(drpStatusOf(statusSourceOf(await findAgentRequest(agent, requestId))));
});

export const DELETE = drpRoute(async (req: Request, { params }: Context) => {
  await limitDrpCaller(req);
  drpBusinessId();
  const agent = await authenticateAgent(req.headers);
  const { requestId } = await params;
  return drpJson(await revokeDrpRequest(agent, requestId, await readSignedBody(req)));
});
