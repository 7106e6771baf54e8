// The rest connector's config: defaults, and problems that name their field (and, in a
// connectors file, their line).
import { describe, expect, it } from "vitest";
import { parseExactJson } from "../exact-json.ts";
import { readConnectorsFile } from "../read-connectors-file.ts";
import { formEncode, retryAfterSeconds } from "./client.ts";
import { restConfigSchema } from "./config.ts";
import { parsePath, selectPath, setPath } from "./json-path.ts";
import { nextLink } from "./pagination.ts";
import { fillPath, fillValue, templateVariables } from "./template.ts";

const valid = {
  baseUrl: "https://api.example.com",
  auth: { type: "bearer", token: "t" },
  find: { request: { path: "/customers", query: { email: "{email}" } }, results: "data", emailField: "email" },
};

function problems(config: unknown): string[] {
  const result = restConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("rest connector config", () => {
  it("asks for a missing secret in words, as for an empty one", () => {
    const missing = "auth.token: give the value (it is stored encrypted and never shown again)";
    expect(problems({ ...valid, auth: { type: "bearer" } })).toEqual([missing]);
    expect(problems({ ...valid, auth: { type: "bearer", token: "" } })).toEqual([missing]);
    expect(problems({ ...valid, auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "c" } })).toEqual([
      "auth.clientSecret: give the value (it is stored encrypted and never shown again)",
    ]);
  });

  it("fills in the defaults and accepts its own output again", () => {
    const parsed = restConfigSchema.parse(valid);
    expect(parsed).toMatchObject({
      bodyFormat: "json",
      timeoutSeconds: 30,
      maxPages: 100,
      retries: { max: 3 },
      rateLimit: { maxWaitSeconds: 60 },
    });
    expect(parsed.find).toMatchObject({ category: "person", idField: "id", pagination: { type: "none" }, request: { method: "GET" } });
    expect(restConfigSchema.parse(parsed)).toEqual(parsed);
  });

  it("names the field of each problem", () => {
    expect(problems({ ...valid, baseUrl: "http://api.example.com" })).toEqual([
      "baseUrl: use https; plain http is allowed only for localhost or 127.0.0.1 (got api.example.com)",
    ]);
    expect(problems({ ...valid, auth: { type: "token" } })).toEqual(["auth.type: one of none, bearer, basic, apiKey, oauth2"]);
    expect(problems({ ...valid, headers: { Authorization: "Bearer x" } })[0]).toMatch(
      /^headers.Authorization: Authorization cannot be set here/,
    );
    expect(problems({ ...valid, find: { ...valid.find, request: { path: "/customers/{id}" } } })).toEqual([
      "find.request.path: {id} is not available here (find runs before the person's id is known)",
    ]);
    expect(problems({ ...valid, find: { ...valid.find, results: "data..x" } })).toEqual([
      "find.results: a dotted path such as data, results[0].id or paging.next.after",
    ]);
    expect(problems({ ...valid, find: { ...valid.find, pagination: { type: "cursor", param: "after" } } })[0]).toMatch(
      /^find.pagination.cursorPath: give either cursorPath/,
    );
    expect(problems({ ...valid, erase: [{ category: "orders", retain: "kept" }] })[0]).toMatch(
      /^erase.0.category: category "orders" is neither/,
    );
  });

  it("keeps only the secret of the kind of auth chosen (a kind changed on the form leaves the old one stored)", () => {
    const parsed = restConfigSchema.parse({ ...valid, auth: { type: "basic", username: "u", password: "p", token: "old" } });
    expect(parsed.auth).toEqual({ type: "basic", username: "u", password: "p" });
  });

  it("reports problems in a connectors file at their line", async () => {
    const file = `connectors:
  - key: crm
    name: CRM
    type: rest
    actions: [access]
    config:
      baseUrl: https://api.example.com
      auth: { type: bearer, token: x }
      find:
        request: { path: "/customers/{id}" }
        emailField: email
`;
    const { problems: found } = await readConnectorsFile(file, {}, { liveChecks: false });
    expect(found).toEqual([
      {
        line: 10,
        column: 26,
        path: "connectors[0].config.find.request.path",
        message: "{id} is not available here (find runs before the person's id is known)",
      },
    ]);
  });
});

describe("rest connector building blocks", () => {
  it("selects and sets dotted paths", () => {
    expect(parsePath('$.a[2]["x.y"].b')).toEqual(["a", 2, "x.y", "b"]);
    expect(parsePath("a..b")).toBeNull();
    expect(selectPath({ a: [{ b: 1 }] }, "a[0].b")).toBe(1);
    expect(selectPath({ a: 1 }, "")).toEqual({ a: 1 });
    expect(selectPath({ a: 1 }, "constructor")).toBeUndefined();
    const body: Record<string, unknown> = { user: { role: "end-user" } };
    setPath(body, "user.name", "Ana");
    expect(body).toEqual({ user: { role: "end-user", name: "Ana" } });
  });

  it("fills templates, encoding values in paths", () => {
    expect(templateVariables("/x/{id}/{item.a.b}?{{literal}}")).toEqual(["id", "item.a.b"]);
    expect(fillPath("/u/{email}", { email: "a b/c@d" })).toBe("/u/a%20b%2Fc%40d");
    expect(fillValue({ q: ['email:"{email}"', 3], n: null }, { email: "e@x" })).toEqual({ q: ['email:"e@x"', 3], n: null });
    expect(() => fillPath("/u/{accountId}", { email: "e", accountId: null })).toThrow("no value for {accountId}");
  });

  it("reads RFC 8288 Link headers and Retry-After in both forms", () => {
    expect(nextLink('<https://a.test/p?page=1>; rel="first", <https://a.test/p?page=3>; rel="prev next"')).toBe("https://a.test/p?page=3");
    expect(nextLink('<https://a.test/p?page=1>; rel="last"')).toBeNull();
    expect(retryAfterSeconds("120")).toBe(120);
    const now = Date.parse("2026-03-01T10:00:00Z");
    expect(retryAfterSeconds("Sun, 01 Mar 2026 10:00:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds("soon", now)).toBeNull();
  });

  it("encodes forms as Stripe reads them, and keeps numbers exact", () => {
    expect(formEncode({ name: "A B", address: { line1: "1 rue" }, tags: ["x"] })).toBe("name=A+B&address%5Bline1%5D=1+rue&tags%5B0%5D=x");
    expect(parseExactJson('{"id": 12345678901234567890, "n": 42, "d": 0.1, "p": 1.000000000000000000001}')).toEqual({
      id: "12345678901234567890",
      n: 42,
      d: 0.1,
      p: "1.000000000000000000001",
    });
  });
});
