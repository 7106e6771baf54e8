// POST /api/v1/requests/{reference}/confirm-account-id (requests.decide): { confirmed? } (default true).
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import { confirmAccountId } from "@/lib/requests/confirm-account-id.ts";

export const POST = staffActionRoute(operations.confirmAccountId, async ({ reference, body, actor }) => {
  const result = await confirmAccountId({ reference, confirmed: body.confirmed, actor });
  return { ...(await getRequestState(reference)), accountIdConfirmed: result.confirmed, changed: result.changed };
});
