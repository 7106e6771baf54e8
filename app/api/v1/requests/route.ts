// POST /api/v1/requests: file one request for one right (public).
// GET /api/v1/requests: list requests for integrations (API key with requests.read).
import { intakeAnswer, intakeAnswerFromTransaction } from "@/lib/api/intake-answer.ts";
import { listApiRequests } from "@/lib/api/list-api-requests.ts";
import { operations } from "@/lib/api/operations.ts";
import { staffReadRoute } from "@/lib/api/staff-api-route.ts";
import { env } from "@/lib/env.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { withIdempotency } from "@/lib/http/idempotency.ts";
import { publicIdempotencyScope } from "@/lib/http/public-idempotency-scope.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { createSubmission } from "@/lib/requests/create-submission.ts";
import { createRequestSchema } from "@/lib/requests/request-input.schema.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";

export const POST = apiRoute(async (request: Request) => {
  await consumeRateLimit(
    { name: "requests-per-ip", limit: env().RATE_LIMIT_PER_IP_PER_HOUR, windowSeconds: 3600 },
    clientAddress(request.headers),
  );
  const { value, raw } = await readJsonBody(request);
  const { type, ...person } = createRequestSchema.parse(value);
  const key = request.headers.get("idempotency-key");
  const scope = key ? await publicIdempotencyScope(request, "POST /api/v1/requests", raw) : "";
  const result = await withIdempotency(
    scope,
    key,
    raw,
    async () => {
      await consumeRateLimit(
        { name: "requests-per-email", limit: env().RATE_LIMIT_PER_EMAIL_PER_DAY, windowSeconds: 86_400 },
        person.email.toLowerCase(),
      );
      const created = await createSubmission({ input: { ...person, types: [type] }, channel: "API" });
      return intakeAnswer(created.requests[0].reference);
    },
    // The answer is stored in the submission's own transaction: a crash right after it commits
    // still replays the same reference.
    { answerFromTransaction: intakeAnswerFromTransaction },
  );
  return jsonResponse(result.body, result.status, result.replayed ? { "idempotent-replayed": "true" } : {});
});

export const GET = staffReadRoute(operations.listRequests, ({ query }) => listApiRequests(query));
