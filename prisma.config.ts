import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here (migrations run offline through
// scripts/db-migrate.ts), so a missing DATABASE_URL must not break it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset" },
});
