// One page of the staff dashboard and the size of the whole view, straight from the SQL in
// dashboard-query.ts (the benchmark runs the same statements through pg to measure what Prisma adds).
import { db } from "../db.ts";
import type { DashboardParams } from "./dashboard-params.ts";
import { controllerToday, dashboardListQuery, dashboardTotalQuery } from "./dashboard-query.ts";
import { type DashboardRow, type DashboardRowRecord, toDashboardRow } from "./dashboard-row.ts";

export type DashboardPage = {
  rows: DashboardRow[];
  /** Rows in the whole view, counted up to MAX_ROWS + 1. */
  total: number;
  today: string;
};

export async function listDashboardRequests(options: {
  params: DashboardParams;
  viewerId: string | null;
  now?: Date;
}): Promise<DashboardPage> {
  const context = { today: controllerToday(options.now ?? new Date()), viewerId: options.viewerId };
  const { params } = options;
  const list = dashboardListQuery({ params, context, limit: params.size, offset: (params.page - 1) * params.size });
  const total = dashboardTotalQuery({ params, context });
  const [records, totals] = await Promise.all([
    db().$queryRawUnsafe<DashboardRowRecord[]>(list.text, ...list.values),
    db().$queryRawUnsafe<Array<{ total: number }>>(total.text, ...total.values),
  ]);
  return { rows: records.map(toDashboardRow), total: Number(totals[0]?.total ?? 0), today: context.today };
}
