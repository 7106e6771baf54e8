// The dashboard's view as it sits in the URL (/staff/requests?status=…&sort=…&page=…), so a view
// can be bookmarked and shared. Each parameter is parsed on its own: a bad value is reported by
// name and replaced by its default, and the rest of the view still applies. Client-safe (no I/O):
// the table's sort links and the pagination are built from the same module.
import { z } from "zod";
import { JURISDICTIONS } from "../deadlines/rules.ts";
import type { MessageRef } from "../errors.ts";
import { RequestStatus, RequestType } from "../generated/prisma/enums.ts";
import { safeText } from "../http/safe-text.ts";
import { type DashboardCursor, decodeDashboardCursor, encodeDashboardCursor } from "./dashboard-cursor.ts";

export const REQUEST_STATUSES = Object.values(RequestStatus) as RequestStatus[];
export const REQUEST_TYPES = Object.values(RequestType) as RequestType[];

/** "Open" on the dashboard: verified requests someone must act on (unverified ones are counted apart). */
export const DEFAULT_STATUSES: RequestStatus[] = ["VERIFIED", "AWAITING_SUBJECT", "APPROVED", "IN_PROGRESS"];

export const SORT_COLUMNS = ["dueDate", "receivedAt", "reference", "status"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/**
 * The view's total is counted up to this many rows ("more than 10,000" beyond), so a broad view
 * costs no more to count than a narrow one. Paging is by cursor and reaches every row.
 */
export const MAX_ROWS = 10_000;

/** "mine" means the signed-in staff member; otherwise a staff member's id. */
export type AssigneeFilter = "anyone" | "unassigned" | "mine" | { staffUserId: string };

/** The schemas' messages are keys of this catalogue namespace; the lists they name are given here. */
const PROBLEM = "staffRequests.viewProblems.";
const problemValues: Record<string, Record<string, string>> = {
  status: { statuses: REQUEST_STATUSES.join(", ").toLowerCase() },
  type: { rights: REQUEST_TYPES.join(", ").toLowerCase() },
  sort: { columns: SORT_COLUMNS.join(", ") },
  size: { sizes: PAGE_SIZES.join(", ") },
};

function problemText(issue: z.core.$ZodIssue | undefined): MessageRef {
  const key = issue?.message.startsWith(PROBLEM) ? issue.message : `${PROBLEM}invalid`;
  const own = issue?.code === "custom" ? (issue.params as Record<string, string> | undefined) : undefined;
  return { key, values: { ...problemValues[key.slice(PROBLEM.length)], ...own } };
}

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** A GET form sends empty fields as `name=`: treated as not given. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const single = <T extends z.ZodType>(schema: T) => z.preprocess((value) => blankToUndefined(firstValue(value)), schema);
const flag = single(z.enum(["1", "true", "on"]).optional()).transform((value) => value !== undefined);

const statusValue = z.string().transform((value, ctx) => {
  const upper = value.trim().toUpperCase();
  if ((REQUEST_STATUSES as string[]).includes(upper)) return upper as RequestStatus;
  ctx.addIssue({ code: "custom", message: `${PROBLEM}status`, params: { value } });
  return z.NEVER;
});

const fieldSchemas = {
  status: z
    .preprocess(
      (value) => {
        const list = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(blankToUndefined).filter(Boolean);
        return list.flatMap((item) => String(item).split(","));
      },
      z.array(statusValue).max(REQUEST_STATUSES.length * 2),
    )
    .transform((list) => (list.length === 0 ? DEFAULT_STATUSES : REQUEST_STATUSES.filter((status) => list.includes(status)))),
  type: single(
    z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(REQUEST_TYPES as [RequestType, ...RequestType[]], { message: `${PROBLEM}type` }))
      .optional(),
  ),
  jurisdiction: single(
    z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(JURISDICTIONS, { message: `${PROBLEM}jurisdiction` }))
      .optional(),
  ),
  assignee: single(
    z
      .union([z.enum(["anyone", "unassigned", "mine"]), z.uuid().transform((staffUserId) => ({ staffUserId }))], {
        message: `${PROBLEM}assignee`,
      })
      .default("anyone"),
  ) as z.ZodType<AssigneeFilter>,
  dueWithin: single(
    z.coerce
      .number({ message: `${PROBLEM}dueWithin` })
      .int(`${PROBLEM}dueWithin`)
      .min(0, `${PROBLEM}dueWithin`)
      .max(366, `${PROBLEM}dueWithin`)
      .optional(),
  ),
  overdue: flag,
  failed: flag,
  q: single(
    safeText({ message: `${PROBLEM}q` })
      .trim()
      .max(254, `${PROBLEM}qLength`)
      .optional(),
  ),
  sort: single(z.enum(SORT_COLUMNS, { message: `${PROBLEM}sort` }).default("dueDate")),
  dir: single(z.enum(["asc", "desc"], { message: `${PROBLEM}dir` }).default("asc")),
  /** Decoded against the sort in parseDashboardParams; absent = the first page. */
  cursor: single(z.string().max(600).optional()),
  size: single(
    z.coerce
      .number()
      .refine((value): value is PageSize => (PAGE_SIZES as readonly number[]).includes(value), `${PROBLEM}size`)
      .default(25),
  ),
};

type Fields = typeof fieldSchemas;
export type DashboardParams = { [K in Exclude<keyof Fields, "cursor">]: z.output<Fields[K]> } & {
  size: PageSize;
  cursor: DashboardCursor | undefined;
};
/** A parameter that could not be used, and why in the catalogue's words (staffRequests.viewProblems). */
export type ParamProblem = { param: string; text: MessageRef };

export const defaultDashboardParams: DashboardParams = parseDashboardParams({}).params;

/** The view a URL asks for, with one problem per parameter that could not be used. */
export function parseDashboardParams(searchParams: Record<string, string | string[] | undefined>): {
  params: DashboardParams;
  problems: ParamProblem[];
} {
  const problems: ParamProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(fieldSchemas)) {
    const parsed = schema.safeParse(searchParams[name]);
    if (parsed.success) {
      out[name] = parsed.data;
    } else {
      problems.push({ param: name, text: problemText(parsed.error.issues[0]) });
      out[name] = schema.parse(undefined);
    }
  }
  const params = out as DashboardParams;
  const token = out.cursor as string | undefined;
  params.cursor = undefined;
  if (token !== undefined) {
    const decoded = decodeDashboardCursor(token, params);
    if ("cursor" in decoded) params.cursor = decoded.cursor;
    else {
      const key = decoded.problem === "other-sort" ? "cursorOtherSort" : "cursorUnreadable";
      problems.push({ param: "cursor", text: { key: `${PROBLEM}${key}` } });
    }
  }
  return { params, problems };
}

/** The query string of a view, leaving out what is at its default so URLs stay short. */
export function dashboardSearch(params: DashboardParams, patch: Partial<DashboardParams> = {}): string {
  const view = { ...params, ...patch };
  const query = new URLSearchParams();
  const defaultStatuses = view.status.length === DEFAULT_STATUSES.length && view.status.every((s) => DEFAULT_STATUSES.includes(s));
  if (!defaultStatuses) for (const status of view.status) query.append("status", status);
  if (view.type) query.set("type", view.type);
  if (view.jurisdiction) query.set("jurisdiction", view.jurisdiction);
  if (view.assignee !== "anyone") query.set("assignee", typeof view.assignee === "string" ? view.assignee : view.assignee.staffUserId);
  if (view.dueWithin !== undefined) query.set("dueWithin", String(view.dueWithin));
  if (view.overdue) query.set("overdue", "1");
  if (view.failed) query.set("failed", "1");
  if (view.q) query.set("q", view.q);
  if (view.sort !== "dueDate") query.set("sort", view.sort);
  if (view.dir !== "asc") query.set("dir", view.dir);
  if (view.size !== 25) query.set("size", String(view.size));
  if (view.cursor) query.set("cursor", encodeDashboardCursor(view.cursor));
  const text = query.toString();
  return text ? `?${text}` : "";
}
