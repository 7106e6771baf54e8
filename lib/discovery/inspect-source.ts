// Reads a source database's catalog and a bounded sample of its rows, on the engine its address
// names. The address is used to connect and for nothing else: never stored, never logged.
import { AppError } from "../errors.ts";
import { inspectMysql } from "./inspect-mysql.ts";
import { inspectPostgres } from "./inspect-postgres.ts";
import type { SourceCatalog, SourceDialect, SourceSample } from "./source-catalog.ts";

export type InspectOptions = {
  schema?: string;
  /** Rows read per table. */
  sampleSize: number;
  /** Per statement. */
  statementTimeoutMs: number;
  /** Epoch milliseconds after which no further table is sampled. */
  deadline: number;
};

export type Inspection = {
  catalog: SourceCatalog;
  sample: SourceSample;
  /** Tables proposed from the catalog alone (time ran out, or the user may not read them). */
  unsampled: string[];
  /** The database's name, for the connector's key. */
  sourceName: string;
};

const PROTOCOLS: Record<SourceDialect, string[]> = { postgres: ["postgres:", "postgresql:"], mysql: ["mysql:", "mariadb:"] };

export async function inspectSource(source: SourceDialect, url: string, options: InspectOptions): Promise<Inspection> {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new AppError("BAD_REQUEST", "The database address is not a valid URL (e.g. postgresql://user:password@host:5432/shop).", {
      text: { key: "staffConnectors.errors.notUrl" },
    });
  }
  if (!PROTOCOLS[source].includes(protocol)) {
    const engine = source === "postgres" ? "PostgreSQL" : "MySQL/MariaDB";
    const starts = PROTOCOLS[source].map((p) => `${p}//`);
    throw new AppError("BAD_REQUEST", `A ${engine} address starts with ${starts.join(" or ")}.`, {
      text: { key: "staffConnectors.errors.wrongProtocol", values: { engine, protocols: starts.join(" | ") } },
    });
  }
  if (source === "postgres") return inspectPostgres(url, options);
  return inspectMysql(protocol === "mariadb:" ? url.replace(/^mariadb:/, "mysql:") : url, options);
}
