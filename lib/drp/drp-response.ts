// Route handlers of the DRP API answer JSON (DRP 3.06): errors as {"code","message","fatal"?}.
import { randomUUID } from "node:crypto";
import { AppError } from "../errors.ts";
import { loggableError, logger } from "../logger.ts";
import { DrpError } from "./drp-error.ts";

export function drpJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function drpErrorResponse(error: unknown): Response {
  if (error instanceof DrpError) return drpJson(error.body(), error.status);
  if (error instanceof AppError) {
    const headers: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return drpJson({ code: String(error.status), message: error.message }, error.status, headers);
  }
  const reference = randomUUID();
  logger.error({ err: loggableError(error), reference }, "unhandled error in DRP route");
  return drpJson({ code: "500", message: `Something went wrong on our side. Reference: ${reference}` }, 500);
}

/** Wraps a DRP route handler so every error becomes a DRP error answer. */
export function drpRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return drpErrorResponse(error);
    }
  };
}
