// Headers that do not depend on the request, set by next.config.ts on every answer of the app and
// by proxy.ts on the answers it gives itself. The Content-Security-Policy (with a per-request
// nonce) and HSTS are set in proxy.ts.
export const securityHeaders = [
  // Status and confirmation links carry tokens in their path: never send them to another site.
  // (Not "no-referrer": browsers then send "Origin: null" on form posts, which Next.js refuses.)
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
