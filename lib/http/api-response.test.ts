import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import type { ZodError } from "zod";
import { AppError } from "../errors.ts";
import { logger } from "../logger.ts";
import { createRequestSchema } from "../requests/request-input.schema.ts";
import { assertTransition } from "../requests/request-status.ts";
import { apiRoute, errorResponse, jsonResponse } from "./api-response.ts";

type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }>; [key: string]: unknown } };

function zodErrorFor(input: unknown): ZodError {
  const result = createRequestSchema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return result.error;
}

let loggedErrors: MockInstance;
beforeEach(() => {
  // Keeps the test output quiet and lets the tests see what was logged.
  loggedErrors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  loggedErrors.mockRestore();
});

describe("jsonResponse", () => {
  it("answers JSON that no cache keeps", async () => {
    const response = jsonResponse({ reference: "DSR-7K3M-Q9PX" }, 202, { "idempotent-replayed": "true" });
    expect(response.status).toBe(202);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    expect(await response.json()).toEqual({ reference: "DSR-7K3M-Q9PX" });
  });
});

describe("errorResponse", () => {
  it("answers invalid input with 400 and, for each field, what to fix in English", async () => {
    const response = errorResponse(zodErrorFor({ type: "access", email: "jane.doe", country: "US" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "Invalid email, region: Enter a valid email address, such as name@example.com.",
        issues: [
          { path: "email", message: "Enter a valid email address, such as name@example.com." },
          { path: "region", message: "Choose your state or province: the law that protects you depends on it." },
        ],
      },
    });
  });

  it("names a nested field by its full path", async () => {
    const error = zodErrorFor({ type: "rectification", email: "jane.doe@example.com", country: "FR", corrections: [{ field: "Address" }] });
    const body = (await errorResponse(error).json()) as ErrorBody;
    expect(body.error.issues).toEqual([
      { path: "corrections.0.correctValue", message: "Give the correct value (at most 1,000 characters)." },
    ]);
  });

  it("calls a body that is not an object 'body' rather than leaving the field blank", async () => {
    const body = (await errorResponse(zodErrorFor(["access"])).json()) as ErrorBody;
    expect(body.error.message).toBe("Invalid body: This value is not valid.");
  });

  it("tells an API caller who sends a misspelt field which field it does not know", async () => {
    const error = zodErrorFor({ type: "access", email: "jane.doe@example.com", country: "FR", acountId: "C-1042" });
    const response = errorResponse(error);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("acountId");
  });

  it("answers too many requests with 429 and a Retry-After header", async () => {
    const response = errorResponse(new AppError("RATE_LIMITED", "Too many requests: try again in 2 minutes.", { retryAfterSeconds: 120 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Too many requests: try again in 2 minutes." } });
  });

  it("adds no Retry-After header to other errors", () => {
    const response = errorResponse(new AppError("NOT_FOUND", "No request with this reference."));
    expect(response.status).toBe(404);
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it("passes on an application error's message and details, with the status of its code", async () => {
    let error: unknown;
    try {
      assertTransition("DSR-7K3M-Q9PX", "COMPLETED", "WITHDRAWN");
    } catch (caught) {
      error = caught;
    }
    const response = errorResponse(error);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        code: "INVALID_STATE",
        message: "Request DSR-7K3M-Q9PX is completed and cannot become withdrawn.",
        reference: "DSR-7K3M-Q9PX",
        from: "COMPLETED",
        to: "WITHDRAWN",
      },
    });
  });

  it("passes on an application error's field issues", async () => {
    const issues = [{ path: "code", message: "Enter the 6-digit code from the email." }];
    const body = (await errorResponse(new AppError("INVALID_CODE", "This code is not right.", { issues })).json()) as ErrorBody;
    expect(body.error.issues).toEqual(issues);
  });

  it("answers an unexpected error with 500 and a reference, never its own message", async () => {
    const response = errorResponse(new Error('duplicate key value: email "jane.doe@example.com" already exists'));
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).toMatch(/^Something went wrong on our side\. Reference: [0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toContain("jane.doe");
    expect(JSON.stringify(body)).not.toContain("duplicate key");
  });

  it("logs the unexpected error under the reference the caller was given", async () => {
    const cause = new Error("connection refused");
    const body = (await errorResponse(cause).json()) as ErrorBody;
    const reference = body.error.message.split("Reference: ")[1];
    expect(loggedErrors).toHaveBeenCalledWith(
      expect.objectContaining({ err: { type: "Error", message: "connection refused" }, reference }),
      "unhandled error in API route",
    );
  });

  it("logs no email address an unexpected error may carry", async () => {
    errorResponse(new Error("no row for jane.doe@example.com"));
    expect(JSON.stringify(loggedErrors.mock.calls.at(-1))).not.toContain("jane.doe@example.com");
  });

  it("gives each unexpected error its own reference", async () => {
    const first = (await errorResponse(new Error("boom")).json()) as ErrorBody;
    const second = (await errorResponse(new Error("boom")).json()) as ErrorBody;
    expect(first.error.message).not.toBe(second.error.message);
  });

  it("answers something thrown that is not an Error at all with 500", async () => {
    const response = errorResponse("jane.doe@example.com");
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("jane.doe");
  });
});

describe("apiRoute", () => {
  it("returns the handler's answer and passes it the request", async () => {
    const route = apiRoute(async (request: Request) => jsonResponse({ method: request.method }, 201));
    const response = await route(new Request("http://localhost:3000/api/v1/requests", { method: "POST" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ method: "POST" });
  });

  it("turns an application error thrown by the handler into its API answer", async () => {
    const route = apiRoute(async () => {
      throw new AppError("RATE_LIMITED", "Too many requests: try again in 1 minute.", { retryAfterSeconds: 60 });
    });
    const response = await route();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
  });

  it("turns invalid input into a 400 naming the field", async () => {
    const route = apiRoute(async () => {
      createRequestSchema.parse({ type: "access", email: "jane.doe@example.com", country: "Atlantis" });
      return jsonResponse({});
    });
    const response = await route();
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.issues).toEqual([
      { path: "country", message: "Choose the country where you live." },
    ]);
  });

  it("turns a crash into a 500 with a reference and without the crash's message", async () => {
    const route = apiRoute(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'jane.doe@example.com')");
    });
    const response = await route();
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.message).toContain("Reference:");
    expect(body.error.message).not.toContain("jane.doe");
  });
});
