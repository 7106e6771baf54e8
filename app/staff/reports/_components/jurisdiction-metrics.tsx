// The share of requests answered on time per jurisdiction: a table and a bar chart of the shares.
import type { JurisdictionMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { BarChart } from "./bar-chart.tsx";
import { formatShare, jurisdictionName } from "./report-format.ts";

export function JurisdictionMetricsView({ rows, periodLabel }: { rows: JurisdictionMetrics[]; periodLabel: string }) {
  if (rows.length === 0) return <p>No request was received in this period.</p>;
  const named = rows.filter((row) => row.jurisdiction !== "all");
  return (
    <>
      <div className="table-scroll">
        <table className="staff-table report-table">
          <caption>Requests answered on time per jurisdiction, {periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Jurisdiction</th>
              <th scope="col" className="numeric">
                Received
              </th>
              <th scope="col" className="numeric">
                Answered
              </th>
              <th scope="col" className="numeric">
                On time
              </th>
              <th scope="col" className="numeric">
                Late
              </th>
              <th scope="col" className="numeric">
                Share on time
              </th>
              <th scope="col" className="numeric">
                Still open
              </th>
              <th scope="col" className="numeric">
                Open and overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.jurisdiction}>
                <th scope="row">
                  {row.jurisdiction === "all" ? "All jurisdictions" : `${row.jurisdiction}: ${jurisdictionName(row.jurisdiction)}`}
                </th>
                <td className="numeric">{row.received.toLocaleString("en")}</td>
                <td className="numeric">{row.responded.toLocaleString("en")}</td>
                <td className="numeric">{row.onTime.toLocaleString("en")}</td>
                <td className="numeric">{row.late.toLocaleString("en")}</td>
                <td className="numeric">{formatShare(row.onTimeShare)}</td>
                <td className="numeric">{row.pending.toLocaleString("en")}</td>
                <td className="numeric">{row.pendingOverdue.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart
        id="on-time-chart"
        title={`Share of answers given on time per jurisdiction, ${periodLabel}`}
        summary={named.map((row) => `${row.jurisdiction}: ${formatShare(row.onTimeShare)} of ${row.responded} answers on time.`).join(" ")}
        series={[{ label: "Share answered on time", colour: "#1e6b34" }]}
        groups={named.map((row) => ({ label: row.jurisdiction, values: [row.onTimeShare] }))}
        max={1}
        format={(value) => formatShare(value)}
      />
    </>
  );
}
