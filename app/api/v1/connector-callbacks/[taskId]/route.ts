// POST /api/v1/connector-callbacks/{taskId}: an http connector's system delivers a result later.

import { AppError } from "@/lib/errors.ts";
import { receiveConnectorCallback } from "@/lib/fulfilment/receive-connector-callback.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";

const MAX_CALLBACK_BYTES = 32 * 1024 * 1024;

export const POST = apiRoute(async (request: Request, context: { params: Promise<{ taskId: string }> }) => {
  const { taskId } = await context.params;
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw new AppError("NOT_FOUND", "Unknown task.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CALLBACK_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The callback body is larger than 32 MB.");
  // The signature covers the exact bytes, so the body is read raw before it is parsed.
  const rawBody = await request.text();
  if (rawBody.length > MAX_CALLBACK_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The callback body is larger than 32 MB.");
  const outcome = await receiveConnectorCallback(taskId, rawBody, request.headers);
  return jsonResponse(outcome, 200);
});
