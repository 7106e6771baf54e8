// The deadline dashboard: every request, filtered, sorted and paged in SQL, the view held in the
// URL. Open requests by earliest due date unless the URL says otherwise; a bad parameter is named
// and replaced by its default rather than failing the page.
import "./_components/dashboard.css";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions.ts";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { countDashboardRequests } from "@/lib/staff/count-dashboard-requests.ts";
import { parseDashboardParams } from "@/lib/staff/dashboard-params.ts";
import { listAssignableStaff } from "@/lib/staff/list-assignable-staff.ts";
import { listDashboardRequests } from "@/lib/staff/list-dashboard-requests.ts";
import { DashboardCountsList } from "./_components/dashboard-counts.tsx";
import { DashboardFilters } from "./_components/dashboard-filters.tsx";
import { PaginationNav, pageSummary } from "./_components/pagination-nav.tsx";
import { RequestsTable } from "./_components/requests-table.tsx";
import { ViewProblems } from "./_components/view-problems.tsx";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffRequests");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestsPage({ searchParams }: Props) {
  const me = await requireStaffPage("requests.read");
  await connection();
  const { params, problems } = parseDashboardParams(await searchParams);
  const [page, counts, staff] = await Promise.all([
    listDashboardRequests({ params, viewerId: me.userId }),
    countDashboardRequests(),
    listAssignableStaff(),
  ]);
  const t = await getTranslations("staffRequests");

  return (
    <div className="staff-page dashboard">
      <h1>{t("title")}</h1>
      <ViewProblems problems={problems} />
      <DashboardCountsList counts={counts} />
      <DashboardFilters params={params} staff={staff} />
      <p className="dashboard-summary" role="status">
        {pageSummary(page, t)}
      </p>
      <RequestsTable
        rows={page.rows}
        total={page.total}
        params={params}
        timeZone={env().CONTROLLER_TIME_ZONE}
        canDecide={can(me.role, "requests.decide")}
        canAssign={can(me.role, "requests.assign")}
        assignees={staff.map((member) => member.email)}
        key={JSON.stringify(params)}
      />
      <PaginationNav params={params} page={page} />
    </div>
  );
}
