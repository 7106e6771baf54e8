"use client";
// The dashboard's columns: a selection box, then what staff triage by. Sortable columns are those
// the SQL can order by (their ids are the URL's sort names).
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { DashboardRow } from "@/lib/staff/dashboard-row.ts";
import { formatDay } from "../[id]/_components/format.ts";
import { daysLeftText, lawShortName, rightNames, statusNames, urgencyOf } from "./labels.ts";
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

function DaysLeft({ row }: { row: DashboardRow }) {
  const { word, text } = daysLeftText(row.daysLeft);
  return (
    <span className={`days-left days-left--${urgencyOf(row.daysLeft)}`}>
      {word ? <strong>{word}: </strong> : null}
      {text}
      {row.clockPaused && row.daysLeft !== null ? <span className="days-left__paused"> (clock paused)</span> : null}
    </span>
  );
}

function Tasks({ tasks }: { tasks: DashboardRow["tasks"] }) {
  if (tasks.total === 0) return <span className="muted">none</span>;
  return (
    <span>
      {tasks.done}/{tasks.total} done
      {tasks.failed > 0 ? <strong className="tasks-failed">, {tasks.failed} failed</strong> : null}
    </span>
  );
}

export function requestColumns(timeZone: string): ServerColumns<DashboardRow> {
  const received = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone });
  return helper.columns([
    helper.display({
      id: "select",
      header: ({ table }) => (
        <Checkbox
          label="Select all requests on this page"
          checked={table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          label={`Select ${row.original.reference}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          name="reference"
          value={row.original.reference}
        />
      ),
    }),
    helper.accessor("reference", {
      header: "Reference",
      cell: ({ row }) => (
        <Link href={`/staff/requests/${row.original.id}`} className="reference-link">
          {row.original.reference}
        </Link>
      ),
    }),
    helper.accessor("type", { header: "Right", cell: ({ row }) => rightNames[row.original.type] }),
    helper.accessor("jurisdiction", { header: "Law", cell: ({ row }) => lawShortName(row.original.jurisdiction) }),
    helper.accessor("person", { header: "Person" }),
    helper.accessor("receivedAt", { header: "Received", cell: ({ row }) => received.format(new Date(row.original.receivedAt)) }),
    // The due day and how far off it is share a column, so the table fits 1280 px.
    helper.accessor("dueDate", {
      header: "Due date",
      cell: ({ row }) => (
        <>
          <span className="due-day">{formatDay(row.original.dueDate)}</span> <DaysLeft row={row.original} />
        </>
      ),
    }),
    helper.accessor("status", { header: "Status", cell: ({ row }) => statusNames[row.original.status] }),
    helper.accessor("assigneeEmail", {
      header: "Assignee",
      cell: ({ row }) => row.original.assigneeEmail ?? <span className="muted">unassigned</span>,
    }),
    helper.accessor("tasks", { id: "tasks", header: "Connector tasks", cell: ({ row }) => <Tasks tasks={row.original.tasks} /> }),
  ]) as ServerColumns<DashboardRow>;
}
