// POST /api/v1/requests/{reference}/extend (requests.decide): { reason, days? | months? }.
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import { extendDeadline } from "@/lib/requests/extend-deadline.ts";

export const POST = staffActionRoute(operations.extendDeadline, async ({ reference, body, actor }) => {
  const extended = await extendDeadline({ reference, input: body, actor });
  return { ...(await getRequestState(reference)), previousDueDate: extended.previousDueDate };
});
