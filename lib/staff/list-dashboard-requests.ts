// One page of the staff dashboard, the size of the whole view and the cursors of the pages around
// it, straight from the SQL in dashboard-query.ts (the benchmark runs the same statements through pg
// to measure what Prisma adds). Keyset paging: a page is read from its cursor's key in the view's
// order (forward) or against it (backward, for "previous" and "last"), one row more than it shows
// to learn whether the view goes on.
import { db } from "../db.ts";
import type { CursorPlace, DashboardCursor } from "./dashboard-cursor.ts";
import { type DashboardParams, MAX_ROWS } from "./dashboard-params.ts";
import { controllerToday, dashboardListQuery, dashboardTotalQuery, readsBackward, sortKeyOf } from "./dashboard-query.ts";
import { type DashboardRow, type DashboardRowRecord, toDashboardRow } from "./dashboard-row.ts";

export type DashboardPage = {
  rows: DashboardRow[];
  /** Rows in the whole view, counted up to MAX_ROWS + 1. */
  total: number;
  today: string;
  /**
   * Where the rows sit: the first row's place from the start of the view, or (a view of more than
   * MAX_ROWS entered from its end) the last row's place from the end. Null when there are no rows.
   */
  place: CursorPlace | null;
  /** The pages around this one; null at either end of the view. */
  previous: DashboardCursor | null;
  next: DashboardCursor | null;
};

export async function listDashboardRequests(options: {
  params: DashboardParams;
  viewerId: string | null;
  now?: Date;
}): Promise<DashboardPage> {
  const context = { today: controllerToday(options.now ?? new Date()), viewerId: options.viewerId };
  const { params } = options;
  const total = dashboardTotalQuery({ params, context });
  const [page, totals] = await Promise.all([
    readPage(params, context, params.cursor),
    db().$queryRawUnsafe<Array<{ total: number }>>(total.text, ...total.values),
  ]);
  return describePage(params, page, Number(totals[0]?.total ?? 0), context.today);
}

type ReadPage = { rows: DashboardRow[]; atStart: boolean; atEnd: boolean; place: CursorPlace | null; cursor: DashboardCursor | undefined };

async function readPage(
  params: DashboardParams,
  context: { today: string; viewerId: string | null },
  cursor: DashboardCursor | undefined,
): Promise<ReadPage> {
  const list = dashboardListQuery({ params, context, limit: params.size + 1, cursor });
  const fetched = (await db().$queryRawUnsafe<DashboardRowRecord[]>(list.text, ...list.values)).map(toDashboardRow);
  const more = fetched.length > params.size;
  if (!readsBackward(cursor)) {
    const rows = fetched.slice(0, params.size);
    // Rows closed or re-dated since the link was written can leave nothing after its key: start over.
    if (cursor && rows.length === 0) return readPage(params, context, undefined);
    const place: CursorPlace =
      cursor?.kind !== "after"
        ? { from: "start", index: 1 }
        : cursor.place.from === "start"
          ? { from: "start", index: cursor.place.index + 1 }
          : { from: "end", index: cursor.place.index - rows.length };
    return { rows, atStart: cursor === undefined, atEnd: !more, place: rows.length > 0 ? place : null, cursor };
  }
  // Read against the view's order: the row beyond the page, if any, comes first.
  const rows = more ? fetched.slice(1) : fetched;
  if (cursor?.kind === "before") {
    // Nothing before the key any more: the first page. Less than a page before it (going back from
    // a last page that does not fall on page boundaries): those rows, as the view's start.
    if (rows.length === 0) return readPage(params, context, undefined);
    const place: CursorPlace = !more
      ? { from: "start", index: 1 }
      : cursor.place.from === "start"
        ? { from: "start", index: cursor.place.index - rows.length }
        : { from: "end", index: cursor.place.index + 1 };
    return { rows, atStart: !more, atEnd: false, place, cursor };
  }
  const place: CursorPlace = more ? { from: "end", index: 1 } : { from: "start", index: 1 };
  return { rows, atStart: !more, atEnd: true, place: rows.length > 0 ? place : null, cursor };
}

function describePage(params: DashboardParams, page: ReadPage, total: number, today: string): DashboardPage {
  const { rows } = page;
  // Counted exactly, the total turns a place from the end into one from the start.
  let place = page.place;
  if (place?.from === "end" && total <= MAX_ROWS) place = { from: "start", index: Math.max(1, total - place.index - rows.length + 2) };
  const view = { sort: params.sort, dir: params.dir };
  const firstPlace = (): CursorPlace =>
    place?.from === "end" ? { from: "end", index: place.index + rows.length - 1 } : { from: "start", index: place?.index ?? 1 };
  const lastPlace = (): CursorPlace =>
    place?.from === "end" ? { from: "end", index: place.index } : { from: "start", index: (place?.index ?? 1) + rows.length - 1 };
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    total,
    today,
    place,
    previous:
      page.atStart || !first ? null : { ...view, kind: "before", key: sortKeyOf(params.sort, toKeyRow(first)), place: firstPlace() },
    next: page.atEnd || !last ? null : { ...view, kind: "after", key: sortKeyOf(params.sort, toKeyRow(last)), place: lastPlace() },
  };
}

function toKeyRow(row: DashboardRow) {
  return { id: row.id, reference: row.reference, status: row.status, dueDate: row.dueDate, receivedAt: new Date(row.receivedAt) };
}
