"use client";
// The dashboard's columns: a selection box, then what staff triage by. Sortable columns are those
// the SQL can order by (their ids are the URL's sort names).
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { staffDate } from "@/lib/i18n/staff-dates.ts";
import type { DashboardRow } from "@/lib/staff/dashboard-row.ts";
import { formatDay } from "../[id]/_components/format.ts";
import { daysLeftText, type LabelsT, lawShortName, type RequestsT, urgencyOf } from "./labels.ts";
import type { ServerColumns, ServerTableFeatures } from "./server-table.tsx";

/** The id of the form the row boxes belong to (bulk-action-bar.tsx). */
export const SELECTION_FORM_ID = "bulk-actions-form";

const helper = createColumnHelper<ServerTableFeatures, DashboardRow>();

function Checkbox(props: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: (event: unknown) => void;
  name?: string;
  value?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // After every render: a click on the box clears the DOM's flag whatever React last set.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = Boolean(props.indeterminate);
  });
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-select"
      aria-label={props.label}
      checked={props.checked}
      onChange={props.onChange}
      name={props.name}
      value={props.value}
      form={props.name ? SELECTION_FORM_ID : undefined}
    />
  );
}

function DaysLeft({ row, t, labels }: { row: DashboardRow; t: RequestsT; labels: LabelsT }) {
  const { word, text } = daysLeftText(row.daysLeft, labels);
  return (
    <span className={`days-left days-left--${urgencyOf(row.daysLeft)}`}>
      {word ? <strong>{t("table.urgentWord", { word })}</strong> : null}
      {text}
      {row.clockPaused && row.daysLeft !== null ? <span className="days-left__paused">{t("table.clockPaused")}</span> : null}
    </span>
  );
}

function Tasks({ tasks, t }: { tasks: DashboardRow["tasks"]; t: RequestsT }) {
  if (tasks.total === 0) return <span className="muted">{t("table.noTasks")}</span>;
  return (
    <span>
      {t("table.tasksDone", { done: tasks.done, total: tasks.total })}
      {tasks.failed > 0 ? <strong className="tasks-failed">{t("table.tasksFailed", { failed: tasks.failed })}</strong> : null}
    </span>
  );
}

/** `t` and `labels` are the staffRequests and staffLabels translators of the reader's language. */
export function requestColumns(options: { timeZone: string; locale: Locale; t: RequestsT; labels: LabelsT }): ServerColumns<DashboardRow> {
  const { t, labels, locale } = options;
  const received = staffDate(locale, options.timeZone);
  return helper.columns([
    helper.display({
      id: "select",
      header: ({ table }) => (
        <Checkbox
          label={t("table.selectAll")}
          checked={table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          label={t("table.select", { reference: row.original.reference })}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          name="reference"
          value={row.original.reference}
        />
      ),
    }),
    helper.accessor("reference", {
      header: t("table.reference"),
      cell: ({ row }) => (
        <Link href={`/staff/requests/${row.original.id}`} className="reference-link">
          {row.original.reference}
        </Link>
      ),
    }),
    helper.accessor("type", { header: t("table.right"), cell: ({ row }) => labels(`right.${row.original.type}`) }),
    helper.accessor("jurisdiction", { header: t("table.law"), cell: ({ row }) => lawShortName(row.original.jurisdiction, labels) }),
    helper.accessor("person", { header: t("table.person") }),
    helper.accessor("receivedAt", { header: t("table.received"), cell: ({ row }) => received.format(new Date(row.original.receivedAt)) }),
    // The due day and how far off it is share a column, so the table fits 1280 px.
    helper.accessor("dueDate", {
      header: t("table.dueDate"),
      cell: ({ row }) => (
        <>
          <span className="due-day">{formatDay(row.original.dueDate, locale)}</span> <DaysLeft row={row.original} t={t} labels={labels} />
        </>
      ),
    }),
    helper.accessor("status", { header: t("table.status"), cell: ({ row }) => labels(`status.${row.original.status}`) }),
    helper.accessor("assigneeEmail", {
      header: t("table.assignee"),
      cell: ({ row }) => row.original.assigneeEmail ?? <span className="muted">{t("table.unassigned")}</span>,
    }),
    helper.accessor("tasks", { id: "tasks", header: t("table.tasks"), cell: ({ row }) => <Tasks tasks={row.original.tasks} t={t} /> }),
  ]) as ServerColumns<DashboardRow>;
}
