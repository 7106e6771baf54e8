// Each test run gets its own database on the local server, migrated from the committed SQL,
// and dropped afterwards. Refuses any server that is not on this machine.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../scripts/migrations/schema-engine.ts";

export const adminDatabaseUrl = process.env.TEST_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Tests only run against a local PostgreSQL; refusing ${host}.`);
  }
}

export async function createTestDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  assertLocalDatabase(adminDatabaseUrl);
  const name = `dsar_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminDatabaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
