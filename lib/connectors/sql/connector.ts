// A connector type for an SQL engine: the shared engine of this folder bound to one dialect.
import type { ConnectorType } from "../connector.ts";
import { accessRecords } from "./access.ts";
import { applyPreferenceRows } from "./apply-preference.ts";
import { checkConfig, mappingAdvice } from "./check.ts";
import type { SqlConfig } from "./config.ts";
import { ConnectionProblem, type SqlDialect } from "./dialect.ts";
import { eraseRows } from "./erase.ts";
import { rectifyRows } from "./rectify.ts";

export function sqlConnector<C extends SqlConfig>(
  type: string,
  dialect: SqlDialect<C>,
  configSchema: ConnectorType<C>["configSchema"],
  secretPaths: string[][],
): ConnectorType<C> {
  return {
    type,
    configSchema,
    secretPaths,
    // The tables mapped are the categories its records carry; a reference table needs no data map entry.
    categories: (config) => config.tables.map((table) => ({ name: table.table, reference: table.reference === true })),
    check: (config) => checkConfig(dialect, config),
    async test(config) {
      try {
        await dialect.withSession(config.url, (session) => session.query("SELECT 1"));
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      const problems = await checkConfig(dialect, config);
      if (problems.length === 0) {
        const count = config.tables.length;
        const summary = `Connected; ${count} ${count === 1 ? "table" : "tables"} mapped`;
        const advice = await mappingAdvice(dialect, config);
        if (advice.length === 0) return { ok: true, message: summary };
        return {
          ok: true,
          message: `${summary}. To consider: ${advice.join("; ")}`,
          summary,
          findings: advice.map((message) => ({ message })),
        };
      }
      const findings = problems.map((problem) => ({ path: problem.path.join("."), message: problem.message }));
      const shown = findings.slice(0, 3).map((finding) => `${finding.path}: ${finding.message}`);
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
      const summary = "Connected, but the mapping does not match the database";
      return { ok: false, message: `${summary}: ${shown.join("; ")}${more}`, summary, findings };
    },
    access: (config, subject, context) => accessRecords(dialect, config, subject, context),
    erase: (config, subject, context) => eraseRows(dialect, config, subject, context),
    rectify: (config, subject, corrections, context) => rectifyRows(dialect, config, subject, corrections, context),
    applyPreference: (config, subject, kind, context) => applyPreferenceRows(dialect, config, subject, kind, context),
  };
}

export { ConnectionProblem };
