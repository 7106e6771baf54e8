// The OpenAPI 3.1 document of /api/v1, generated from the operation table and the very zod
// schemas the handlers parse with. OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's default
// target; schemas named with `.meta({ id })` become components referenced by $ref.
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { type ApiOperation, operations } from "./operations.ts";
import { errorBodySchema } from "./staff-api-responses.schema.ts";

type JsonObject = Record<string, unknown>;
type Io = "input" | "output";

const errorDescriptions: Record<number, string> = {
  400: "Invalid input: `issues` names each invalid or unknown field by its path.",
  401: "No API key, or one that is unknown, revoked or malformed.",
  403: "The key's role does not grant this permission.",
  404: "No such request (or resource).",
  409: "The request's status does not allow this, or it changed meanwhile; or (`IDEMPOTENCY_IN_PROGRESS`, with Retry-After) a call with the same Idempotency-Key is still running; or (`IDEMPOTENCY_OUTCOME_UNKNOWN`) the first call with that key made its change but its answer was lost: read the current state.",
  410: "No longer available.",
  413: "The body is larger than 64 KB.",
  415: "The body is not sent as application/json.",
  422: "Refused by a rule (e.g. the law allows no extension), or an Idempotency-Key reused with another body.",
  429: "Too many calls; Retry-After says when to try again.",
  503: "A service the portal needs does not answer.",
};

/** Drops what only adds noise for a reader: the long regexes behind `format: date(-time)` and the safe-integer bounds of z.int(). */
function tidy({ jsonSchema }: { jsonSchema: JsonObject }) {
  if (jsonSchema.format === "date" || jsonSchema.format === "date-time") delete jsonSchema.pattern;
  if (jsonSchema.type === "integer") {
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  }
}

/** Collects named schemas into components and rewrites zod's local $defs references to them. */
class Components {
  readonly schemas: Record<string, JsonObject> = {};

  schemaObject(schema: z.ZodType, io: Io): JsonObject {
    const generated = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any", override: tidy }) as JsonObject;
    const { $schema: _dialect, $defs, ...root } = generated;
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonObject>)) this.add(id, this.relink(definition));
    const relinked = this.relink(root);
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id !== "string") return relinked;
    // A named root comes back as a $ref to its own $defs entry, already added above.
    if (relinked.$ref !== `#/components/schemas/${id}`) this.add(id, relinked);
    return { $ref: `#/components/schemas/${id}` };
  }

  private add(id: string, definition: JsonObject) {
    const existing = this.schemas[id];
    // One name, one shape: an id given to two different schemas (or used as input and output
    // with different shapes) would otherwise document one of them wrongly.
    if (existing && !isDeepStrictEqual(existing, definition)) throw new Error(`Two different schemas are named ${id}.`);
    this.schemas[id] = definition;
  }

  private relink(value: JsonObject): JsonObject {
    return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonObject;
  }
}

function parameters(operation: ApiOperation, components: Components): JsonObject[] {
  const list: JsonObject[] = [];
  for (const [name, param] of Object.entries(operation.pathParams ?? {})) {
    list.push({
      name,
      in: "path",
      required: true,
      description: param.description,
      schema: { type: "string", ...(param.pattern ? { pattern: param.pattern } : {}) },
      ...(param.example ? { example: param.example } : {}),
    });
  }
  for (const [name, field] of Object.entries(operation.query?.shape ?? {})) {
    const { description, ...schema } = components.schemaObject(field as z.ZodType, "input");
    list.push({
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema,
    });
  }
  for (const header of operation.headers ?? []) {
    list.push({
      name: header.name,
      in: "header",
      required: header.required ?? false,
      description: header.description,
      schema: { type: "string" },
    });
  }
  if (operation.idempotent) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "1 to 255 visible ASCII characters. A retry with the same key within 24 hours returns the first answer and changes nothing; a retry sent while the first call still runs waits for its answer (409 `IDEMPOTENCY_IN_PROGRESS` after 10 s). Staff actions scope keys per API key and path, and refuse the same key with another body (422); see the operation for public calls.",
      schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" },
    });
  }
  return list;
}

function security(operation: ApiOperation): { security: JsonObject[]; note?: string } {
  if (operation.auth.kind === "apiKey") {
    return { security: [{ apiKey: [] }], note: `Needs an API key whose role grants \`${operation.auth.permission}\`.` };
  }
  if (operation.auth.kind === "signature") return { security: [{ connectorSignature: [] }] };
  if (operation.auth.kind === "drpAgent") return { security: [{ drpAgentToken: [] }] };
  return { security: [] };
}

function operationObject(operation: ApiOperation, components: Components): JsonObject {
  const { security: requirement, note } = security(operation);
  const success: JsonObject = { description: operation.success.description };
  if (operation.success.schema) {
    success.content = { "application/json": { schema: components.schemaObject(operation.success.schema, "output") } };
  } else if (operation.success.contentTypes) {
    // A file: OpenAPI 3.1 describes binary content by its media type alone.
    success.content = Object.fromEntries(operation.success.contentTypes.map((type) => [type, {}]));
  }
  if (operation.idempotent) {
    success.headers = {
      "Idempotent-Replayed": { description: "`true` when this is the stored answer to an earlier call.", schema: { type: "string" } },
    };
  }
  const responses: Record<string, JsonObject> = { [operation.success.status]: success };
  for (const [status, other] of Object.entries(operation.otherResponses ?? {})) {
    responses[status] = {
      description: other.description,
      content: { "application/json": { schema: components.schemaObject(other.schema, "output") } },
    };
  }
  const errorSchema = components.schemaObject(operation.errorSchema ?? errorBodySchema, "output");
  for (const status of operation.errors) {
    responses[status] = { description: errorDescriptions[status] ?? "Error.", content: { "application/json": { schema: errorSchema } } };
  }
  for (const status of operation.emptyErrors ?? []) responses[status] = { description: "Refused, with no body." };
  const description = [operation.description, note].filter(Boolean).join("\n\n");
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(description ? { description } : {}),
    ...(operation.auth.kind === "apiKey" ? { "x-permission": operation.auth.permission } : {}),
    security: requirement,
    parameters: parameters(operation, components),
    ...(operation.body
      ? {
          requestBody: {
            required: operation.body.required,
            content: {
              [operation.body.contentType ?? "application/json"]: { schema: components.schemaObject(operation.body.schema, "input") },
            },
          },
        }
      : {}),
    responses,
  };
}

let built: JsonObject | undefined;

export function openApiDocument(): JsonObject {
  if (built) return built;
  const components = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of Object.values(operations) as ApiOperation[]) {
    // Another base than /api/v1 is the path's own server (OpenAPI 3.1 Path Item `servers`).
    paths[operation.path] ??= operation.server ? { servers: [{ url: operation.server }] } : {};
    paths[operation.path][operation.method] = operationObject(operation, components);
  }
  built = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "DSAR portal API",
      version: "1",
      description:
        "Public endpoints to file and verify data-subject requests, and the staff API for integrations: list, read and act on requests with an API key (`npm run admin -- create-api-key`). Errors always have the shape `{ error: { code, message, issues? } }`, except on the Data Rights Protocol's calls, which answer as that protocol says.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Requests", description: "For people and authorized agents: file and verify a request." },
      { name: "Staff", description: "For integrations, with an API key carrying a staff role (admin, agent, auditor)." },
      { name: "Reports", description: "The request register and yearly metrics, for auditors and admins." },
      { name: "Downloads", description: "The person's package." },
      { name: "Connectors", description: "Callbacks from http connectors." },
      { name: "System", description: "Health, this document and Global Privacy Control support." },
      {
        name: "Data Rights Protocol",
        description:
          "DRP 1.0 for trusted authorized agents, below /api/drp (the directory's `api_base`): signed messages and a bearer token, errors as `{ code, message, fatal? }`.",
      },
    ],
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "`Authorization: Bearer dsar_…`. Keys are created with `npm run admin -- create-api-key --role agent|auditor|admin --name N`, shown once and stored hashed; each has its role's permissions.",
        },
        drpAgentToken: {
          type: "http",
          scheme: "bearer",
          description: "The token a trusted agent got from its DRP key setup (`POST /api/drp/v1/agent/{agentId}`); stored hashed.",
        },
        connectorSignature: {
          type: "apiKey",
          in: "header",
          name: "X-DSAR-Signature",
          description: "HMAC-SHA256 with the connector's shared secret over `<X-DSAR-Timestamp>.<raw body>`.",
        },
      },
    },
  };
  return built;
}
