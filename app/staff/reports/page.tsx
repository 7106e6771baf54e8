// The request register and the yearly metrics (CCPA regs §7101 and §7102) for a period and a
// jurisdiction, with the downloads the API serves and the definitions behind every number.
import type { Metadata } from "next";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { type FieldIssue, isAppError } from "@/lib/errors.ts";
import { computeRequestMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { readRegisterPage } from "@/lib/reports/read-register-page.ts";
import { registerColumns } from "@/lib/reports/register-columns.ts";
import { reportDefinitions } from "@/lib/reports/report-definitions.ts";
import { controllerToday, lastTwelveMonths, parseReportQuery, periodFields, type ReportPeriod } from "@/lib/reports/report-query.ts";
import { JurisdictionMetricsView } from "./_components/jurisdiction-metrics.tsx";
import { RegisterPreview } from "./_components/register-preview.tsx";
import { ReportFilters } from "./_components/report-filters.tsx";
import { RightsMetrics } from "./_components/rights-metrics.tsx";

export const metadata: Metadata = { title: "Reports" };

type ReportsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PREVIEW_ROWS = 25;

function readPeriod(query: Record<string, string | string[] | undefined>, today: string): { period: ReportPeriod; problems: FieldIssue[] } {
  try {
    // The page opens on the last twelve months (the API's default is the previous calendar year).
    return { period: parseReportQuery(query, periodFields, today, lastTwelveMonths), problems: [] };
  } catch (error) {
    if (!isAppError(error) || !error.issues) throw error;
    return { period: parseReportQuery({}, periodFields, today, lastTwelveMonths), problems: error.issues };
  }
}

export default async function ReportsPage({ searchParams }: ReportsPageProps) {
  await requireStaffPage("reports.read");
  await connection();
  const today = controllerToday();
  const { period, problems } = readPeriod(await searchParams, today);
  const [metrics, preview] = await Promise.all([computeRequestMetrics(period, today), readRegisterPage(period, { limit: PREVIEW_ROWS })]);
  const periodLabel = `received ${period.from} to ${period.to}${period.jurisdiction ? ` (${period.jurisdiction})` : ""}`;
  const query = { from: period.from, to: period.to, jurisdiction: period.jurisdiction ?? "all" };
  const download = (path: string, extra: Record<string, string>) =>
    `/api/v1/reports/${path}?${new URLSearchParams({ ...query, ...extra })}`;

  return (
    <div className="staff-page report-page">
      <h1>Request register and metrics</h1>
      <p className="lead">
        The record of every request and how it was answered (CCPA regulations §7101), and the yearly figures per right (§7102). Neither
        holds personal data: a request is known by its reference only.
      </p>
      <p>
        The record of processing activities (GDPR Art. 30), built from the data map, has its own page:{" "}
        <a href="/staff/reports/processing">Record of processing</a>.
      </p>
      <ReportFilters period={period} today={today} problems={problems} />

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">Downloads</h2>
        <ul className="report-downloads">
          <li>
            Register: <a href={download("register", { format: "csv" })}>CSV (spreadsheet)</a> or{" "}
            <a href={download("register", { format: "json" })}>JSON</a>, every request of the period
          </li>
          <li>
            Metrics per right: <a href={download("metrics", { format: "csv", table: "rights" })}>CSV</a>; per jurisdiction:{" "}
            <a href={download("metrics", { format: "csv", table: "jurisdictions" })}>CSV</a>; both with their definitions:{" "}
            <a href={download("metrics", { format: "json" })}>JSON</a>
          </li>
        </ul>
        <p className="hint">
          The same addresses answer integrations with an API key that has the reports.read permission (auditor or admin role).
        </p>
      </section>

      <section aria-labelledby="rights-title">
        <h2 id="rights-title">Metrics per right</h2>
        <RightsMetrics rows={metrics.byRight} periodLabel={periodLabel} />
      </section>

      <section aria-labelledby="jurisdictions-title">
        <h2 id="jurisdictions-title">Answered on time per jurisdiction</h2>
        <JurisdictionMetricsView rows={metrics.byJurisdiction} periodLabel={periodLabel} />
      </section>

      <section aria-labelledby="register-title">
        <h2 id="register-title">Register</h2>
        <RegisterPreview rows={preview.rows} periodLabel={periodLabel} />
        {preview.next ? <p className="hint">Download the register for every row of the period.</p> : null}
      </section>

      <section aria-labelledby="definitions-title">
        <h2 id="definitions-title">How the numbers are counted</h2>
        <dl className="report-definitions">
          {Object.entries(reportDefinitions).map(([term, text]) => (
            <div key={term}>
              <dt>{definitionTerms[term as keyof typeof reportDefinitions]}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
        <h3>Columns of the register</h3>
        <dl className="report-definitions">
          {registerColumns.map((column) => (
            <div key={column.key}>
              <dt>
                <code>{column.key}</code>
              </dt>
              <dd>{column.description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

const definitionTerms: Record<keyof typeof reportDefinitions, string> = {
  period: "Period",
  received: "Received",
  compliedInWhole: "Complied in whole",
  compliedInPart: "Complied in part",
  denied: "Denied",
  deniedUnverifiable: "Denied: not verifiable",
  deniedExempt: "Denied: exempt",
  deniedOther: "Denied: other grounds",
  withdrawn: "Withdrawn",
  expiredUnverified: "Never verified",
  pending: "Still open",
  daysToRespond: "Days to respond",
  onTime: "On time",
};
