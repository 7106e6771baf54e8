// POST /api/v1/requests/{reference}/request-information (requests.decide): { message, kind? }.
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import { askForInformation } from "@/lib/requests/ask-for-information.ts";

export const POST = staffActionRoute(operations.requestInformation, async ({ reference, body, actor }) => {
  const asked = await askForInformation({ reference, input: body, actor });
  return { ...(await getRequestState(reference)), clockPaused: asked.clockPaused };
});
