// The WHERE conditions of a dashboard view, as SQL text with numbered parameters. Only fixed SQL
// is written here; every value the URL carries becomes a parameter.
import { emailHash } from "../crypto.ts";
import type { RequestStatus } from "../generated/prisma/enums.ts";
import { type DashboardParams, REQUEST_STATUSES } from "./dashboard-params.ts";

/** "Today" on the controller's calendar (YYYY-MM-DD) and who "mine" is. */
export type DashboardContext = { today: string; viewerId: string | null };

export type DashboardFilters = Omit<DashboardParams, "page" | "size" | "sort" | "dir">;

/** The parameters of one statement: `$1`, `$2`, … in the order they are added. */
export class SqlParameters {
  readonly values: unknown[] = [];
  private todayRef: string | null = null;
  private readonly todayValue: string;

  constructor(today: string) {
    this.todayValue = today;
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Added on first use only: PostgreSQL refuses a parameter whose type the statement never says. */
  today(): string {
    this.todayRef ??= `${this.add(this.todayValue)}::date`;
    return this.todayRef;
  }
}

/** `LIKE` matches `_` and `%` anywhere: a typed one must match itself only. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const CROCKFORD_DIGITS: Record<string, string> = { I: "1", L: "1", O: "0" };

/**
 * The start of a reference as the portal prints it (DSR-7K3M-Q9PX), from what someone typed:
 * any case, with or without "DSR" and hyphens, with the letters Crockford's alphabet reads as
 * digits (I, L → 1, O → 0). Null when the text cannot be the start of a reference.
 */
export function referencePrefix(query: string): string | null {
  let chars = query.toUpperCase().replace(/[\s-]/g, "");
  if (chars.startsWith("DSR")) chars = chars.slice(3);
  chars = chars.replace(/[ILO]/g, (c) => CROCKFORD_DIGITS[c]);
  if (!/^[0-9A-HJKMNP-TV-Z]{0,8}$/.test(chars)) return null;
  return `DSR-${chars.slice(0, 4)}${chars.length > 4 ? `-${chars.slice(4)}` : ""}`;
}

function searchCondition(query: string, p: SqlParameters): string {
  // A whole address: its keyed hash, the way the portal looks a person up everywhere else.
  if (query.includes("@")) return `r."emailHash" = ${p.add(emailHash(query))}`;
  // Stored addresses are normalised to lower case, so a lower-cased prefix is lower(email) LIKE
  // 'x%', and a plain LIKE on the column can use its text_pattern_ops index.
  const emailMatch = `r.email LIKE ${p.add(likePrefix(query.toLowerCase()))}`;
  const reference = referencePrefix(query);
  if (reference === null) return emailMatch;
  // A range the unique index answers under any collation, and LIKE for the exact prefix.
  const upper = reference.slice(0, -1) + String.fromCharCode(reference.charCodeAt(reference.length - 1) + 1);
  return `((r.reference >= ${p.add(reference)} AND r.reference < ${p.add(upper)} AND r.reference LIKE ${p.add(likePrefix(reference))}) OR ${emailMatch})`;
}

function dueCondition(filters: DashboardFilters, p: SqlParameters): string | null {
  if (filters.dueWithin !== undefined) {
    const last = `${p.today()} + ${p.add(filters.dueWithin)}::int`;
    // With "overdue" too: everything due by that day; otherwise from today on.
    return filters.overdue ? `r."dueDate" <= ${last}` : `r."dueDate" BETWEEN ${p.today()} AND ${last}`;
  }
  if (filters.overdue) return `r."dueDate" < ${p.today()}`;
  return null;
}

/** Every condition of the view except the status, which the list query may apply per status. */
export function filterConditions(filters: DashboardFilters, context: DashboardContext, p: SqlParameters): string[] {
  const conditions: string[] = [];
  if (filters.type) conditions.push(`r.type = ${p.add(filters.type)}::"RequestType"`);
  if (filters.jurisdiction) conditions.push(`r.jurisdiction = ${p.add(filters.jurisdiction)}`);
  const assignee = filters.assignee;
  if (assignee === "unassigned") conditions.push(`r."assigneeId" IS NULL`);
  else if (assignee === "mine") conditions.push(context.viewerId ? `r."assigneeId" = ${p.add(context.viewerId)}::uuid` : "false");
  else if (typeof assignee === "object") conditions.push(`r."assigneeId" = ${p.add(assignee.staffUserId)}::uuid`);
  const due = dueCondition(filters, p);
  if (due) conditions.push(due);
  if (filters.failed) {
    // Work that failed: a connector task, or the build of the answer (finalise-job.ts).
    conditions.push(
      `(r."finaliseFailedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM connector_tasks ft WHERE ft."requestId" = r.id AND ft.status = 'FAILED'))`,
    );
  }
  if (filters.q) conditions.push(searchCondition(filters.q, p));
  return conditions;
}

/** The status condition, or null when every status is wanted. */
export function statusCondition(statuses: RequestStatus[], p: SqlParameters): string | null {
  if (statuses.length >= REQUEST_STATUSES.length) return null;
  return statuses.length === 1
    ? `r.status = ${p.add(statuses[0])}::"RequestStatus"`
    : `r.status = ANY(${p.add(statuses)}::"RequestStatus"[])`;
}

export function whereSql(conditions: Array<string | null>): string {
  const present = conditions.filter((condition): condition is string => condition !== null);
  return present.length > 0 ? `WHERE ${present.join(" AND ")}` : "";
}
