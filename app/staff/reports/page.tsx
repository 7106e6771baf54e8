// The request register and the yearly metrics (CCPA regs §7101 and §7102) for a period and a
// jurisdiction, with the downloads the API serves and the definitions behind every number.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { type FieldIssue, isAppError } from "@/lib/errors.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { computeRequestMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { readRegisterPage } from "@/lib/reports/read-register-page.ts";
import { registerColumns } from "@/lib/reports/register-columns.ts";
import { reportDefinitions } from "@/lib/reports/report-definitions.ts";
import { controllerToday, lastTwelveMonths, parseReportQuery, periodFields, type ReportPeriod } from "@/lib/reports/report-query.ts";
import { JurisdictionMetricsView } from "./_components/jurisdiction-metrics.tsx";
import { RegisterPreview } from "./_components/register-preview.tsx";
import { ReportFilters } from "./_components/report-filters.tsx";
import { reportFormat } from "./_components/report-format.ts";
import { RightsMetrics } from "./_components/rights-metrics.tsx";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffReports");
  return { title: t("title") };
}

type ReportsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PREVIEW_ROWS = 25;

const terms = Object.keys(reportDefinitions) as Array<keyof typeof reportDefinitions>;

function readPeriod(
  query: Record<string, string | string[] | undefined>,
  today: string,
  locale: Locale,
): { period: ReportPeriod; problems: FieldIssue[] } {
  try {
    // The page opens on the last twelve months (the API's default is the previous calendar year).
    return { period: parseReportQuery(query, periodFields, today, lastTwelveMonths, locale), problems: [] };
  } catch (error) {
    if (!isAppError(error) || !error.issues) throw error;
    return { period: parseReportQuery({}, periodFields, today, lastTwelveMonths), problems: error.issues };
  }
}

export default async function ReportsPage({ searchParams }: ReportsPageProps) {
  await requireStaffPage("reports.read");
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("staffReports");
  const format = reportFormat(locale);
  const today = controllerToday();
  const { period, problems } = readPeriod(await searchParams, today, locale);
  const [metrics, preview] = await Promise.all([computeRequestMetrics(period, today), readRegisterPage(period, { limit: PREVIEW_ROWS })]);
  const days = { from: format.day(period.from), to: format.day(period.to) };
  const periodLabel = period.jurisdiction ? t("periodIn", { ...days, jurisdiction: period.jurisdiction }) : t("period", days);
  const query = { from: period.from, to: period.to, jurisdiction: period.jurisdiction ?? "all" };
  const download = (path: string, extra: Record<string, string>) =>
    `/api/v1/reports/${path}?${new URLSearchParams({ ...query, ...extra })}`;

  return (
    <div className="staff-page report-page">
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>{t.rich("processingLink", { link: (chunks) => <a href="/staff/reports/processing">{chunks}</a> })}</p>
      <ReportFilters period={period} today={today} problems={problems} format={format} />

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t("downloads.title")}</h2>
        <ul className="report-downloads">
          <li>
            {t.rich("downloads.register", {
              csv: (chunks) => <a href={download("register", { format: "csv" })}>{chunks}</a>,
              json: (chunks) => <a href={download("register", { format: "json" })}>{chunks}</a>,
            })}
          </li>
          <li>
            {t.rich("downloads.metrics", {
              rights: (chunks) => <a href={download("metrics", { format: "csv", table: "rights" })}>{chunks}</a>,
              jurisdictions: (chunks) => <a href={download("metrics", { format: "csv", table: "jurisdictions" })}>{chunks}</a>,
              json: (chunks) => <a href={download("metrics", { format: "json" })}>{chunks}</a>,
            })}
          </li>
        </ul>
        <p className="hint">{t("downloads.hint")}</p>
        <p className="hint">{t("downloads.columnsHint")}</p>
      </section>

      <section aria-labelledby="rights-title">
        <h2 id="rights-title">{t("rightsTitle")}</h2>
        <RightsMetrics rows={metrics.byRight} periodLabel={periodLabel} format={format} />
      </section>

      <section aria-labelledby="jurisdictions-title">
        <h2 id="jurisdictions-title">{t("jurisdictionsTitle")}</h2>
        <JurisdictionMetricsView rows={metrics.byJurisdiction} periodLabel={periodLabel} format={format} />
      </section>

      <section aria-labelledby="register-title">
        <h2 id="register-title">{t("registerTitle")}</h2>
        <RegisterPreview rows={preview.rows} periodLabel={periodLabel} format={format} />
        {preview.next ? <p className="hint">{t("registerMore")}</p> : null}
      </section>

      <section aria-labelledby="definitions-title">
        <h2 id="definitions-title">{t("definitionsTitle")}</h2>
        <dl className="report-definitions">
          {terms.map((term) => (
            <div key={term}>
              <dt>{t(`term.${term}`)}</dt>
              <dd>{t(`definition.${term}`)}</dd>
            </div>
          ))}
        </dl>
        <h3>{t("columnsTitle")}</h3>
        <dl className="report-definitions">
          {registerColumns.map((column) => (
            <div key={column.key}>
              <dt>
                <code>{column.key}</code>
              </dt>
              <dd>{t(`column.${column.key}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
