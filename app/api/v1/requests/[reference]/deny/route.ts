// POST /api/v1/requests/{reference}/deny (requests.decide): { reason, message }.
import { getRequestState } from "@/lib/api/get-request-state.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffActionRoute } from "@/lib/api/staff-api-route.ts";
import type { DenialReason } from "@/lib/generated/prisma/enums.ts";
import { denyRequest } from "@/lib/requests/deny-request.ts";

export const POST = staffActionRoute(operations.denyRequest, async ({ reference, body, actor }) => {
  await denyRequest({ reference, reason: body.reason.toUpperCase() as DenialReason, message: body.message, actor });
  return { ...(await getRequestState(reference)), denialReason: body.reason };
});
