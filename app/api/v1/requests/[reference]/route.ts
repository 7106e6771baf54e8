// GET /api/v1/requests/{reference}: one request in full, with its deadline and connector tasks
// (API key with requests.read).
import { getApiRequest } from "@/lib/api/get-api-request.ts";
import { operations } from "@/lib/api/operations.ts";
import { parseReference } from "@/lib/api/parse-input.ts";
import { staffReadRoute } from "@/lib/api/staff-api-route.ts";

export const GET = staffReadRoute(operations.getRequest, ({ params }) => getApiRequest(parseReference(params.reference)));
