// proxy.ts answers, with the security headers, the requests Next.js would answer with a bare 500.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { isCrossOriginServerAction, isUndecodablePath, proxy } from "../../proxy.ts";
import { securityHeaders } from "./security-headers.ts";

const BASE = "http://portal.example:3000";

function expectSecurityHeaders(response: Response) {
  for (const { key, value } of securityHeaders) expect(response.headers.get(key), key).toBe(value);
  expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
}

describe("paths that cannot be decoded", () => {
  it.each(["/%E0%A4%A", "/en/%", "/fr/status/%ZZ", "/api/v1/requests/%C0", "/staff/requests/%E0%A4%A/evidence", "/%ED%A0%80"])(
    "answers 400 for %s",
    async (path) => {
      expect(isUndecodablePath(path)).toBe(true);
      const response = proxy(new NextRequest(new URL(path, BASE)));
      expect(response.status).toBe(400);
      expectSecurityHeaders(response);
      expect(await response.text()).toMatch(/malformed % escape/);
    },
  );

  it.each(["/", "/en", "/fr/status/abc_DEF-123", "/caf%C3%A9", "/a%2Fb", "/%25"])("lets %s through", (path) => {
    expect(isUndecodablePath(path)).toBe(false);
    expect(proxy(new NextRequest(new URL(path, BASE))).status).not.toBe(400);
  });
});

describe("server actions posted from another origin", () => {
  const post = (headers: Record<string, string>, path = "/en") =>
    new NextRequest(new URL(path, BASE), { method: "POST", headers: { host: "portal.example:3000", ...headers }, body: "x" });

  it.each([
    { "next-action": "abc", origin: "https://evil.example" },
    { "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" },
    { "content-type": "application/x-www-form-urlencoded", origin: "http://portal.example:3001" },
    { "next-action": "abc", origin: "null" },
    { "next-action": "abc", origin: "not a url" },
    { "next-action": "abc", origin: "http://portal.example:3000", "x-forwarded-host": "other.example" },
  ] as Array<Record<string, string>>)("answers 403 for %j", async (headers) => {
    const request = post(headers);
    expect(isCrossOriginServerAction(request.method, request.nextUrl.pathname, request.headers)).toBe(true);
    const response = proxy(request);
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
  });

  it.each([
    [{ "next-action": "abc", origin: "http://portal.example:3000" }, "/en"],
    [{ "next-action": "abc", origin: "https://portal.example", "x-forwarded-host": "portal.example" }, "/en"],
    [{ "next-action": "abc" }, "/en"],
    [{ "content-type": "application/json", origin: "https://evil.example" }, "/en"],
    [{ "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }, "/api/v1/downloads/abc"],
  ] as Array<[Record<string, string>, string]>)("leaves %j to %s alone", (headers, path) => {
    const request = post(headers, path);
    expect(isCrossOriginServerAction(request.method, request.nextUrl.pathname, request.headers)).toBe(false);
    expect(proxy(request).status).not.toBe(403);
  });
});
