// DRP 2.05 pair-wise key setup (POST) and 2.06 agent information (GET).
import { authenticateAgent } from "@/lib/drp/authenticate-agent.ts";
import { drpBusinessId } from "@/lib/drp/drp-business-id.ts";
import { DrpError } from "@/lib/drp/drp-error.ts";
import { drpJson, drpRoute } from "@/lib/drp/drp-response.ts";
import { issueAgentToken } from "@/lib/drp/issue-agent-token.ts";
import { limitDrpCaller, readSignedBody } from "@/lib/drp/read-drp-call.ts";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ agentId: string }> };

export const POST = drpRoute(async (req: Request, { params }: Context) => {
  await limitDrpCaller(req);
  const businessId = drpBusinessId();
  const { agentId } = await params;
  const issued = await issueAgentToken(agentId, await readSignedBody(req), businessId);
  // A failed setup is 403 with no body (DRP 2.05.1).
  if (issued instanceof DrpError) return new Response(null, { status: 403, headers: { "cache-control": "no-store" } });
  return drpJson(issued);
});

export const GET = drpRoute(async (req: Request, { params }: Context) => {
  await limitDrpCaller(req);
  drpBusinessId();
  const agent = await authenticateAgent(req.headers);
  const { agentId } = await params;
  if (agent.id !== agentId) throw new DrpError(403, "The bearer token does not belong to this agent.");
  return drpJson({});
});
