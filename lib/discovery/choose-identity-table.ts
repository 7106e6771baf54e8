// Which table identifies the person: the one whose email column the portal will compare with the
// verified address. Every table with an email column is a candidate; a unique, NOT NULL email in a
// table named for people that other tables point to wins. The runners-up are named for review.
import type { MessageRef } from "../errors.ts";
import { type Confidence, normalizedName } from "./classify-column.ts";
import type { CatalogTable, SourceCatalog, SourceSample } from "./source-catalog.ts";

export type IdentityCandidate = { table: string; emailColumn: string; score: number; reason: string };

export type IdentityChoice = {
  table: string;
  emailColumn: string;
  confidence: Confidence;
  reason: string;
  /** The other tables that could have been chosen, best first. */
  others: IdentityCandidate[];
};

/** Tables of the people who make requests: customers, users, members… */
const SUBJECT_TABLE =
  /(^|_)(person|people|users?|customers?|clients?|members?|contacts?|accounts?|profiles?|subscribers?|patients?|students?|guests?|buyers?|shoppers?|requesters?)$/;
/** People too, but usually the company's own staff rather than those who make requests. */
const STAFF_TABLE = /(^|_)(employees?|staff|agents?|users?|operators?)$/;

/** True for tables whose name says they are about people (a bare `name` column there is a person's name). */
export function isPersonTable(name: string): boolean {
  const normalized = normalizedName(name);
  return SUBJECT_TABLE.test(normalized) || STAFF_TABLE.test(normalized);
}

/** The identity table named by the person running discovery cannot be used; `text` names why in the catalogue. */
export class IdentityTableError extends Error {
  constructor(
    message: string,
    readonly text: MessageRef,
  ) {
    super(message);
  }
}

export function chooseIdentityTable(catalog: SourceCatalog, sample: SourceSample, forced?: string): IdentityChoice | null {
  const candidates = catalog.tables
    .map((table) => candidateOf(table, catalog, sample))
    .filter((candidate): candidate is IdentityCandidate => candidate !== null)
    .sort((a, b) => b.score - a.score || a.table.localeCompare(b.table));
  if (forced !== undefined) {
    const table = catalog.tables.find((candidate) => candidate.name === forced);
    if (!table) {
      throw new IdentityTableError(`There is no table "${forced}" in "${catalog.schema}"`, {
        key: "staffConnectors.errors.noTableNamed",
        values: { table: forced, schema: catalog.schema },
      });
    }
    const chosen = candidates.find((candidate) => candidate.table === forced);
    if (!chosen)
      throw new IdentityTableError(`Table "${forced}" has no column that looks like an email address, so it cannot identify the person`, {
        key: "staffConnectors.errors.tableWithoutEmail",
        values: { table: forced },
      });
    return {
      table: chosen.table,
      emailColumn: chosen.emailColumn,
      confidence: "high",
      reason: `chosen by the person running discovery; ${chosen.reason}`,
      others: candidates.filter((candidate) => candidate !== chosen),
    };
  }
  const [best, ...others] = candidates;
  if (!best) return null;
  const margin = others.length ? best.score - others[0].score : Number.POSITIVE_INFINITY;
  const confidence: Confidence = margin < 2 ? "low" : best.score >= 6 ? "high" : "medium";
  return { table: best.table, emailColumn: best.emailColumn, confidence, reason: best.reason, others };
}

function candidateOf(table: CatalogTable, catalog: SourceCatalog, sample: SourceSample): IdentityCandidate | null {
  const counts = sample.get(table.name);
  const emailColumns = table.columns
    .map((column) => {
      const seen = counts?.get(column.name);
      const matched = seen?.matches.email ?? 0;
      const named = /e_?mail/.test(normalizedName(column.name));
      const content = seen !== undefined && seen.values > 0 && matched * 2 >= seen.values;
      if (column.kind !== "text" || (!named && !content)) return null;
      const unique = table.uniqueKeys.some((key) => key.length === 1 && key[0] === column.name);
      return {
        column,
        named,
        content,
        unique,
        seen: seen && seen.values > 0 ? `${matched} of ${seen.values} sampled values are emails` : null,
      };
    })
    .filter((found) => found !== null)
    .sort((a, b) => Number(b.unique) - Number(a.unique) || Number(b.named) - Number(a.named));
  const email = emailColumns[0];
  if (!email) return null;
  const pointing = new Set(
    catalog.foreignKeys.filter((key) => key.toTable === table.name && key.fromTable !== table.name).map((key) => key.fromTable),
  );
  const person = SUBJECT_TABLE.test(normalizedName(table.name));
  const score =
    1 + (email.unique ? 3 : 0) + (email.column.nullable ? 0 : 1) + (person ? 2 : 0) + Math.min(pointing.size, 3) + (email.content ? 1 : 0);
  const facts = [
    email.unique ? "unique" : "not unique",
    email.column.nullable ? "may be empty" : "never empty",
    person ? "the table is named for the people who make requests" : null,
    pointing.size
      ? `${pointing.size} other table${pointing.size === 1 ? "" : "s"} point${pointing.size === 1 ? "s" : ""} to it`
      : "no table points to it",
    email.seen,
  ].filter((fact) => fact !== null);
  return {
    table: table.name,
    emailColumn: email.column.name,
    score,
    reason: `"${table.name}"."${email.column.name}": ${facts.join(", ")}`,
  };
}
