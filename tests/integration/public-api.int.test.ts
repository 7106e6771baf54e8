// The public API's contract, through its route handlers against the real database and queue.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/v1/health/route.ts";
import { POST as verify } from "../../app/api/v1/requests/[reference]/verify/route.ts";
import { POST as fileRequest } from "../../app/api/v1/requests/route.ts";
import { db } from "../../lib/db.ts";
import { inOneRateLimitWindow } from "../../lib/security/rate-limit-window.test-support.ts";
import { freshClientAddress } from "../support/client-addresses.ts";
import { codeIn, waitForEmail } from "../support/mailbox.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

runWorkersDuringTests();

const nextAddress = () => freshClientAddress();

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: raw,
    headers: { "content-type": "application/json", "x-dsar-socket-address": headers["x-dsar-socket-address"] ?? nextAddress(), ...headers },
  });
}

const params = (reference: string) => ({ params: Promise.resolve({ reference }) });
const valid = (email: string) => ({ type: "access", email, country: "US", region: "US-CA", fullName: "Ana Pérez" });

describe("POST /api/v1/requests", () => {
  it("answers 202 with a reference, the same whether or not the email is known", async () => {
    const first = await fileRequest(post("/api/v1/requests", valid("known@example.test")));
    const again = await fileRequest(post("/api/v1/requests", valid("known@example.test")));
    const unknown = await fileRequest(post("/api/v1/requests", valid("never-seen@example.test")));
    const references: string[] = [];
    for (const response of [first, again, unknown]) {
      expect(response.status).toBe(202);
      const body = await response.json();
      references.push(body.reference);
      expect(Object.keys(body).sort()).toEqual(["reference", "status"]);
      expect(body.reference).toMatch(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(body.status).toBe("submitted");
    }
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { reference: references[2] } });
    expect(stored).toMatchObject({ jurisdiction: "US_CA", channel: "API", type: "ACCESS" });
  });

  it("names every invalid field with a 400", async () => {
    const response = await fileRequest(post("/api/v1/requests", { type: "delete-everything", email: "nope", country: "ZZ" }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    const paths = error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["type", "email", "country"]));
    expect(error.issues.find((i: { path: string }) => i.path === "email").message).toMatch(/valid email/);
  });

  it("refuses agent fields with a 400 saying a request for someone else is filed on the web form, and files nothing", async () => {
    const email = `agent-api-${randomUUID()}@example.test`;
    const agent = { name: "Ada Agent", email: "ada@agents.example" };
    const response = await fileRequest(post("/api/v1/requests", { ...valid(email), agent }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.issues).toEqual([expect.objectContaining({ path: "agent", message: expect.stringMatching(/web form/) })]);
    expect(await db().dsarRequest.count({ where: { email } })).toBe(0);
  });

  it("asks for the state when the law depends on it, and for corrections on a rectification", async () => {
    const noState = await fileRequest(post("/api/v1/requests", { type: "access", email: "a@example.test", country: "US" }));
    expect((await noState.json()).error.issues).toEqual([expect.objectContaining({ path: "region" })]);
    const noFix = await fileRequest(post("/api/v1/requests", { type: "rectification", email: "a@example.test", country: "FR" }));
    expect((await noFix.json()).error.issues).toEqual([expect.objectContaining({ path: "corrections" })]);
  });

  it("refuses unknown fields, bodies that are not JSON, and bodies over 64 KB", async () => {
    const extra = await fileRequest(post("/api/v1/requests", { ...valid("x@example.test"), isAdmin: true }));
    expect(extra.status).toBe(400);
    const broken = await fileRequest(post("/api/v1/requests", "{not json"));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/not valid JSON/);
    const huge = await fileRequest(post("/api/v1/requests", { ...valid("x@example.test"), details: "x".repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
    const wrongType = await fileRequest(
      new Request("http://localhost/api/v1/requests", {
        method: "POST",
        body: "a=b",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(wrongType.status).toBe(415);
  });

  it("returns the first answer again for a retried Idempotency-Key and creates nothing new", async () => {
    const headers = { "idempotency-key": `retry-${Date.now()}`, "x-dsar-socket-address": nextAddress() };
    const body = valid(`idem${Date.now()}@example.test`);
    const first = await (await fileRequest(post("/api/v1/requests", body, headers))).json();
    const retried = await fileRequest(post("/api/v1/requests", body, headers));
    expect(retried.status).toBe(202);
    expect(await retried.json()).toEqual(first);
    expect(await db().dsarRequest.count({ where: { email: body.email } })).toBe(1);
    // Without an API key a key is scoped to the client and its body: another body is another call.
    const other = await fileRequest(post("/api/v1/requests", { ...body, type: "erasure" }, headers));
    expect(other.status).toBe(202);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect((await other.json()).reference).not.toBe(first.reference);
  });

  it("limits calls per address and per email with 429 and Retry-After", async () => {
    // Each series runs within one window of its limit (hourly per address, daily per email), so the
    // result never depends on the clock crossing an hour or midnight UTC during the calls.
    const limit = Number(process.env.RATE_LIMIT_PER_IP_PER_HOUR ?? 20);
    const last = await inOneRateLimitWindow(3600, async () => {
      const address = nextAddress();
      let response: Response | undefined;
      for (let i = 0; i <= limit; i++)
        response = await fileRequest(
          post("/api/v1/requests", valid(`ip${i}-${Date.now()}@example.test`), { "x-dsar-socket-address": address }),
        );
      return response;
    });
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);

    const perEmail = Number(process.env.RATE_LIMIT_PER_EMAIL_PER_DAY ?? 10);
    const { statuses, refused } = await inOneRateLimitWindow(86_400, async () => {
      const email = `busy-${randomUUID()}@example.test`;
      const accepted: number[] = [];
      for (let i = 0; i < perEmail; i++) accepted.push((await fileRequest(post("/api/v1/requests", valid(email)))).status);
      return { statuses: accepted, refused: await fileRequest(post("/api/v1/requests", valid(email))) };
    });
    expect(statuses).toEqual(Array(perEmail).fill(202));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });
});

describe("POST /api/v1/requests/{reference}/verify", () => {
  it("verifies with the right code, says how many attempts are left, and locks after five", async () => {
    const email = `verify${Date.now()}@example.test`;
    const { reference } = await (await fileRequest(post("/api/v1/requests", valid(email)))).json();
    const code = codeIn(await waitForEmail(process.env.MAIL_CATCHER_URL as string, email));
    const wrong = code === "123456" ? "654321" : "123456";
    const bad = await verify(post(`/api/v1/requests/${reference}/verify`, { code: wrong }), params(reference));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "INVALID_CODE", attemptsLeft: 4 } });
    const malformed = await verify(post(`/api/v1/requests/${reference}/verify`, { code: "12" }), params(reference));
    expect(malformed.status).toBe(400);
    const ok = await verify(post(`/api/v1/requests/${reference}/verify`, { code }), params(reference));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ reference, status: "verified" });

    const other = `locked${Date.now()}@example.test`;
    const second = (await (await fileRequest(post("/api/v1/requests", valid(other)))).json()).reference;
    const code2 = codeIn(await waitForEmail(process.env.MAIL_CATCHER_URL as string, other));
    const wrong2 = code2 === "123456" ? "654321" : "123456";
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await verify(post(`/api/v1/requests/${second}/verify`, { code: wrong2 }), params(second))).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect((await verify(post(`/api/v1/requests/${second}/verify`, { code: code2 }), params(second))).status).toBe(429);
  });

  it("answers 404 for an unknown reference", async () => {
    const response = await verify(post("/api/v1/requests/DSR-0000-0000/verify", { code: "123456" }), params("DSR-0000-0000"));
    expect(response.status).toBe(404);
  });
});

describe("GET /api/v1/health", () => {
  it("is 200 when the database and the queue answer", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ database: "ok", queue: "ok" });
  });
});
