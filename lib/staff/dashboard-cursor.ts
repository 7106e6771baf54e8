// Where a dashboard page starts, as an opaque token in the URL (?cursor=…): keyset paging, so a
// page far into a view of millions costs what the first one does. The token names the sort it was
// made for and the sort key of the row the page continues from (the view's order always ends with
// the request id, so no two rows share a key and ties never repeat or skip a row). Client-safe: the
// pagination links are written with it, and the server decodes and validates it before any value
// reaches SQL (as a parameter).
import { z } from "zod";
import { RequestStatus } from "../generated/prisma/enums.ts";

export const CURSOR_SORTS = ["dueDate", "receivedAt", "reference", "status"] as const;
type CursorSort = (typeof CURSOR_SORTS)[number];

/**
 * `after`: the rows that follow the key row in the view's order; `before`: the rows that precede it
 * (read in reverse, shown in order); `last`: the view's last page (read in reverse from its end).
 */
export type CursorDirection = "after" | "before";

/**
 * Where the page sits, for the "Showing 26–50" line: the key row's place counted from the start of
 * the view or from its end (a view of more than the counted total is entered from its end by "last").
 * Carried, not counted again: rows added or closed meanwhile may shift it by as many.
 */
export type CursorPlace = { from: "start" | "end"; index: number };

export type DashboardCursor =
  | { sort: CursorSort; dir: "asc" | "desc"; kind: CursorDirection; key: string[]; place: CursorPlace }
  | { sort: CursorSort; dir: "asc" | "desc"; kind: "last" };

const uuid = z.uuid();
const day = z.iso.date();
const instant = z.iso.datetime({ precision: 3 });
const reference = z.string().regex(/^DSR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
const status = z.enum(Object.values(RequestStatus) as [RequestStatus, ...RequestStatus[]]);

/** The sort key of each order, the request id last. */
const keySchemas: Record<CursorSort, z.ZodType<string[]>> = {
  dueDate: z.tuple([day, uuid]),
  receivedAt: z.tuple([instant, uuid]),
  reference: z.tuple([reference, uuid]),
  status: z.tuple([status, day, uuid]),
};

const tokenSchema = z.discriminatedUnion("k", [
  z.object({
    v: z.literal(1),
    s: z.enum(CURSOR_SORTS),
    d: z.enum(["asc", "desc"]),
    k: z.enum(["after", "before"]),
    key: z.array(z.string().max(40)).max(3),
    at: z.tuple([z.enum(["start", "end"]), z.number().int().min(1).max(1e12)]),
  }),
  z.object({ v: z.literal(1), s: z.enum(CURSOR_SORTS), d: z.enum(["asc", "desc"]), k: z.literal("last") }),
]);

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
  try {
    return atob(token.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
}

export function encodeDashboardCursor(cursor: DashboardCursor): string {
  const body =
    cursor.kind === "last"
      ? { v: 1, s: cursor.sort, d: cursor.dir, k: "last" }
      : { v: 1, s: cursor.sort, d: cursor.dir, k: cursor.kind, key: cursor.key, at: [cursor.place.from, cursor.place.index] };
  return toBase64Url(JSON.stringify(body));
}

export type CursorProblem = "unreadable" | "other-sort";

/**
 * The cursor a token holds, checked against the view's sort (a link kept from another order
 * continues nothing): a token that is not one, or not for this order, is a problem and the view
 * starts at its first page.
 */
export function decodeDashboardCursor(
  token: string,
  view: { sort: CursorSort; dir: "asc" | "desc" },
): { cursor: DashboardCursor } | { problem: CursorProblem } {
  const text = fromBase64Url(token);
  let json: unknown;
  try {
    json = text === null ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) return { problem: "unreadable" };
  const body = parsed.data;
  if (body.s !== view.sort || body.d !== view.dir) return { problem: "other-sort" };
  if (body.k === "last") return { cursor: { sort: body.s, dir: body.d, kind: "last" } };
  const key = keySchemas[body.s].safeParse(body.key);
  if (!key.success) return { problem: "unreadable" };
  return { cursor: { sort: body.s, dir: body.d, kind: body.k, key: key.data, place: { from: body.at[0], index: body.at[1] } } };
}
