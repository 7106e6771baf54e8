// POST /api/v1/requests/{reference}/verify: prove the email address with the 6-digit code.

import { parseReference } from "@/lib/api/parse-input.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { verifyCodeSchema } from "@/lib/requests/request-input.schema.ts";
import { verifyByCode } from "@/lib/requests/verify-by-code.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";

export const POST = apiRoute(async (request: Request, context: { params: Promise<{ reference: string }> }) => {
  const reference = parseReference((await context.params).reference);
  await consumeRateLimit({ name: "verify-per-ip", limit: 30, windowSeconds: 3600 }, clientAddress(request.headers));
  const { value } = await readJsonBody(request);
  const { code } = verifyCodeSchema.parse(value);
  await verifyByCode(reference, code);
  return jsonResponse({ reference, status: "verified" });
});
