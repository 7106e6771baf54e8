// The dashboard's SQL, built as text plus parameters so that the service (through Prisma) and the
// benchmark (through pg directly) run the very same statements. Filtering, sorting and paging all
// happen in the database; sort columns come from a whitelist and every value is a parameter.
import { formatLocalDate, localDateOf } from "../deadlines/calendar.ts";
import { env } from "../env.ts";
import { type DashboardContext, filterConditions, SqlParameters, statusCondition, whereSql } from "./dashboard-conditions.ts";
import { type DashboardParams, DEFAULT_STATUSES, MAX_ROWS, type SortColumn } from "./dashboard-params.ts";

export type { DashboardContext } from "./dashboard-conditions.ts";
export type SqlQuery = { text: string; values: unknown[] };

/** Today's date on the controller's wall clock, the day due dates are counted from. */
export function controllerToday(now: Date): string {
  return formatLocalDate(localDateOf(now.getTime(), env().CONTROLLER_TIME_ZONE));
}

/** Each sort ends with the id, so equal values keep one order from page to page. */
const sortKeys: Record<SortColumn, string[]> = {
  dueDate: ['"dueDate"'],
  receivedAt: ['"receivedAt"'],
  reference: ["reference"],
  status: ["status", '"dueDate"'],
};

const PAGE_COLUMNS = `r.id, r.reference, r.type, r.jurisdiction, r.email, r."purgedAt", r."receivedAt", r."dueDate", r.status,
    r."clockPaused", r."assigneeId"`;

export type ListQueryOptions = {
  params: DashboardParams;
  context: DashboardContext;
  limit: number;
  offset: number;
  /** Exactly these requests (an export of a selection), in the view's order; the filters are ignored. */
  references?: string[];
};

/**
 * The rows of one page. Ordered by due date (or by status, then due date), the page is merged from
 * one index range per status: every (…, status, dueDate) index returns a status's requests already
 * in due-date order, so each status reads at most offset + limit rows instead of all of its rows
 * being sorted. The union of each status's first offset + limit rows holds the view's first
 * offset + limit rows, so the merge is exact. A search, and other orders, read one index (email,
 * reference, receivedAt) with the other conditions as filters.
 */
function pageSql(options: ListQueryOptions, p: SqlParameters): string {
  const { params, context } = options;
  const dir = params.dir === "desc" ? "DESC" : "ASC";
  const order = [...sortKeys[params.sort], "id"].map((column) => `r.${column} ${dir}`).join(", ");
  const paging = `LIMIT ${p.add(options.limit)}::int OFFSET ${p.add(options.offset)}::int`;
  if (options.references) {
    return `SELECT ${PAGE_COLUMNS} FROM requests r WHERE r.reference = ANY(${p.add(options.references)}::text[]) ORDER BY ${order} ${paging}`;
  }
  const conditions = filterConditions(params, context, p);
  // A search finds few rows through its own index: filtering and sorting those beats one range per status.
  if ((params.sort === "dueDate" || params.sort === "status") && !params.q) {
    const perStatus = `${p.add(options.offset + options.limit)}::int`;
    return `SELECT r.* FROM unnest(${p.add(params.status)}::"RequestStatus"[]) AS wanted(status)
  CROSS JOIN LATERAL (
    SELECT ${PAGE_COLUMNS} FROM requests r
    ${whereSql(["r.status = wanted.status", ...conditions])}
    ORDER BY ${order} LIMIT ${perStatus}
  ) r
  ORDER BY ${order} ${paging}`;
  }
  return `SELECT ${PAGE_COLUMNS} FROM requests r ${whereSql([statusCondition(params.status, p), ...conditions])} ORDER BY ${order} ${paging}`;
}

/** One page of the view; only the page's rows are joined to their assignee and their tasks. */
export function dashboardListQuery(options: ListQueryOptions): SqlQuery {
  const p = new SqlParameters(options.context.today);
  const page = pageSql(options, p);
  const dir = options.params.dir === "desc" ? "DESC" : "ASC";
  const order = [...sortKeys[options.params.sort], "id"].map((column) => `page.${column} ${dir}`).join(", ");
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

/** The week the "due this week" count covers, and the view it links to (?dueWithin=7). */
export const DUE_SOON_DAYS = 7;

/**
 * The figures at the top of the dashboard, in one pass over the open requests (the (status, dueDate)
 * index holds everything it reads) plus the failed tasks of open requests.
 */
export function dashboardCountsQuery(context: Pick<DashboardContext, "today">): SqlQuery {
  const p = new SqlParameters(context.today);
  const open = `${p.add(DEFAULT_STATUSES)}::"RequestStatus"[]`;
  const today = p.today();
  return {
    text: `SELECT
  (count(*) FILTER (WHERE r.status = ANY(${open}) AND r."dueDate" < ${today}))::int AS overdue,
  (count(*) FILTER (WHERE r.status = ANY(${open}) AND r."dueDate" BETWEEN ${today} AND ${today} + ${p.add(DUE_SOON_DAYS)}::int))::int AS "dueThisWeek",
  (count(*) FILTER (WHERE r.status = 'SUBMITTED'))::int AS "awaitingVerification",
  (count(*) FILTER (WHERE r.status = 'AWAITING_SUBJECT'))::int AS "awaitingSubject",
  (SELECT count(*) FROM connector_tasks t JOIN requests tr ON tr.id = t."requestId"
    WHERE t.status = 'FAILED' AND tr.status = ANY(${open}))::int AS "failedTasks"
FROM requests r
WHERE r.status = ANY(${p.add(["SUBMITTED", ...DEFAULT_STATUSES])}::"RequestStatus"[])`,
    values: p.values,
  };
}
