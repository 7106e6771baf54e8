// Builds the staff API's route handlers from their operation (operations.ts): the permission is
// checked first (401/403 before anything is read), then the path, query or body is parsed with
// the documented schema, and actions honour an Idempotency-Key scoped to the API key. The
// handler carries its operation, so a test can check the document describes what it runs.
import { ZodError, type z } from "zod";
import type { Permission } from "../auth/permissions.ts";
import { requireStaffRequest } from "../auth/require-staff.ts";
import { actorOf, type StaffPrincipal } from "../auth/staff-principal.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { apiRoute, jsonResponse } from "../http/api-response.ts";
import { withIdempotency } from "../http/idempotency.ts";
import { readJsonBody, readOptionalJsonBody } from "../http/read-json-body.ts";
import type { ApiOperation } from "./operations.ts";
import { parseInput, parseReference, queryObject, validationError } from "./parse-input.ts";

type StaffAuth = { auth: { kind: "apiKey"; permission: Permission } };
type RouteContext = { params: Promise<Record<string, string | undefined>> };
type Documented<Op> = ((request: Request, context: RouteContext) => Promise<Response>) & { operation: Op };

type ActionOperation = ApiOperation &
  StaffAuth & { method: "post"; body: { schema: z.ZodType; required: boolean }; success: { schema: z.ZodType } };

export type ActionCall<Op extends ActionOperation> = {
  reference: string;
  body: z.output<Op["body"]["schema"]>;
  principal: StaffPrincipal;
  actor: Actor;
};

/** `POST /requests/{reference}/<action>` for integrations. */
export function staffActionRoute<const Op extends ActionOperation>(
  operation: Op,
  run: (call: ActionCall<Op>) => Promise<z.input<Op["success"]["schema"]>>,
): Documented<Op> {
  const handler = apiRoute(async (request: Request, context: RouteContext) => {
    const principal = await requireStaffRequest(request, operation.auth.permission);
    const reference = parseReference((await context.params).reference);
    const { value, raw } = operation.body.required ? await readJsonBody(request) : await readOptionalJsonBody(request);
    const body: z.output<Op["body"]["schema"]> = parseInput<Op["body"]["schema"]>(operation.body.schema, value);
    // Per key and per request: the same Idempotency-Key on another request, or from another
    // integration, is a different call.
    const scope = `${principalScope(principal)} POST /api/v1${operation.path.replace("{reference}", reference)}`;
    const result = await withIdempotency(scope, request.headers.get("idempotency-key"), raw, async () => {
      try {
        return { status: operation.success.status, body: await run({ reference, body, principal, actor: actorOf(principal) }) };
      } catch (error) {
        // A service's own rule on the input (e.g. a message required with the reason `other`).
        throw error instanceof ZodError ? validationError(error) : error;
      }
    });
    return jsonResponse(result.body, result.status, result.replayed ? { "idempotent-replayed": "true" } : {});
  });
  return Object.assign(handler, { operation });
}

type ReadOperation = ApiOperation & StaffAuth & { method: "get" };

export type ReadCall<Op extends ReadOperation> = {
  params: Record<string, string | undefined>;
  query: Op["query"] extends z.ZodType ? z.output<Op["query"]> : undefined;
  principal: StaffPrincipal;
};

/** A staff GET: the permission, then the query through the documented schema. */
export function staffReadRoute<const Op extends ReadOperation>(
  operation: Op,
  run: (call: ReadCall<Op>) => Promise<unknown>,
): Documented<Op> {
  const handler = apiRoute(async (request: Request, context: RouteContext) => {
    const principal = await requireStaffRequest(request, operation.auth.permission);
    const query = operation.query ? parseInput(operation.query, queryObject(new URL(request.url).searchParams)) : undefined;
    const body = await run({ params: await context.params, query: query as ReadCall<Op>["query"], principal });
    return jsonResponse(body, operation.success.status);
  });
  return Object.assign(handler, { operation });
}

function principalScope(principal: StaffPrincipal): string {
  return principal.kind === "apiKey" ? `api-key:${principal.apiKeyId}` : `staff:${principal.userId}`;
}
