// The §7102 metrics per right: a table (the full record) and a bar chart of the same counts.
import { getTranslations } from "next-intl/server";
import type { RightMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { BarChart } from "./bar-chart.tsx";
import type { ReportFormat } from "./report-format.ts";

type Column = { key: keyof RightMetrics; label: string; kind?: "days" | "share" };

export async function RightsMetrics({ rows, periodLabel, format }: { rows: RightMetrics[]; periodLabel: string; format: ReportFormat }) {
  const t = await getTranslations("staffReports");
  const columns: Column[] = [
    { key: "received", label: t("metrics.received") },
    { key: "compliedInWhole", label: t("metrics.compliedInWhole") },
    { key: "compliedInPart", label: t("metrics.compliedInPart") },
    { key: "denied", label: t("metrics.denied") },
    { key: "withdrawn", label: t("metrics.withdrawn") },
    { key: "expiredUnverified", label: t("metrics.expiredUnverified") },
    { key: "pending", label: t("metrics.pending") },
    { key: "medianDays", label: t("metrics.medianDays"), kind: "days" },
    { key: "meanDays", label: t("metrics.meanDays"), kind: "days" },
    { key: "onTimeShare", label: t("metrics.onTimeShare"), kind: "share" },
  ];
  // The denied requests by the grounds of §7102(a)(2): a table of its own, so neither is too wide to read.
  const denialColumns: Column[] = [
    { key: "denied", label: t("metrics.denied") },
    { key: "deniedUnverifiable", label: t("metrics.deniedUnverifiable") },
    { key: "expiredUnverified", label: t("metrics.ofWhichNeverConfirmed") },
    { key: "deniedExempt", label: t("metrics.deniedExempt") },
    { key: "deniedOther", label: t("metrics.deniedOther") },
  ];
  const rights = rows.filter((row) => row.right !== "all");
  const total = rows.find((row) => row.right === "all");
  const table = (caption: string, shown: Column[]) => (
    <div className="table-scroll">
      <table className="staff-table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("metrics.rightColumn")}</th>
            {shown.map((column) => (
              <th key={column.key} scope="col" className="numeric">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rights.map((row) => (
            <MetricsRow key={row.right} row={row} columns={shown} format={format} />
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <MetricsRow row={total} columns={shown} format={format} />
          </tfoot>
        ) : null}
      </table>
    </div>
  );
  return (
    <>
      {table(t("metrics.rightsCaption", { period: periodLabel }), columns)}
      {table(t("metrics.denialsCaption", { period: periodLabel }), denialColumns)}
      <BarChart
        id="rights-chart"
        title={t("metrics.rightsChartTitle", { period: periodLabel })}
        summary={rights
          .map((row) =>
            t("metrics.rightsChartSummary", {
              right: format.right(row.right),
              received: row.received,
              complied: row.compliedInWhole + row.compliedInPart,
              denied: row.denied,
            }),
          )
          .join(" ")}
        series={[
          { label: t("metrics.seriesReceived"), colour: "var(--link)" },
          { label: t("metrics.seriesComplied"), colour: "var(--success)", pattern: "hatched" },
          { label: t("metrics.seriesDenied"), colour: "var(--error)", pattern: "dotted" },
        ]}
        groups={rights.map((row) => ({
          label: format.right(row.right),
          values: [row.received, row.compliedInWhole + row.compliedInPart, row.denied],
        }))}
        format={format.count}
        missing={t("notAvailable")}
      />
    </>
  );
}

function MetricsRow({ row, columns, format }: { row: RightMetrics; columns: Column[]; format: ReportFormat }) {
  return (
    <tr>
      <th scope="row">{format.right(row.right)}</th>
      {columns.map((column) => {
        const value = row[column.key] as number | null;
        return (
          <td key={column.key} className="numeric">
            {column.kind === "days" ? format.days(value) : column.kind === "share" ? format.share(value) : format.count(value)}
          </td>
        );
      })}
    </tr>
  );
}
