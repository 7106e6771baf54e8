// The rest connector against a SaaS-like API on this machine (tests/support/saas-server.ts): each
// kind of pagination, each kind of authentication, rate limits, retries, the person's records
// only, erasure that fails half-way and is retried, rectification, exact values.
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { API_KEY, OAUTH_CLIENT, RawNumber, type SaasServer, startSaasServer } from "../../../tests/support/saas-server.ts";
import type { AccessRecord, ConnectorContext, EraseReceipt, Subject } from "../connector.ts";
import { type RestConfig, restConfigSchema, restConnector } from "./index.ts";

vi.hoisted(() => {
  process.env.APP_URL = "http://127.0.0.1:3000";
  process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
  process.env.SMTP_URL = "smtp://127.0.0.1:1025";
  process.env.MAIL_FROM = "a@b.test";
  process.env.REDIS_URL = "redis://127.0.0.1:6379";
  process.env.ENCRYPTION_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  process.env.CONNECTOR_ALLOWED_HOSTS = "127.0.0.1";
});

const context: ConnectorContext = { taskId: "task-1", requestId: "req-1", reference: "DSR-2026-0001", action: "access" };
let server: SaasServer;

beforeAll(async () => {
  server = await startSaasServer();
});
afterAll(() => server.close());

beforeEach(() => {
  const { customers, orders } = server.state.generic;
  customers.clear();
  orders.length = 0;
  server.clearFaults();
  server.requests.length = 0;
  customers.set("c1", { id: "c1", email: "Ana.Lima@example.com", account_id: "A-1", name: "Ana Lima" });
  customers.set("c2", { id: "c2", email: "ana.lima.sister@example.com", account_id: "A-2", name: "Bia Lima" });
  for (let i = 1; i <= 5; i++) orders.push({ id: `o${i}`, customer_id: "c1", total: i * 10 });
  orders.push({ id: "o-other", customer_id: "c2", total: 99 });
});

/** A generic API config, authenticated with an API key, retrying fast. */
function config(overrides: Record<string, unknown> = {}): RestConfig {
  return restConfigSchema.parse({
    baseUrl: server.url,
    auth: { type: "apiKey", header: "X-Api-Key", value: API_KEY },
    retries: { max: 2, baseDelayMs: 5 },
    find: {
      category: "customer",
      request: { path: "/generic/customers", query: { email: "{email}" } },
      results: "customers",
      emailField: "email",
      accountIdField: "account_id",
    },
    ...overrides,
  });
}

function orders(kind: string, pagination: Record<string, unknown>) {
  return [
    {
      category: "orders",
      request: { path: `/generic/customers/{id}/orders/${kind}` },
      results: kind === "link" ? "" : "items",
      pagination,
    },
  ];
}

async function read(cfg: RestConfig, subject: Subject = { email: "ana.lima@example.com" }) {
  const result = await restConnector.access(cfg, subject, context);
  const records: AccessRecord[] = [];
  for await (const record of result as AsyncIterable<AccessRecord>) records.push(record);
  return records;
}

const idsOf = (records: AccessRecord[], category: string) => records.filter((r) => r.category === category).map((r) => r.fields.id);

describe("finding the person", () => {
  it("reads the person's record and every page of each category, with each kind of pagination", async () => {
    const kinds: Array<[string, Record<string, unknown>]> = [
      ["cursor", { type: "cursor", param: "cursor", cursorPath: "meta.next_cursor" }],
      ["offset", { type: "offset", limit: 2 }],
      ["offset", { type: "offset", limit: 2, totalPath: "total" }],
      ["page", { type: "page", size: 2 }],
      ["page", { type: "page", totalPagesPath: "total_pages" }],
      ["link", { type: "link" }],
    ];
    for (const [kind, pagination] of kinds) {
      const records = await read(config({ objects: orders(kind, pagination) }));
      expect(idsOf(records, "customer"), kind).toEqual(["c1"]);
      expect(idsOf(records, "orders"), `${kind} ${JSON.stringify(pagination)}`).toEqual(["o1", "o2", "o3", "o4", "o5"]);
    }
  });

  it("keeps only results whose email is the verified one, when a search also returns a near-match", async () => {
    const cfg = config({
      find: { request: { path: "/generic/search", query: { email: "{email}" } }, results: "matches", emailField: "email" },
    });
    const records = await read(cfg);
    expect(server.requests.at(-1)?.path).toBe("/generic/search");
    expect(records.map((r) => r.fields.email)).toEqual(["Ana.Lima@example.com"]);
  });

  it("narrows by a confirmed account number, and never widens", async () => {
    expect(idsOf(await read(config(), { email: "ana.lima@example.com", accountId: "A-1" }), "customer")).toEqual(["c1"]);
    expect(await read(config(), { email: "ana.lima@example.com", accountId: "A-2" })).toEqual([]);
  });

  it("without an email (an account id relayed by an integration), says plainly that nobody could be looked up by email", async () => {
    const byAccount = { email: null, accountId: "A-1" } as const;
    const calls = server.requests.length;
    const receipt = (await restConnector.erase(config(), byAccount, { ...context, action: "erasure" })) as EraseReceipt;
    expect(receipt.details).toEqual([
      {
        category: "customer",
        strategy: "delete",
        rows: 0,
        reason: "Not searched: this source finds people by their email address, and this request names the person by account id only",
      },
    ]);
    const noAccountField = config({
      find: {
        category: "customer",
        request: { path: "/generic/customers", query: { email: "{email}" } },
        results: "customers",
        emailField: "email",
      },
    });
    expect(await read(noAccountField, byAccount)).toEqual([]);
    expect(server.requests.length).toBe(calls);
  });

  it("takes a 404 or an empty list as 'not there', and says so in the erasure receipt", async () => {
    expect(await read(config(), { email: "nobody@example.com" })).toEqual([]);
    const receipt = (await restConnector.erase(config(), { email: "nobody@example.com" }, context)) as EraseReceipt;
    expect(receipt).toEqual({
      affected: 0,
      details: [{ category: "customer", strategy: "delete", rows: 0, reason: "No record of the person was found" }],
    });
  });

  it("URL-encodes identifiers in paths and queries", async () => {
    const cfg = config({ find: { request: { path: "/generic/customers/{email}" }, emailField: "email" } });
    await read(cfg, { email: "a/../b?x=1@example.com" });
    expect(server.requests.at(-1)?.path).toBe("/generic/customers/a%2F..%2Fb%3Fx%3D1%40example.com");
    await read(config(), { email: "a+b&c=d@example.com" });
    expect(server.requests.at(-1)?.query.get("email")).toBe("a+b&c=d@example.com");
  });

  it("keeps values exactly as received, big numbers included", async () => {
    server.state.generic.orders.push({ id: "big", customer_id: "c1", total: new RawNumber("12345678901234567890.0100") });
    const records = await read(config({ objects: orders("offset", { type: "offset", limit: 10 }) }));
    const big = records.find((r) => r.fields.id === "big");
    expect(big?.fields.total).toBe("12345678901234567890.0100");
    expect(records.find((r) => r.fields.id === "o1")?.fields.total).toBe(10);
  });

  it("stops at maxPages with a message naming the limit", async () => {
    const cfg = config({
      maxPages: 3,
      objects: [
        {
          category: "endless",
          request: { path: "/generic/endless" },
          results: "items",
          pagination: { type: "cursor", param: "cursor", cursorPath: "next_cursor" },
        },
      ],
    });
    await expect(read(cfg)).rejects.toThrow("endless (GET /generic/endless): stopped after 3 pages (maxPages) and the list goes on");
  });

  it("refuses a next page on another origin", async () => {
    server.state.generic.orders.length = 0;
    const cfg = config({
      objects: [{ category: "x", request: { path: "/generic/customers/{id}" }, pagination: { type: "nextUrl", nextUrlPath: "name" } }],
    });
    server.state.generic.customers.get("c1")!.name = "https://elsewhere.example/steal";
    await expect(read(cfg)).rejects.toThrow("the next page is on another origin (https://elsewhere.example)");
  });
});

describe("authentication", () => {
  const oauth = (overrides: Record<string, unknown> = {}) => ({
    type: "oauth2",
    tokenUrl: `${server.url}/oauth/token`,
    clientId: OAUTH_CLIENT.id,
    clientSecret: OAUTH_CLIENT.secret,
    scope: "customers.read",
    audience: "https://api.example.com",
    ...overrides,
  });

  it("sends bearer, basic and API-key credentials as configured", async () => {
    const sent = async (auth: Record<string, unknown>) => {
      await restConnector.test(config({ auth }));
      return server.requests.at(-1)?.headers;
    };
    expect((await sent({ type: "bearer", token: "t0k" }))?.authorization).toBe("Bearer t0k");
    expect((await sent({ type: "basic", username: "me/token", password: "pw:1" }))?.authorization).toBe(
      `Basic ${Buffer.from("me/token:pw:1").toString("base64")}`,
    );
    expect((await sent({ type: "apiKey", header: "X-Api-Key", value: API_KEY }))?.["x-api-key"]).toBe(API_KEY);
  });

  it("gets an OAuth2 token with scope and audience, keeps it, and refreshes it once when the API says it expired", async () => {
    const cfg = config({ auth: oauth({ clientId: OAUTH_CLIENT.id }) });
    const before = server.tokensIssued();
    expect(idsOf(await read(cfg), "customer")).toEqual(["c1"]);
    const tokenRequest = server.requests.find((r) => r.path === "/oauth/token");
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toMatchObject({
      grant_type: "client_credentials",
      scope: "customers.read",
      audience: "https://api.example.com",
    });
    await read(cfg);
    expect(server.tokensIssued()).toBe(before + 1);
    server.expireTokens();
    expect(idsOf(await read(cfg), "customer")).toEqual(["c1"]);
    expect(server.tokensIssued()).toBe(before + 2);
  });

  it("sends the client's credentials with basic auth when asked, and says which ones the token endpoint refused", async () => {
    await read(config({ auth: oauth({ clientAuthentication: "basic", scope: "basic-scope" }) }));
    expect(server.requests.find((r) => r.path === "/oauth/token" && r.headers.authorization)).toBeTruthy();
    const wrong = config({ auth: oauth({ clientSecret: "wrong", scope: "other" }) });
    await expect(read(wrong)).rejects.toThrow(
      `the token endpoint ${server.url}/oauth/token answered 401 (invalid_client); check clientId, clientSecret, scope and audience`,
    );
    expect(await restConnector.test(wrong)).toEqual({ ok: false, message: expect.stringContaining("answered 401 (invalid_client)") });
  });

  it("tests reachability and credentials without showing any answer", async () => {
    const ok = await restConnector.test(config());
    expect(ok).toEqual({
      ok: true,
      message: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+ accepted the credentials: find \(GET \/generic\/customers\) answered 404 in \d+ ms$/,
      ),
    });
    expect(server.requests.at(-1)?.query.get("email")).toBe("connection-test@example.invalid");
    const refused = await restConnector.test(config({ auth: { type: "apiKey", header: "X-Api-Key", value: "wrong" } }));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/refused the credentials \(401/);
    server.fail({ path: /./, status: 500, times: 10, body: '{"error":"Ana Lima is broken"}' });
    const failed = await restConnector.test(config());
    expect(failed.message).not.toContain("Ana");
    expect(failed.message).toMatch(/answered 500 \(3 tries\)$/);
  });
});

describe("rate limits and failures", () => {
  it("waits as Retry-After asks (seconds or an HTTP date), then goes on", async () => {
    server.fail({ path: /^\/generic\/customers$/, status: 429, times: 1, retryAfter: "1" });
    server.fail({ path: /orders/, status: 429, times: 1, retryAfter: new Date(Date.now() + 1000).toUTCString() });
    const started = Date.now();
    const records = await read(config({ objects: orders("offset", { type: "offset", limit: 10 }) }));
    expect(idsOf(records, "orders")).toHaveLength(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.requests.filter((r) => r.path === "/generic/customers")).toHaveLength(2);
  });

  it("waits out storms of 429s on the search, between pages and mid-erasure, losing and repeating nothing", async () => {
    server.fail({ path: /^\/generic\/customers$/, status: 429, times: 4, retryAfter: "0" });
    server.fail({ path: /\/orders\/cursor$/, status: 429, times: 5, skip: 1, retryAfter: "0" });
    const records = await read(config({ objects: orders("cursor", { type: "cursor", param: "cursor", cursorPath: "meta.next_cursor" }) }));
    expect(idsOf(records, "customer")).toEqual(["c1"]);
    expect(idsOf(records, "orders")).toEqual(["o1", "o2", "o3", "o4", "o5"]);
    expect(server.requests.filter((r) => r.path === "/generic/customers")).toHaveLength(5);
    const erasing = config({
      objects: orders("offset", { type: "offset", limit: 2 }),
      erase: [{ category: "orders", requests: [{ method: "DELETE", path: "/generic/orders/{item.id}" }] }],
    });
    server.fail({ method: "DELETE", path: /^\/generic\/orders\//, status: 429, times: 5, skip: 2, retryAfter: "0" });
    expect(await restConnector.erase(erasing, { email: "ana.lima@example.com" }, context)).toEqual({
      affected: 5,
      details: [{ category: "orders", strategy: "delete", rows: 5 }],
    });
    expect(server.state.generic.orders.map((o) => o.id)).toEqual(["o-other"]);
    expect(server.requests.filter((r) => r.method === "DELETE")).toHaveLength(10);
  });

  it("fails clearly when asked to wait longer than allowed, or after too many 429s", async () => {
    server.fail({ path: /./, status: 429, times: 1, retryAfter: "3600" });
    await expect(read(config())).rejects.toThrow(
      "find (GET /generic/customers): " +
        server.url +
        " answered 429 (too many requests) and asked to wait 3600 s, more than rateLimit.maxWaitSeconds (60 s)",
    );
    server.fail({ path: /./, status: 429, times: 10, retryAfter: "0" });
    await expect(read(config({ rateLimit: { maxWaits: 3 } }))).rejects.toThrow(
      "still answered 429 (too many requests) after 3 waits (rateLimit.maxWaits)",
    );
  });

  it("retries 5xx answers and network failures with backoff, a bounded number of times", async () => {
    server.fail({ path: /./, status: 503, times: 2 });
    expect(idsOf(await read(config()), "customer")).toEqual(["c1"]);
    server.fail({ path: /./, status: 502, times: 3, body: "bad gateway" });
    await expect(read(config())).rejects.toThrow(/answered 502 \(3 tries\): bad gateway$/);
    const closed = await freePort();
    await expect(read(config({ baseUrl: `http://127.0.0.1:${closed}` }))).rejects.toThrow(/Could not reach .* ECONNREFUSED.*\(3 tries\)$/);
  });

  it("spaces calls by requestsPerSecond", async () => {
    const started = Date.now();
    await read(
      config({ requestsPerSecond: 10, objects: orders("cursor", { type: "cursor", param: "cursor", cursorPath: "meta.next_cursor" }) }),
    );
    // Four calls (find, three pages) at 10 per second: at least 300 ms between the first and the last.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("stops waiting when the task is cancelled", async () => {
    server.fail({ path: /./, status: 429, times: 1, retryAfter: "30" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(
      restConnector.access(config(), { email: "ana.lima@example.com" }, { ...context, signal: controller.signal }),
    ).rejects.toThrow("was cancelled");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses addresses the guard refuses, as the http connector does", async () => {
    const requests = server.requests.length;
    const elsewhere = config({ baseUrl: server.url.replace("http://127.0.0.1", "https://127.0.0.2") });
    await expect(read(elsewhere)).rejects.toThrow(
      /127\.0\.0\.2 is or resolves to a loopback address, which connectors may not call unless CONNECTOR_ALLOWED_HOSTS lists the host/,
    );
    const oauth = config({ auth: { type: "oauth2", tokenUrl: "https://10.1.2.3/token", clientId: "x", clientSecret: "y" } });
    await expect(read(oauth)).rejects.toThrow(/10\.1\.2\.3 is or resolves to a private address/);
    expect(server.requests.length).toBe(requests);
  });
});

describe("erasure and rectification", () => {
  const erasing = () =>
    config({
      objects: orders("offset", { type: "offset", limit: 2 }),
      erase: [
        { category: "orders", requests: [{ method: "DELETE", path: "/generic/orders/{item.id}" }] },
        {
          category: "customer",
          requests: [{ method: "PATCH", path: "/generic/customers/{id}", body: { name: "[erased]", email: "erased-{id}@invalid" } }],
        },
      ],
    });

  it("erases each object and counts what was done", async () => {
    const receipt = await restConnector.erase(erasing(), { email: "ana.lima@example.com" }, context);
    expect(receipt).toEqual({
      affected: 6,
      details: [
        { category: "orders", strategy: "delete", rows: 5 },
        { category: "customer", strategy: "mask", rows: 1 },
      ],
    });
    expect(server.state.generic.orders.map((o) => o.id)).toEqual(["o-other"]);
    expect(server.state.generic.customers.get("c1")).toMatchObject({ name: "[erased]", email: "erased-c1@invalid" });
    expect(server.state.generic.customers.get("c2")?.name).toBe("Bia Lima");
  });

  it("says what was erased before a failure half-way, and a retry finishes the rest", async () => {
    server.fail({ method: "DELETE", path: /^\/generic\/orders\//, status: 500, times: 3, skip: 2 });
    const failure = restConnector.erase(erasing(), { email: "ana.lima@example.com" }, context);
    await expect(failure).rejects.toThrow(
      `erase orders (DELETE /generic/orders/{item.id}): ${server.url} answered 500 (3 tries) at orders 3 of 5 (id o3). Done before the failure: orders: 2 deleted (id o1, id o2). A retry repeats what is left`,
    );
    expect(server.state.generic.orders.map((o) => o.id)).toEqual(["o3", "o4", "o5", "o-other"]);
    const receipt = await restConnector.erase(erasing(), { email: "ana.lima@example.com" }, context);
    expect(receipt).toMatchObject({
      affected: 4,
      details: [
        { category: "orders", rows: 3 },
        { category: "customer", rows: 1 },
      ],
    });
  });

  it("counts a DELETE answered 404 (done by an earlier attempt) as done", async () => {
    const cfg = config({
      erase: [
        {
          category: "customer",
          requests: [
            { method: "DELETE", path: "/generic/customers/{id}" },
            { method: "DELETE", path: "/generic/customers/{id}" },
          ],
        },
      ],
    });
    expect(await restConnector.erase(cfg, { email: "ana.lima@example.com" }, context)).toEqual({
      affected: 1,
      details: [{ category: "customer", strategy: "delete", rows: 1 }],
    });
  });

  it("corrects mapped fields with a PATCH and reports the others as unmapped", async () => {
    const cfg = config({ rectify: { request: { method: "PATCH", path: "/generic/customers/{id}" }, fields: { fullName: "name" } } });
    const receipt = await restConnector.rectify(
      cfg,
      { email: "ana.lima@example.com" },
      [
        { field: "fullName", correctValue: "Ana Lima Souza" },
        { field: "Postal address", correctValue: "1 rue de Rivoli" },
      ],
      context,
    );
    expect(receipt).toEqual({
      applied: [{ field: "fullName", category: "customer", column: "name", rows: 1 }],
      unmapped: ["Postal address"],
    });
    expect(server.state.generic.customers.get("c1")?.name).toBe("Ana Lima Souza");
    expect(JSON.parse(server.requests.at(-1)?.body ?? "")).toEqual({ name: "Ana Lima Souza" });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
