// POST /api/v1/requests/{reference}/approve (requests.decide): the connector tasks start.
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import { approveRequest } from "@/lib/requests/approve-request.ts";

export const POST = staffActionRoute(operations.approveRequest, async ({ reference, actor }) => {
  const approved = await approveRequest({ reference, actor });
  return { ...(await getRequestState(reference)), connectorTasks: approved.connectors };
});
