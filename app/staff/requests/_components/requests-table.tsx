"use client";
// The dashboard's rows and what can be done with them: the TanStack table (selection, sort state
// from the URL) and the bulk-action form its row boxes belong to.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { type DashboardParams, dashboardSearch, SORT_COLUMNS, type SortColumn } from "@/lib/staff/dashboard-params.ts";
import type { DashboardRow } from "@/lib/staff/dashboard-row.ts";
import { BulkActionBar } from "./bulk-action-bar.tsx";
import { requestColumns } from "./request-columns.tsx";
import { ServerTableView, useServerTable } from "./server-table.tsx";

const isSortColumn = (id: string): id is SortColumn => (SORT_COLUMNS as readonly string[]).includes(id);

export function RequestsTable(props: {
  rows: DashboardRow[];
  total: number;
  params: DashboardParams;
  timeZone: string;
  canDecide: boolean;
  canAssign: boolean;
  assignees: string[];
}) {
  const { params } = props;
  const locale = useLocale();
  const t = useTranslations("staffRequests");
  const labels = useTranslations("staffLabels");
  const columns = useMemo(() => requestColumns({ timeZone: props.timeZone, locale, t, labels }), [props.timeZone, locale, t, labels]);
  const table = useServerTable({
    columns,
    data: props.rows,
    sort: { id: params.sort, desc: params.dir === "desc" },
    page: { index: 0, size: params.size },
    rowCount: props.total,
    getRowId: (row) => row.reference,
  });
  const selected = table.getSelectedRowIds();
  const clearSelection = useCallback(() => table.resetRowSelection(true), [table]);
  const sortHref = (columnId: string, nextDesc: boolean) =>
    isSortColumn(columnId)
      ? `/staff/requests${dashboardSearch(params, { sort: columnId, dir: params.sort === columnId && nextDesc ? "desc" : "asc", cursor: undefined })}`
      : null;

  return (
    <>
      <BulkActionBar
        selected={selected}
        canDecide={props.canDecide}
        canAssign={props.canAssign}
        assignees={props.assignees}
        exportViewHref={`/staff/requests/export${dashboardSearch(params, { cursor: undefined })}`}
        onDone={clearSelection}
      />
      <ServerTableView
        table={table}
        caption={t("table.caption")}
        sortHref={sortHref}
        className="staff-table requests-table"
        empty={t("showing.none")}
      />
    </>
  );
}
