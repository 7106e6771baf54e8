import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/http/security-headers.ts";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "bullmq", "ioredis", "pg", "nodemailer", "@node-rs/argon2", "date-holidays", "@bull-board/api"],
  // `npm test` type-checks everything (tsc); the demo's build skips Next's second pass over it.
  typescript: { ignoreBuildErrors: process.env.DSAR_BUILD_SKIP_TYPECHECK === "1" },
  experimental: {
    // forbidden() answers 403 on staff pages a role may not see (lib/auth/require-staff.ts).
    authInterrupts: true,
    // The request form carries an authorized agent's signed permission (at most 10 MB, checked
    // again by the action): room for it and the form around it, in the action and in proxy.ts.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl reads each request's language and catalogue from lib/i18n/request.ts.
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
