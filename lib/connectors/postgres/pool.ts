// One small pool per source database, opened on first use and kept for the life of the process:
// connector tasks for many requests reuse it instead of connecting each time.
import pg from "pg";

const pools = new Map<string, pg.Pool>();

// Dates without a time zone stay as PostgreSQL wrote them: turning them into JS Dates would shift
// them by the server's local offset. Their arrays become arrays of those strings.
const DATE_OIDS = [1082, 1114];
const DATE_ARRAY_OIDS = [1115, 1182];
const TEXT_ARRAY_OID = 1009;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (DATE_OIDS.includes(oid)) return (value: string) => value;
    return pg.types.getTypeParser(DATE_ARRAY_OIDS.includes(oid) ? TEXT_ARRAY_OID : oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, types });
    // An idle connection dropped by the server must not crash the process; the next checkout reconnects.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

export async function closePostgresConnectorPools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.end()));
}

/** A pooled connection, or an error a person can act on (never the password). */
export async function connect(url: string): Promise<pg.PoolClient> {
  let client: pg.PoolClient;
  try {
    client = await poolFor(url).connect();
  } catch (error) {
    throw new Error(connectionProblem(url, error));
  }
  // The pool listens for errors only on idle connections: one dropped by the server while checked
  // out (a restart between two queries, or while a reader waits on its consumer) would otherwise
  // be an unhandled 'error' event that ends the process. The next query on it fails instead, and
  // the caller releases it as broken.
  const onError = () => {};
  client.on("error", onError);
  const release = client.release.bind(client);
  client.release = (broken?: Error | boolean) => {
    client.removeListener("error", onError);
    return release(broken);
  };
  return client;
}

/** Runs `work` in one transaction with a statement timeout; any error rolls everything back. */
export async function inTransaction<T>(url: string, work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await connect(url);
  let broken = false;
  try {
    await client.query(begin);
    await client.query("SET LOCAL statement_timeout = '60s'");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export function connectionProblem(url: string, error: unknown): string {
  const parsed = safeUrl(url);
  const where = parsed ? `${parsed.hostname}:${parsed.port || "5432"}` : "the url";
  const user = parsed ? decodeURIComponent(parsed.username) || "(default user)" : "";
  const database = parsed ? decodeURIComponent(parsed.pathname.slice(1)) || user : "";
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : "";
  const raw = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED")
    return `Cannot connect to PostgreSQL at ${where}: connection refused. Check the host and port in the url and that the server is running.`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return `The host "${parsed?.hostname}" in the url could not be found. Check its spelling.`;
  if (/timeout/i.test(raw))
    return `No answer from PostgreSQL at ${where} within 5 seconds. Check the address and any firewall between the portal and the database.`;
  if (code === "28P01") return `PostgreSQL at ${where} refused the password of user "${user}". Check the credentials in the url.`;
  if (code === "28000")
    return `PostgreSQL at ${where} refused user "${user}" (unknown role, or not allowed from this host by pg_hba.conf).`;
  if (code === "3D000") return `There is no database "${database}" on ${where}. Check the database name at the end of the url.`;
  return `Cannot connect to PostgreSQL at ${where} as "${user}": ${scrub(raw, parsed)}`;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function scrub(message: string, url: URL | null): string {
  if (!url?.password) return message;
  return message.replaceAll(url.password, "***").replaceAll(decodeURIComponent(url.password), "***");
}
