// One small pool per source database, opened on first use and kept for the life of the process:
// connector tasks for many requests reuse it instead of connecting each time.
import pg from "pg";
import { parseExactJson } from "../exact-json.ts";

const pools = new Map<string, pg.Pool>();

// Every value leaves in one lossless format (access.ts sets the session to UTC, DateStyle ISO and
// IntervalStyle iso_8601 first): timestamps as ISO 8601 with PostgreSQL's own precision (down to
// the microsecond; "Z" for UTC, none for a timestamp without time zone), dates as YYYY-MM-DD, times
// as written, durations as ISO 8601 (P1Y2M3DT4H5M6.789S), numeric as its exact decimal text, bigint
// as text, json and jsonb parsed with numbers a float would change kept as their exact text. JS Dates
// (milliseconds only, local offsets) and floats never stand in for them.
const TEXT_ARRAY_OID = 1009;
const AS_WRITTEN = (value: string) => value;
const SCALARS: Record<number, (value: string) => unknown> = {
  1082: AS_WRITTEN, // date
  1114: isoTimestamp, // timestamp
  1184: isoTimestamp, // timestamptz
  1186: AS_WRITTEN, // interval
  1266: isoTime, // timetz
  114: parseExactJson, // json
  3802: parseExactJson, // jsonb
};
const ARRAYS: Record<number, (value: string) => unknown> = {
  1115: isoTimestamp, // timestamp[]
  1182: AS_WRITTEN, // date[]
  1185: isoTimestamp, // timestamptz[]
  1187: AS_WRITTEN, // interval[]
  1231: AS_WRITTEN, // numeric[] (pg would make floats of them)
  1270: isoTime, // timetz[]
  199: parseExactJson, // json[]
  3807: parseExactJson, // jsonb[]
};
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    const scalar = SCALARS[oid];
    if (scalar) return scalar;
    const element = ARRAYS[oid];
    if (element) {
      const parseArray = (pg.types.getTypeParser as (oid: number) => (value: string) => Array<string | null>)(TEXT_ARRAY_OID);
      return (value: string) => parseArray(value).map((item) => (item === null ? null : element(item)));
    }
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

const OFFSET = /^([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?$/;

/** `2026-01-05 10:00:00.123456+00` → `2026-01-05T10:00:00.123456Z`; infinity and BC dates stay as written. */
export function isoTimestamp(value: string): string {
  const match = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)(.*)$/.exec(value);
  if (!match) return value;
  const [, date, time, zone] = match;
  if (zone === "") return `${date}T${time}`;
  const offset = isoOffset(zone);
  return offset === null ? value : `${date}T${time}${offset}`;
}

/** `10:00:00.5+02` → `10:00:00.5+02:00`. */
export function isoTime(value: string): string {
  const match = /^(\d\d:\d\d:\d\d(?:\.\d+)?)(.+)$/.exec(value);
  const offset = match ? isoOffset(match[2]) : null;
  return match && offset !== null ? `${match[1]}${offset}` : value;
}

function isoOffset(zone: string): string | null {
  const match = OFFSET.exec(zone);
  if (!match) return null;
  const [, sign, hours, minutes = "00", seconds] = match;
  if (seconds && seconds !== "00") return `${sign}${hours}:${minutes}:${seconds}`;
  return hours === "00" && minutes === "00" ? "Z" : `${sign}${hours}:${minutes}`;
}

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
