import type { NextConfig } from "next";

// Headers that do not depend on the request. The Content-Security-Policy (with a per-request
// nonce) and HSTS are set in proxy.ts.
const securityHeaders = [
  // Status and confirmation links carry tokens in their path: never send them to another site.
  // (Not "no-referrer": browsers then send "Origin: null" on form posts, which Next.js refuses.)
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "bullmq", "ioredis", "pg", "nodemailer", "@node-rs/argon2", "date-holidays", "@bull-board/api"],
  typescript: { ignoreBuildErrors: false },
  experimental: {
    // forbidden() answers 403 on staff pages a role may not see (lib/auth/require-staff.ts).
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
