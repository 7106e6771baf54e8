// Whether a PostgreSQL answers at a URL (kept apart from embedded-database.ts, whose package
// installs process-wide exit handlers on import).
import pg from "pg";

/** True when a PostgreSQL answers at this URL within a couple of seconds. */
export async function databaseAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
