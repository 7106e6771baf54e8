// `npm run db:diff -- NAME`: writes prisma/migrations/<timestamp>_<NAME>/migration.sql with the SQL
// that takes the committed migrations to prisma/schema.prisma (offline, PGlite as the shadow database).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diffMigrations, migrationsDir } from "./migrations/schema-engine.ts";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff -- <name>   (lower-case letters, digits and _; e.g. add_reminders)");
  process.exit(2);
}
const sql = await diffMigrations();
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);
