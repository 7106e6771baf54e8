// POST /api/v1/opt-outs: an integration relays an opt-out (GPC or an opt-out link).
import { operations } from "@/lib/api/operations.ts";
import { parseInput } from "@/lib/api/parse-input.ts";
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { env } from "@/lib/env.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import { withIdempotency } from "@/lib/http/idempotency.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { recordOptOutSchema } from "@/lib/opt-outs/opt-out-input.schema.ts";
import { recordOptOut } from "@/lib/opt-outs/record-opt-out.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";

const operation = operations.recordOptOut;

export const POST = apiRoute(async (request: Request) => {
  const principal = await requireStaffRequest(request, "optOuts.record");
  if (principal.kind !== "apiKey") throw new Error("unreachable: changes need an API key");
  await consumeRateLimit(
    { name: "opt-outs-per-key", limit: env().OPT_OUT_RATE_LIMIT_PER_KEY_PER_HOUR, windowSeconds: 3600 },
    principal.apiKeyId,
  );
  const { value, raw } = await readJsonBody(request);
  const input = parseInput(recordOptOutSchema, value);
  const scope = `api-key:${principal.apiKeyId} POST /api/v1/opt-outs`;
  const result = await withIdempotency(scope, request.headers.get("idempotency-key"), raw, async () => ({
    status: operation.success.status,
    body: await recordOptOut({ input, actor: actorOf(principal), apiKeyId: principal.apiKeyId }),
  }));
  return jsonResponse(result.body, result.status, result.replayed ? { "idempotent-replayed": "true" } : {});
});
