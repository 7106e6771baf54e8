/**
 * Counts the statements this process sends to one PostgreSQL database: every `pg` Client.query is
 * one round trip (Prisma's pg adapter, its transactions' BEGIN and COMMIT included). Statements are
 * grouped by what they touch, so a figure says where the round trips go. A commit is a transaction
 * that wrote: each COMMIT, and each INSERT, UPDATE or DELETE sent outside a transaction. Bench-only: it patches
 * node-postgres' Client in this process and is never imported by the product.
 */
import pg from "pg";

export type RoundTripCounts = { total: number; commits: number; audit: number; byStatement: Map<string, number> };

type Counted = pg.Client & { database?: string; dsarBenchUncounted?: boolean; dsarBenchInTransaction?: boolean };

const WRITES = /^(INSERT|UPDATE|DELETE)\b/;

/** The statement's shape: its first words and table, values left out. */
function shapeOf(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  const table = text.match(/(?:FROM|INTO|UPDATE)\s+"?(?:public"?\."?)?"?([a-z_]+)"?/i)?.[1];
  const verb = text.split(" ")[0]?.toUpperCase() ?? "?";
  if (verb === "BEGIN" || verb === "COMMIT" || verb === "ROLLBACK") return verb;
  if (/pg_advisory_xact_lock/.test(text)) return "SELECT pg_advisory_xact_lock";
  return `${verb} ${table ?? text.slice(0, 40)}`;
}

export function countRoundTrips(database: string) {
  const counts: RoundTripCounts = { total: 0, commits: 0, audit: 0, byStatement: new Map() };
  let counting = false;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: Counted, ...args: unknown[]) {
    if (counting && this.database === database && !this.dsarBenchUncounted) {
      const config = args[0] as string | { text?: string } | undefined;
      const sql = typeof config === "string" ? config : (config?.text ?? "");
      const shape = shapeOf(sql);
      counts.total++;
      // A commit is a transaction that wrote: an explicit COMMIT, or a write sent on its own (autocommit).
      if (shape === "BEGIN") this.dsarBenchInTransaction = true;
      else if (shape === "COMMIT" || shape === "ROLLBACK") this.dsarBenchInTransaction = false;
      if (shape === "COMMIT" || (!this.dsarBenchInTransaction && WRITES.test(shape))) counts.commits++;
      if (shape === "SELECT pg_advisory_xact_lock" || /audit_events/.test(sql)) counts.audit++;
      counts.byStatement.set(shape, (counts.byStatement.get(shape) ?? 0) + 1);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    counts,
    start() {
      counts.total = 0;
      counts.commits = 0;
      counts.audit = 0;
      counts.byStatement.clear();
      counting = true;
    },
    stop() {
      counting = false;
    },
    restore() {
      counting = false;
      pg.Client.prototype.query = original;
    },
  };
}

/** A client of the same database whose statements (the benchmark's own polling) are not counted. */
export function uncountedClient(connectionString: string): pg.Client {
  const client = new pg.Client({ connectionString }) as Counted;
  client.dsarBenchUncounted = true;
  return client;
}
