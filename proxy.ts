// Runs before every page and API route: a per-request CSP nonce (so no script runs unless
// Next.js rendered it), HSTS behind HTTPS, and the language choice for "/". Two kinds of request
// are answered here, with the security headers, because Next.js would answer them with a bare 500:
// a path that cannot be decoded (400) and a server action posted from another origin (403).
import { type NextRequest, NextResponse } from "next/server";
import { securityHeaders } from "./lib/http/security-headers.ts";
import { preferredLocale } from "./lib/i18n/preferred-locale.ts";

function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** True when the path holds a malformed % escape (e.g. "/%E0%A4%A"), which Next.js's router cannot decode. */
export function isUndecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * True for what Next.js would treat as a server action (a POST with a Next-Action header, or a
 * form post) whose Origin is not this host: Next.js refuses those too, but with a 500. The
 * comparison is Next.js's own (origin's host against X-Forwarded-Host, else Host).
 */
export function isCrossOriginServerAction(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  const type = headers.get("content-type") ?? "";
  const possibleAction =
    headers.has("next-action") || type === "application/x-www-form-urlencoded" || type.startsWith("multipart/form-data");
  const origin = headers.get("origin");
  if (!possibleAction || !origin) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return originHost !== host;
}

/** An answer given by the proxy itself, with the headers every page gets. */
function refusal(status: 400 | 403, message: string): Response {
  const headers = new Headers({
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    // Plain text that loads nothing.
    "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  for (const { key, value } of securityHeaders) headers.set(key, value);
  return new Response(message, { status, headers });
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isUndecodablePath(pathname)) return refusal(400, "Bad request: the address holds a malformed % escape.");
  if (isCrossOriginServerAction(request.method, pathname, request.headers)) {
    return refusal(403, "Forbidden: forms of this site can only be sent from this site.");
  }
  if (pathname === "/") {
    const url = request.nextUrl.clone();
    url.pathname = `/${preferredLocale(request.cookies.get("locale")?.value, request.headers.get("accept-language"))}`;
    const response = NextResponse.redirect(url, 307);
    response.headers.set("Vary", "Accept-Language, Cookie");
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // The manual-task upload route answers JSON or a redirect (no page, so no CSP to set), and must
  // not have its body of up to 50 MB cloned and buffered here; nor the connector callbacks, whose
  // signed bodies of up to 32 MB would be cut at the proxy's 10 MB and fail their signature.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|staff/requests/[^/]+/tasks/[^/]+/complete$|api/v1/connector-callbacks/).*)",
    },
  ],
};
