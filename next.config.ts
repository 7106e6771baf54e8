import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers.ts";

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
