// POST /api/v1/requests/{reference}/assign (requests.assign): { userEmail } (null unassigns).
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import { assignRequest } from "@/lib/requests/assign-request.ts";

export const POST = staffActionRoute(operations.assignRequest, async ({ reference, body, actor }) => {
  await assignRequest({ reference, assigneeEmail: body.userEmail, actor });
  return getRequestState(reference);
});
