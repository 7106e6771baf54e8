// The one Prisma client of a process (web app, workers, scripts).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { dsarPrisma?: PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

/** Lazily created so that importing a module never opens a connection (next build, unit tests). */
export function db(): PrismaClient {
  // One client across hot reloads in development.
  globalForDb.dsarPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.dsarPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.dsarPrisma?.$disconnect();
  globalForDb.dsarPrisma = undefined;
}
