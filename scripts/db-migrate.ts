// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, offline.
import { applyMigrations } from "./migrations/schema-engine.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: e.g. postgresql://postgres@127.0.0.1:5432/dsar");
  process.exit(2);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.");
