// Previous and next pages of the view, as links (the page number lives in the URL).
import Link from "next/link";
import { type DashboardParams, dashboardSearch, MAX_ROWS, maxPage } from "@/lib/staff/dashboard-params.ts";

export function PaginationNav({ params, total }: { params: DashboardParams; total: number }) {
  const capped = total > MAX_ROWS;
  const lastPage = Math.max(1, Math.min(maxPage(params.size), Math.ceil(Math.min(total, MAX_ROWS) / params.size)));
  const href = (page: number) => `/staff/requests${dashboardSearch(params, { page })}`;
  return (
    <nav aria-label="Pagination" className="pagination">
      {params.page > 1 ? (
        <Link href={href(params.page - 1)} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {params.page} of {lastPage.toLocaleString("en")}
        {capped ? "+" : ""}
      </span>
      {params.page < lastPage ? (
        <Link href={href(params.page + 1)} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
