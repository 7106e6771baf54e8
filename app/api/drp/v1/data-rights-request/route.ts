// DRP 2.01 exercise: an authorized agent files a right for a person.
import { authenticateAgent } from "@/lib/drp/authenticate-agent.ts";
import { drpBusinessId } from "@/lib/drp/drp-business-id.ts";
import { drpJson, drpRoute } from "@/lib/drp/drp-response.ts";
import { fileDrpRequest } from "@/lib/drp/file-drp-request.ts";
import { drpRateLimits, limitDrpCaller, readSignedBody } from "@/lib/drp/read-drp-call.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";

export const dynamic = "force-dynamic";

export const POST = drpRoute(async (req: Request) => {
  await limitDrpCaller(req);
  const businessId = drpBusinessId();
  const agent = await authenticateAgent(req.headers);
  await consumeRateLimit(drpRateLimits().perAgentFilings, agent.id);
  return drpJson(await fileDrpRequest(agent, await readSignedBody(req), businessId));
});
