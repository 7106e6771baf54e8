// The §7102 metrics per right: a table (the full record) and a bar chart of the same counts.
import type { RightMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { BarChart } from "./bar-chart.tsx";
import { formatDays, formatShare, rightNames } from "./report-format.ts";

const columns: Array<{ key: keyof RightMetrics; label: string; format?: (value: number | null) => string }> = [
  { key: "received", label: "Received" },
  { key: "compliedInWhole", label: "Complied in whole" },
  { key: "compliedInPart", label: "Complied in part" },
  { key: "denied", label: "Denied" },
  { key: "withdrawn", label: "Withdrawn" },
  { key: "expiredUnverified", label: "Never verified" },
  { key: "pending", label: "Still open" },
  { key: "medianDays", label: "Median days to respond", format: formatDays },
  { key: "meanDays", label: "Mean days to respond", format: formatDays },
  { key: "onTimeShare", label: "Answered on time", format: formatShare },
];

/** The denied requests by the grounds of §7102(a)(2): a table of its own, so neither is too wide to read. */
const denialColumns: typeof columns = [
  { key: "denied", label: "Denied" },
  { key: "deniedUnverifiable", label: "Not verifiable" },
  { key: "expiredUnverified", label: "of which never confirmed" },
  { key: "deniedExempt", label: "Exempt information" },
  { key: "deniedOther", label: "Other grounds" },
];

export function RightsMetrics({ rows, periodLabel }: { rows: RightMetrics[]; periodLabel: string }) {
  const rights = rows.filter((row) => row.right !== "all");
  const total = rows.find((row) => row.right === "all");
  return (
    <>
      <div className="table-scroll">
        <table className="staff-table report-table">
          <caption>Requests per right, {periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Right</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="numeric">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rights.map((row) => (
              <MetricsRow key={row.right} row={row} columns={columns} />
            ))}
          </tbody>
          {total ? (
            <tfoot>
              <MetricsRow row={total} columns={columns} />
            </tfoot>
          ) : null}
        </table>
      </div>
      <div className="table-scroll">
        <table className="staff-table report-table">
          <caption>Denied requests by grounds (never verified counts as denied, §7102(a)(2)), {periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Right</th>
              {denialColumns.map((column) => (
                <th key={column.key} scope="col" className="numeric">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rights.map((row) => (
              <MetricsRow key={row.right} row={row} columns={denialColumns} />
            ))}
          </tbody>
          {total ? (
            <tfoot>
              <MetricsRow row={total} columns={denialColumns} />
            </tfoot>
          ) : null}
        </table>
      </div>
      <BarChart
        id="rights-chart"
        title={`Requests received, complied with and denied per right, ${periodLabel}`}
        summary={rights
          .map(
            (row) =>
              `${rightNames[row.right]}: ${row.received} received, ${row.compliedInWhole + row.compliedInPart} complied with, ${row.denied} denied.`,
          )
          .join(" ")}
        series={[
          { label: "Received", colour: "#0b57a4" },
          { label: "Complied (whole or part)", colour: "#1e6b34", pattern: "hatched" },
          { label: "Denied", colour: "#b3261e", pattern: "dotted" },
        ]}
        groups={rights.map((row) => ({
          label: rightNames[row.right],
          values: [row.received, row.compliedInWhole + row.compliedInPart, row.denied],
        }))}
        format={(value) => value.toLocaleString("en")}
      />
    </>
  );
}

function MetricsRow({ row, columns }: { row: RightMetrics; columns: typeof denialColumns }) {
  return (
    <tr>
      <th scope="row">{rightNames[row.right]}</th>
      {columns.map((column) => {
        const value = row[column.key] as number | null;
        return (
          <td key={column.key} className="numeric">
            {column.format ? column.format(value) : (value ?? 0).toLocaleString("en")}
          </td>
        );
      })}
    </tr>
  );
}
