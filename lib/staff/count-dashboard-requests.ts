// The figures at the top of the dashboard: what is late, what is due soon, what waits on whom.
import { db } from "../db.ts";
import { controllerToday, dashboardCountsQuery } from "./dashboard-query.ts";

export type DashboardCounts = {
  overdue: number;
  dueThisWeek: number;
  awaitingVerification: number;
  awaitingSubject: number;
  failedTasks: number;
};

export async function countDashboardRequests(options: { now?: Date } = {}): Promise<DashboardCounts> {
  const query = dashboardCountsQuery({ today: controllerToday(options.now ?? new Date()) });
  const [row] = await db().$queryRawUnsafe<DashboardCounts[]>(query.text, ...query.values);
  return {
    overdue: Number(row.overdue),
    dueThisWeek: Number(row.dueThisWeek),
    awaitingVerification: Number(row.awaitingVerification),
    awaitingSubject: Number(row.awaitingSubject),
    failedTasks: Number(row.failedTasks),
  };
}
