// The OpenAPI document: a well-formed 3.1 document, one entry for every route handler under
// app/api/v1 (a route added without one fails here), and request schemas that are the very
// objects the handlers parse with.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRequestSchema, verifyCodeSchema } from "../requests/request-input.schema.ts";
import { openApiDocument } from "./openapi-document.ts";
import { type ApiOperation, operations } from "./operations.ts";

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, walked by path in the assertions.
type Json = Record<string, any>;

const apiRoot = join(process.cwd(), "app", "api", "v1");
/** Route handlers documented under a server of their own: the DRP API and the GPC resource. */
const otherRoots = [
  { root: join(process.cwd(), "app", "api", "drp"), server: "/api/drp" },
  { root: join(process.cwd(), "app", ".well-known"), server: "/", prefix: "/.well-known" },
];
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** app/api/v1/requests/[reference]/approve/route.ts → /requests/{reference}/approve */
function documentPath(file: string, root = apiRoot, prefix = ""): string {
  const folders = relative(root, file).split(sep).slice(0, -1);
  return `${prefix}/${folders.map((folder) => folder.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

const document = openApiDocument() as Json;
const staffOperations = (Object.values(operations) as ApiOperation[]).filter((op) => op.auth.kind === "apiKey");
/** The routes built from their operation by staff-api-route.ts. */
const builtFromTable: ApiOperation[] = [
  operations.listRequests,
  operations.getRequest,
  operations.approveRequest,
  operations.denyRequest,
  operations.extendDeadline,
  operations.requestInformation,
  operations.assignRequest,
  operations.closeRequest,
  operations.confirmAccountId,
];

function routeFileOf(op: ApiOperation): string {
  return join(
    apiRoot,
    ...op.path
      .slice(1)
      .split("/")
      .map((s) => s.replace(/^\{(.+)\}$/, "[$1]")),
    "route.ts",
  );
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info, a server, a bearer scheme and the error shape", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
    // Survives a trip through JSON unchanged (no undefined, functions or class instances).
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("documents every route handler under app/api/v1, and nothing that is not one", async () => {
    const found: string[] = [];
    for (const file of routeFiles(apiRoot)) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const method of methods) {
        if (typeof module[method] !== "function") continue;
        const key = `${method.toLowerCase()} ${documentPath(file)}`;
        found.push(key);
        expect(
          document.paths[documentPath(file)]?.[method.toLowerCase()],
          `${key} (${relative(process.cwd(), file)}) is not in lib/api/operations.ts`,
        ).toBeDefined();
      }
    }
    for (const { root, server, prefix } of otherRoots) {
      for (const file of routeFiles(root)) {
        const module = (await import(file)) as Record<string, unknown>;
        const path = documentPath(file, root, prefix);
        for (const method of methods) {
          if (typeof module[method] !== "function") continue;
          found.push(`${method.toLowerCase()} ${path}`);
          const item = document.paths[path];
          expect(
            item?.[method.toLowerCase()],
            `${method} ${server} ${path} (${relative(process.cwd(), file)}) is not documented`,
          ).toBeDefined();
          expect(item.servers, `${path} is served below ${server}`).toEqual([{ url: server }]);
        }
      }
    }
    const documented = Object.entries(document.paths as Json).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== "servers")
        .map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(found.sort());
    expect(found).toContain("get /requests/{reference}");
    expect(found).toContain("post /v1/data-rights-request");
    expect(found).toContain("get /.well-known/gpc.json");
  });

  it("documents the DRP calls as the protocol has them: a signed text/plain body, the bearer token, the protocol's error shape", () => {
    const exercise = document.paths["/v1/data-rights-request"].post;
    expect(Object.keys(exercise.requestBody.content)).toEqual(["text/plain"]);
    expect(exercise.security).toEqual([{ drpAgentToken: [] }]);
    expect(exercise.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/DrpStatus" });
    expect(exercise.responses["403"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/DrpError" });
    expect(document.components.schemas.DrpError.required).toEqual(["code", "message"]);
    expect(document.paths["/v1/data-rights-request/{requestId}"].delete.requestBody.content).toHaveProperty("text/plain");
    // The key setup is signed only: no token yet, and a refusal is 403 with no body.
    const setup = document.paths["/v1/agent/{agentId}"].post;
    expect(setup.security).toEqual([]);
    expect(setup.responses["403"].content).toBeUndefined();
    expect(document.components.securitySchemes.drpAgentToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/.well-known/gpc.json"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/GpcSupport",
    });
  });

  it("gives each operation a unique id, its path parameters, responses and known references", () => {
    const ids = new Set<string>();
    const refs: string[] = [];
    JSON.stringify(document, (key, value) => {
      if (key === "$ref") refs.push(value);
      return value;
    });
    for (const [path, item] of Object.entries(document.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        if (method === "servers") continue;
        expect(ids.has(operation.operationId), `${method} ${path}: duplicate operationId`).toBe(false);
        ids.add(operation.operationId);
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        const declared = operation.parameters
          .filter((p: Json) => p.in === "path")
          .map((p: Json) => p.name)
          .sort();
        expect(declared, `${method} ${path}: path parameters`).toEqual(inPath);
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        for (const status of Object.keys(operation.responses)) expect(status).toMatch(/^[1-5]\d\d$/);
      }
    }
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.split("/").at(-1) as string], ref).toBeDefined();
    }
  });

  it("asks for an API key with the permission the handler checks, and answers 401 and 403", () => {
    for (const op of staffOperations) {
      const documented = document.paths[op.path][op.method];
      const permission = op.auth.kind === "apiKey" ? op.auth.permission : "";
      expect(documented.security).toEqual([{ apiKey: [] }]);
      expect(documented["x-permission"]).toBe(permission);
      expect(Object.keys(documented.responses)).toEqual(expect.arrayContaining(["401", "403"]));
      // Routes not built from the table must name the same permission themselves.
      if (!builtFromTable.includes(op)) {
        expect(readFileSync(routeFileOf(op), "utf8"), op.operationId).toContain(`requireStaffRequest(request, "${permission}")`);
      }
    }
    expect(document.paths["/requests"].post.security).toEqual([]);
  });

  it("documents the list's query parameters with their limits", () => {
    const parameters = document.paths["/requests"].get.parameters as Json[];
    expect(parameters.map((p) => p.name)).toEqual(["status", "type", "jurisdiction", "dueBefore", "sort", "order", "page", "pageSize"]);
    expect(parameters.every((p) => p.in === "query" && p.required === false)).toBe(true);
    expect(parameters.find((p) => p.name === "pageSize")?.schema).toMatchObject({ type: "integer", maximum: 100, default: 25 });
    expect(parameters.find((p) => p.name === "sort")?.schema.enum).toEqual(["dueDate", "receivedAt", "reference", "status"]);
  });

  it("offers Idempotency-Key on every staff action", () => {
    for (const op of builtFromTable.filter((o) => o.method === "post")) {
      const names = document.paths[op.path].post.parameters.map((p: Json) => p.name);
      expect(names, op.operationId).toContain("Idempotency-Key");
    }
  });
});

describe("the documented request schemas are the handlers' own", () => {
  it("each staff route handler is built from its operation, and the body documented is that operation's schema", async () => {
    for (const op of builtFromTable) {
      const handler = ((await import(routeFileOf(op))) as Record<string, { operation?: unknown }>)[op.method.toUpperCase()];
      expect(handler?.operation, `${op.method} ${op.path}`).toBe(op);
      if (op.body) {
        const documented = document.paths[op.path][op.method].requestBody.content["application/json"].schema;
        expect(documented).toEqual(JSON.parse(JSON.stringify(stripDialect(z.toJSONSchema(op.body.schema, { io: "input" })))));
        // Unknown fields are refused, so the document says so.
        expect(documented.additionalProperties).toBe(false);
      }
    }
  });

  it("the public routes parse with the schemas the document shows", () => {
    const publicRoutes = [
      { op: operations.createRequest, schema: createRequestSchema, name: "createRequestSchema", file: "requests/route.ts" },
      { op: operations.verifyRequest, schema: verifyCodeSchema, name: "verifyCodeSchema", file: "requests/[reference]/verify/route.ts" },
    ];
    for (const { op, schema, name, file } of publicRoutes) {
      expect(op.body.schema).toBe(schema);
      const source = readFileSync(join(apiRoot, file), "utf8");
      expect(source, file).toMatch(new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "@/lib/requests/request-input\\.schema\\.ts"`));
      expect(source, file).toContain(`${name}.parse(`);
      const documented = document.paths[op.path].post.requestBody.content["application/json"].schema;
      expect(documented).toEqual(stripDialect(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })));
    }
  });
});

function stripDialect(schema: Json): Json {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
