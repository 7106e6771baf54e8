"use client";
// The one wrapper around TanStack Table v9 for tables the server sorts and pages: the URL holds the
// sort and the page (the server parsed it and ran the query), the table gets that state as given
// (manual sorting and pagination: it never reorders or slices rows itself), and column headers are
// links to the other orders, so sorting works without JavaScript. Row selection is the table's own.
import {
  type ColumnDef,
  type ReactTable,
  type RowData,
  type RowSelectionState,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature });
export type ServerTableFeatures = typeof serverTableFeatures;
export type ServerTable<Row extends RowData> = ReactTable<ServerTableFeatures, Row>;
export type ServerColumns<Row extends RowData> = ReadonlyArray<ColumnDef<ServerTableFeatures, Row, unknown>>;

export function useServerTable<Row extends RowData>(options: {
  columns: ServerColumns<Row>;
  data: Row[];
  sort: { id: string; desc: boolean };
  page: { index: number; size: number };
  rowCount: number;
  getRowId: (row: Row) => string;
  initialSelection?: RowSelectionState;
}): ServerTable<Row> {
  return useTable({
    features: serverTableFeatures,
    columns: options.columns,
    data: options.data,
    getRowId: options.getRowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: options.rowCount,
    enableMultiSort: false,
    state: {
      sorting: [options.sort],
      pagination: { pageIndex: options.page.index, pageSize: options.page.size },
    },
    initialState: { rowSelection: options.initialSelection ?? {} },
  });
}

const sortNames = { asc: "ascending", desc: "descending" } as const;
const sortedKeys = { asc: "table.sortedAscending", desc: "table.sortedDescending" } as const;

export function ServerTableView<Row extends RowData>(props: {
  table: ServerTable<Row>;
  caption: ReactNode;
  /** Where a header's link leads (the same view sorted by that column), or null when it cannot sort. */
  sortHref: (columnId: string, nextDesc: boolean) => string | null;
  empty: ReactNode;
  className?: string;
}) {
  const { table } = props;
  const t = useTranslations("staffRequests");
  const rows = table.getRowModel().rows;
  return (
    <div className="table-scroll">
      <table className={props.className}>
        <caption>{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const href = props.sortHref(header.column.id, sorted === "asc");
                return (
                  <th key={header.id} scope="col" aria-sort={sorted ? sortNames[sorted] : undefined}>
                    {header.isPlaceholder ? null : href ? (
                      <Link href={href} className="sort-link">
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}
                        </span>
                        <span className="visually-hidden">{sorted ? t(sortedKeys[sorted]) : t("table.sort")}</span>
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getAllLeafColumns().length}>{props.empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} data-selected={row.getIsSelected() || undefined}>
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-label={typeof cell.column.columnDef.header === "string" ? cell.column.columnDef.header : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
