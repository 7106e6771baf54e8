// The share of requests answered on time per jurisdiction: a table and a bar chart of the shares.
import { getTranslations } from "next-intl/server";
import type { JurisdictionMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { BarChart } from "./bar-chart.tsx";
import type { ReportFormat } from "./report-format.ts";

type Props = { rows: JurisdictionMetrics[]; periodLabel: string; format: ReportFormat };

export async function JurisdictionMetricsView({ rows, periodLabel, format }: Props) {
  const t = await getTranslations("staffReports");
  if (rows.length === 0) return <p>{t("noRequests")}</p>;
  const chart = format.onTimeChart(rows);
  const counts = ["received", "responded", "onTime", "late"] as const;
  return (
    <>
      <div className="table-scroll">
        <table className="staff-table report-table">
          <caption>{t("metrics.jurisdictionsCaption", { period: periodLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("metrics.jurisdictionColumn")}</th>
              <th scope="col" className="numeric">
                {t("metrics.received")}
              </th>
              <th scope="col" className="numeric">
                {t("metrics.answered")}
              </th>
              <th scope="col" className="numeric">
                {t("metrics.onTime")}
              </th>
              <th scope="col" className="numeric">
                {t("metrics.late")}
              </th>
              <th scope="col" className="numeric">
                {t("metrics.shareOnTime")}
              </th>
              <th scope="col" className="numeric">
                {t("metrics.pending")}
              </th>
              <th scope="col" className="numeric">
                {t("metrics.pendingOverdue")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.jurisdiction}>
                <th scope="row">
                  {row.jurisdiction === "all"
                    ? t("allJurisdictions")
                    : t("jurisdictionOption", { code: row.jurisdiction, name: format.jurisdiction(row.jurisdiction) })}
                </th>
                {counts.map((key) => (
                  <td key={key} className="numeric">
                    {format.count(row[key])}
                  </td>
                ))}
                <td className="numeric">{format.share(row.onTimeShare)}</td>
                <td className="numeric">{format.count(row.pending)}</td>
                <td className="numeric">{format.count(row.pendingOverdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart
        id="on-time-chart"
        title={t("metrics.onTimeChartTitle", { period: periodLabel })}
        summary={chart.summary}
        series={[{ label: t("metrics.seriesOnTime"), colour: "var(--success)" }]}
        groups={chart.groups}
        max={1}
        format={format.share}
        missing={t("notAvailable")}
      />
    </>
  );
}
