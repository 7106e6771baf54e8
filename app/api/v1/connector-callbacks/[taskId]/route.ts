// POST /api/v1/connector-callbacks/{taskId}: an http connector's system delivers a result later.
// Kept out of proxy.ts (its matcher), which would cut bodies at 10 MB: the limit is this route's own.

import { AppError } from "@/lib/errors.ts";
import { receiveConnectorCallback } from "@/lib/fulfilment/receive-connector-callback.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import { readLimitedText } from "@/lib/http/read-json-body.ts";

const MAX_CALLBACK_BYTES = 32 * 1024 * 1024;

const TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const POST = apiRoute(async (request: Request, context: { params: Promise<{ taskId: string }> }) => {
  const { taskId } = await context.params;
  // The same answer as for a task that does not exist (receive-connector-callback.ts), so the
  // route tells nothing about which ids exist.
  if (!TASK_ID.test(taskId)) throw new AppError("UNAUTHORIZED", "Invalid callback signature.");
  // The signature covers the exact bytes, so the body is read raw before it is parsed; counted
  // while reading, so a chunked or mislabelled body cannot get past the limit.
  const rawBody = await readLimitedText(request, MAX_CALLBACK_BYTES);
  const outcome = await receiveConnectorCallback(taskId, rawBody, request.headers);
  return jsonResponse(outcome, 200);
});
