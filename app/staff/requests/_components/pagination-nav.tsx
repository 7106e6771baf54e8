// First, previous, next and last pages of the view, as links: each carries the cursor of the page
// it opens (lib/staff/dashboard-cursor.ts), so the page lives in the URL and works without JavaScript.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type DashboardParams, dashboardSearch, MAX_ROWS } from "@/lib/staff/dashboard-params.ts";
import type { DashboardPage } from "@/lib/staff/list-dashboard-requests.ts";
import { type RequestsT, showingText } from "./labels.ts";

/** "Showing 26–50 of 80 requests.", or, entered from the end of a very large view, counted from there. */
export function pageSummary(page: DashboardPage, t: RequestsT): string {
  const count = page.rows.length;
  if (page.place?.from === "end") {
    return t("pagination.fromEnd", { first: page.place.index, last: page.place.index + count - 1, max: MAX_ROWS });
  }
  const first = page.place && count > 0 ? page.place.index : 0;
  return showingText(first, first === 0 ? 0 : first + count - 1, page.total, MAX_ROWS, t);
}

export function PaginationNav({ params, page }: { params: DashboardParams; page: DashboardPage }) {
  const t = useTranslations("staffRequests.pagination");
  const href = (cursor: DashboardParams["cursor"]) => `/staff/requests${dashboardSearch(params, { cursor })}`;
  if (!page.previous && !page.next) return null;
  return (
    <nav aria-label={t("label")} className="pagination">
      {page.previous ? (
        <>
          <Link href={href(undefined)}>{t("first")}</Link>
          <Link href={href(page.previous)} rel="prev">
            {t("previous")}
          </Link>
        </>
      ) : null}
      {page.next ? (
        <>
          <Link href={href(page.next)} rel="next">
            {t("next")}
          </Link>
          <Link href={href({ sort: params.sort, dir: params.dir, kind: "last" })}>{t("last")}</Link>
        </>
      ) : null}
    </nav>
  );
}
