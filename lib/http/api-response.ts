// Turns any thrown error into the API's error shape. Only AppError messages reach the caller;
// anything else is logged and answered with a generic message and a reference to the log line.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError } from "../errors.ts";
import { localiseIssues } from "../i18n/validation-messages.ts";
import { loggableError, logger } from "../logger.ts";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const issues = localiseIssues(error.issues, "en");
    return jsonResponse(
      {
        error: {
          code: "VALIDATION_FAILED",
          message: `Invalid ${issues.map((i) => i.path || "body").join(", ")}: ${issues[0]?.message ?? ""}`.trim(),
          issues,
        },
      },
      400,
    );
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
    return jsonResponse(
      { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}), ...(error.details ?? {}) } },
      error.status,
      headers,
    );
  }
  const reference = randomUUID();
  logger.error(
    { err: loggableError(error), stack: error instanceof Error ? error.stack?.split("\n").slice(1, 6).join("\n") : undefined, reference },
    "unhandled error in API route",
  );
  return jsonResponse({ error: { code: "INTERNAL", message: `Something went wrong on our side. Reference: ${reference}` } }, 500);
}

/** Wraps a route handler so every error becomes a proper API answer. */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
