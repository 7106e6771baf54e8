// Requests Next.js itself would answer with a bare 500, against the built app: paths with a
// malformed % escape (400), server actions posted from another origin (403), both with the
// security headers; and connector callbacks, which must reach their route whole (no proxy, so no
// 10 MB cut).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiKeyFor, createStaff, sessionCookieFor } from "./support/staff.ts";

const securityHeaders = ["x-frame-options", "x-content-type-options", "referrer-policy", "content-security-policy"];

for (const path of ["/%E0%A4%A", "/en/%", "/fr/status/%ZZ", "/api/v1/requests/%C0", "/staff/requests/%E0%A4%A", "/en/%ED%A0%80"]) {
  test(`a malformed % escape in ${path} answers 400 with the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    for (const header of securityHeaders) expect(response.headers()[header], header).toBeTruthy();
  });
}

test("a server action posted from another origin answers 403 with the security headers", async ({ request, baseURL }) => {
  const fetchAction = await request.post("/en", {
    headers: { "next-action": "0".repeat(42), origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(fetchAction.status()).toBe(403);
  for (const header of securityHeaders) expect(fetchAction.headers()[header], header).toBeTruthy();
  const formPost = await request.post("/staff/sign-in", {
    headers: { origin: "https://evil.example" },
    multipart: { email: "someone@example.test", password: "x" },
    maxRedirects: 0,
  });
  expect(formPost.status()).toBe(403);
  // The same post from the portal's own origin is not refused by the proxy.
  const own = await request.post("/staff/sign-in", {
    headers: { origin: new URL(baseURL as string).origin },
    multipart: { email: "someone@example.test", password: "x" },
    maxRedirects: 0,
  });
  expect(own.status()).not.toBe(403);
});

test("a 12 MB connector callback reaches its route whole, untouched by the proxy", async ({ request }) => {
  const body = JSON.stringify({ records: [{ category: "padding", fields: { text: "x".repeat(12 * 1024 * 1024) } }] });
  const response = await request.post(`/api/v1/connector-callbacks/${randomUUID()}`, {
    headers: {
      "content-type": "application/json",
      "x-dsar-timestamp": String(Math.floor(Date.now() / 1000)),
      "x-dsar-signature": `v1=${"0".repeat(64)}`,
    },
    data: body,
  });
  // Unknown task: the answer of a bad signature, from the route itself (the proxy adds a CSP to what it passes).
  expect(response.status()).toBe(401);
  expect(response.headers()["content-security-policy"]).toBeUndefined();
  const malformed = await request.post("/api/v1/connector-callbacks/not-a-task", {
    headers: { "content-type": "application/json" },
    data: "{}",
  });
  expect(malformed.status()).toBe(401);
});

test("NUL and other hostile characters in every dynamic segment and query never answer 500", async ({ request }) => {
  const admin = await createStaff("admin");
  const cookie = `dsar_staff_session=${await sessionCookieFor(admin)}`;
  const bearer = `Bearer ${await apiKeyFor("admin")}`;
  const bad = ["%00", "%1B", "a%00b", "%EF%BF%BD", "%C3%A9%00"];
  const gets = [
    "/{}",
    "/{}/privacy",
    "/en/{}",
    "/en/status/{}",
    "/en/verify/{}",
    "/en/download/{}",
    "/en/submitted?ref={}",
    "/en/status/AAAAAAAAAAAAAAAAAAAAAAAA?confirm={}&withdrawn={}",
    "/language?to={}&next=/{}",
    "/staff/requests/{}",
    "/staff/requests/{}/evidence",
    "/staff/requests?q={}&status={}&assignee={}&sort={}",
    "/staff/connectors/{}",
    "/staff/invite/{}",
    "/api/v1/requests/{}",
    "/api/v1/requests/{}/evidence",
    "/api/v1/requests?status={}&dueBefore={}",
    "/api/v1/reports/register?from={}",
  ];
  for (const value of bad) {
    for (const template of gets) {
      const path = template.replaceAll("{}", value);
      const response = await request.get(path, { headers: { cookie, authorization: bearer }, maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(500);
    }
    for (const action of ["approve", "deny", "verify"]) {
      const path = `/api/v1/requests/${value}/${action}`;
      const response = await request.post(path, { headers: { authorization: bearer, "content-type": "application/json" }, data: "{}" });
      expect(response.status(), path).toBeLessThan(500);
    }
  }
});
