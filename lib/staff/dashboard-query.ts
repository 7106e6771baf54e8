// The dashboard's SQL, built as text plus parameters so that the service (through Prisma) and the
// benchmark (through pg directly) run the very same statements. Filtering, sorting and paging all
// happen in the database; sort columns come from a whitelist and every value is a parameter.
import { formatLocalDate, localDateOf } from "../deadlines/calendar.ts";
import { env } from "../env.ts";
import { type DashboardContext, filterConditions, SqlParameters, statusCondition, whereSql } from "./dashboard-conditions.ts";
import type { DashboardCursor } from "./dashboard-cursor.ts";
import { type DashboardParams, DEFAULT_STATUSES, MAX_ROWS, type SortColumn } from "./dashboard-params.ts";

export type { DashboardContext } from "./dashboard-conditions.ts";
export type SqlQuery = { text: string; values: unknown[] };

/** Today's date on the controller's wall clock, the day due dates are counted from. */
export function controllerToday(now: Date): string {
  return formatLocalDate(localDateOf(now.getTime(), env().CONTROLLER_TIME_ZONE));
}

/** Each sort ends with the id, so no two rows share a key: equal values keep one order from page to page. */
const sortKeys: Record<SortColumn, Array<{ column: string; type: string }>> = {
  dueDate: [
    { column: '"dueDate"', type: "date" },
    { column: "id", type: "uuid" },
  ],
  receivedAt: [
    { column: '"receivedAt"', type: "timestamp(3)" },
    { column: "id", type: "uuid" },
  ],
  reference: [
    { column: "reference", type: "text" },
    { column: "id", type: "uuid" },
  ],
  status: [
    { column: "status", type: '"RequestStatus"' },
    { column: '"dueDate"', type: "date" },
    { column: "id", type: "uuid" },
  ],
};

/** The sort key of a row as the cursor carries it (the columns of sortKeys, as text). */
export function sortKeyOf(
  sort: SortColumn,
  row: { id: string; reference: string; status: string; dueDate: string; receivedAt: Date },
): string[] {
  switch (sort) {
    case "dueDate":
      return [row.dueDate, row.id];
    case "receivedAt":
      return [row.receivedAt.toISOString(), row.id];
    case "reference":
      return [row.reference, row.id];
    case "status":
      return [row.status, row.dueDate, row.id];
  }
}

const PAGE_COLUMNS = `r.id, r.reference, r.type, r.jurisdiction, r.email, r."purgedAt", r."receivedAt", r."dueDate", r.status,
    r."clockPaused", r."assigneeId"`;

export type ListQueryOptions = {
  params: DashboardParams;
  context: DashboardContext;
  /** Rows to read: the page size plus one, to learn whether another page follows. */
  limit: number;
  /** Where the page starts (params.cursor is not read here); none = the view's first rows. */
  cursor: DashboardCursor | undefined;
  /** Exactly these requests (an export of a selection), in the view's order; the filters are ignored. */
  references?: string[];
};

/** Forward from the start or after a key; backward (reversed order) before a key or from the end. */
export function readsBackward(cursor: DashboardCursor | undefined): boolean {
  return cursor?.kind === "before" || cursor?.kind === "last";
}

function orderSql(sort: SortColumn, dir: "ASC" | "DESC", alias: string): string {
  return sortKeys[sort].map(({ column }) => `${alias}.${column} ${dir}`).join(", ");
}

/** `(r."dueDate", r.id) > ($1::date, $2::uuid)`: one row comparison, which an index ending with the same columns answers as a range. */
function keyCondition(sort: SortColumn, readDir: "ASC" | "DESC", key: string[], p: SqlParameters): string {
  const columns = sortKeys[sort];
  const left = columns.map(({ column }) => `r.${column}`).join(", ");
  const right = columns.map(({ type }, i) => `${p.add(key[i])}::${type}`).join(", ");
  return `(${left}) ${readDir === "ASC" ? ">" : "<"} (${right})`;
}

/**
 * The rows of one page, read in the direction of the cursor. Ordered by due date (or by status,
 * then due date), the page is merged from one index range per status: every (…, status, dueDate,
 * id) index returns a status's requests in the view's order from the cursor's key on, so each
 * status reads at most `limit` rows however deep the page is. A search, and other orders, read one
 * index (email, reference, receivedAt) with the other conditions as filters.
 */
function pageSql(options: ListQueryOptions, p: SqlParameters): string {
  const { params, context } = options;
  const { cursor } = options;
  const viewDir = params.dir === "desc" ? "DESC" : "ASC";
  const readDir = readsBackward(cursor) ? (viewDir === "ASC" ? "DESC" : "ASC") : viewDir;
  const order = orderSql(params.sort, readDir, "r");
  const limit = `LIMIT ${p.add(options.limit)}::int`;
  if (options.references) {
    return `SELECT ${PAGE_COLUMNS} FROM requests r WHERE r.reference = ANY(${p.add(options.references)}::text[]) ORDER BY ${order} ${limit}`;
  }
  const conditions = filterConditions(params, context, p);
  if (cursor && cursor.kind !== "last") conditions.push(keyCondition(params.sort, readDir, cursor.key, p));
  // A search finds few rows through its own index: filtering and sorting those beats one range per status.
  if ((params.sort === "dueDate" || params.sort === "status") && !params.q) {
    return `SELECT r.* FROM unnest(${p.add(params.status)}::"RequestStatus"[]) AS wanted(status)
  CROSS JOIN LATERAL (
    SELECT ${PAGE_COLUMNS} FROM requests r
    ${whereSql(["r.status = wanted.status", ...conditions])}
    ORDER BY ${order} ${limit}
  ) r
  ORDER BY ${order} ${limit}`;
  }
  // The page's ids first (an index-only scan when the conditions are in the index: a search's email,
  // status, due date and id), then only those rows read: a search matching thousands of addresses
  // visits the rows of one page, not of every match.
  return `SELECT ${PAGE_COLUMNS} FROM (
    SELECT r.id FROM requests r ${whereSql([statusCondition(params.status, p), ...conditions])} ORDER BY ${order} ${limit}
  ) keys JOIN requests r ON r.id = keys.id ORDER BY ${order}`;
}

/** One page of the view, in the view's order; only the page's rows are joined to their assignee and their tasks. */
export function dashboardListQuery(options: ListQueryOptions): SqlQuery {
  const p = new SqlParameters(options.context.today);
  const page = pageSql(options, p);
  const order = orderSql(options.params.sort, options.params.dir === "desc" ? "DESC" : "ASC", "page");
  const text = `SELECT page.id, page.reference, page.type::text AS type, page.jurisdiction, page.email, page."purgedAt" IS NOT NULL AS purged,
  page."receivedAt", page."dueDate"::text AS "dueDate", (page."dueDate" - ${p.today()}) AS "daysLeft", page.status::text AS status,
  page."clockPaused", staff.email AS "assigneeEmail",
  coalesce(tasks.total, 0) AS "tasksTotal", coalesce(tasks.done, 0) AS "tasksDone", coalesce(tasks.failed, 0) AS "tasksFailed"
FROM (${page}) page
LEFT JOIN staff_users staff ON staff.id = page."assigneeId"
LEFT JOIN LATERAL (
  SELECT count(*)::int AS total,
    (count(*) FILTER (WHERE t.status = 'SUCCEEDED'))::int AS done,
    (count(*) FILTER (WHERE t.status = 'FAILED'))::int AS failed
  FROM connector_tasks t WHERE t."requestId" = page.id
) tasks ON true
ORDER BY ${order}`;
  return { text, values: p.values };
}

/** How many rows the view has, counted up to MAX_ROWS + 1: a broad view costs no more than its last page. */
export function dashboardTotalQuery(options: { params: DashboardParams; context: DashboardContext }): SqlQuery {
  const p = new SqlParameters(options.context.today);
  const where = whereSql([statusCondition(options.params.status, p), ...filterConditions(options.params, options.context, p)]);
  return {
    text: `SELECT count(*)::int AS total FROM (SELECT 1 FROM requests r ${where} LIMIT ${p.add(MAX_ROWS + 1)}::int) capped`,
    values: p.values,
  };
}

/** Failed tasks are counted up to one more than this: past it, the figure says "more than". */
export const FAILED_TASKS_COUNTED = 100;

/** The week the "due this week" count covers, and the view it links to (?dueWithin=7). */
export const DUE_SOON_DAYS = 7;

/**
 * The figures at the top of the dashboard. The request counts sum the counts per (status, dueDate)
 * and the changes the triggers on requests appended since the last compaction (a few hundred rows
 * however many requests; exact, since each change commits with the change of its request). Failed
 * tasks of open requests are counted from the tasks' status index up to FAILED_TASKS_COUNTED + 1
 * ("100+"), each costing a look-up of its request (OFFSET 0 keeps the planner from hashing every open
 * request instead, as it did on 10 million requests when it expected few failed tasks).
 */
export function dashboardCountsQuery(context: Pick<DashboardContext, "today">): SqlQuery {
  const p = new SqlParameters(context.today);
  const open = `${p.add(DEFAULT_STATUSES)}::"RequestStatus"[]`;
  const today = p.today();
  const counted = `${p.add(["SUBMITTED", ...DEFAULT_STATUSES])}::"RequestStatus"[]`;
  const sum = (condition: string) => `coalesce(sum(c.count) FILTER (WHERE ${condition}), 0)::int`;
  return {
    text: `SELECT
  ${sum(`c.status = ANY(${open}) AND c."dueDate" < ${today}`)} AS overdue,
  ${sum(`c.status = ANY(${open}) AND c."dueDate" BETWEEN ${today} AND ${today} + ${p.add(DUE_SOON_DAYS)}::int`)} AS "dueThisWeek",
  ${sum(`c.status = 'SUBMITTED'`)} AS "awaitingVerification",
  ${sum(`c.status = 'AWAITING_SUBJECT'`)} AS "awaitingSubject",
  (SELECT count(*) FROM (
    SELECT 1 FROM connector_tasks t
    CROSS JOIN LATERAL (SELECT tr.status FROM requests tr WHERE tr.id = t."requestId" OFFSET 0) tr
    WHERE t.status = 'FAILED' AND tr.status = ANY(${open})
    LIMIT ${p.add(FAILED_TASKS_COUNTED + 1)}::int
  ) capped)::int AS "failedTasks"
FROM (
  SELECT status, "dueDate", count FROM request_status_counts WHERE status = ANY(${counted})
  UNION ALL
  SELECT status, "dueDate", change FROM request_status_count_changes WHERE status = ANY(${counted})
) c`,
    values: p.values,
  };
}
