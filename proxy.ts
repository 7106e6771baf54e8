// Runs before every page and API route: a per-request CSP nonce (so no script runs unless
// Next.js rendered it), HSTS behind HTTPS, and the language choice for "/".
import { type NextRequest, NextResponse } from "next/server";

const locales = ["en", "fr"] as const;

function preferredLocale(request: NextRequest): (typeof locales)[number] {
  const chosen = request.cookies.get("locale")?.value;
  if (chosen === "en" || chosen === "fr") return chosen;
  const header = request.headers.get("accept-language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => entry.lang === "en" || entry.lang === "fr")?.lang === "fr" ? "fr" : "en";
}

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

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/") {
    const url = request.nextUrl.clone();
    url.pathname = `/${preferredLocale(request)}`;
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
  // not have its body of up to 50 MB cloned and buffered here.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|staff/requests/[^/]+/tasks/[^/]+/complete$).*)" }],
};
