// POST /api/v1/requests/{reference}/close (requests.decide): { outcome, message? }.
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import { closeRequest } from "@/lib/requests/close-request.ts";

export const POST = staffActionRoute(operations.closeRequest, async ({ reference, body, actor }) => {
  const outcome = body.outcome.toUpperCase() as "FULFILLED" | "PARTIALLY_FULFILLED";
  await closeRequest({ reference, outcome, message: body.message, actor });
  return { ...(await getRequestState(reference)), outcome: body.outcome };
});
