// The report's period and jurisdiction: a plain GET form, so the view lives in the URL and works
// without JavaScript. Problems with the URL's values are listed above it, each naming its field.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JURISDICTIONS } from "@/lib/deadlines/rules.ts";
import type { FieldIssue } from "@/lib/errors.ts";
import { lastTwelveMonths, type ReportPeriod } from "@/lib/reports/report-query.ts";
import type { ReportFormat } from "./report-format.ts";

const fields = ["from", "to", "jurisdiction"] as const;
const isField = (path: string): path is (typeof fields)[number] => (fields as readonly string[]).includes(path);

type Props = { period: ReportPeriod; today: string; problems: FieldIssue[]; format: ReportFormat };

export async function ReportFilters({ period, today, problems, format }: Props) {
  const t = await getTranslations("staffReports");
  const invalid = new Set(problems.map((problem) => problem.path));
  const jurisdiction = period.jurisdiction ?? "all";
  const year = Number(today.slice(0, 4));
  // The last twelve months (where the page opens), this year to date, then the calendar years before it.
  const presets = [
    { label: t("filters.lastTwelveMonths"), ...lastTwelveMonths(today) },
    { label: t("filters.yearToDate", { year: String(year) }), from: `${year}-01-01`, to: today },
    ...[1, 2, 3, 4].map((back) => ({ label: String(year - back), from: `${year - back}-01-01`, to: `${year - back}-12-31` })),
  ];
  return (
    <>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="report-problems-title">
          <h2 id="report-problems-title" className="error-summary__title">
            {t("filters.problemsTitle")}
          </h2>
          <ul>
            {problems.map(({ path, message }) => (
              <li key={path}>
                {t.rich("filters.problem", {
                  name: isField(path) ? t(`filters.field.${path}`) : path,
                  problem: message,
                  field: (chunks) => (isField(path) ? <a href={`#report-${path}`}>{chunks}</a> : <code>{chunks}</code>),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/staff/reports" className="report-filters" aria-label={t("filters.label")}>
        {(["from", "to"] as const).map((name) => (
          <div key={name} className="field">
            <label className="label" htmlFor={`report-${name}`}>
              {t(`filters.${name}`)}
            </label>
            <input
              className="input"
              type="date"
              id={`report-${name}`}
              name={name}
              defaultValue={period[name]}
              aria-invalid={invalid.has(name) || undefined}
              required
            />
          </div>
        ))}
        <div className="field">
          <label className="label" htmlFor="report-jurisdiction">
            {t("filters.jurisdiction")}
          </label>
          <select className="select" id="report-jurisdiction" name="jurisdiction" defaultValue={jurisdiction}>
            <option value="all">{t("allJurisdictions")}</option>
            {JURISDICTIONS.map((code) => (
              <option key={code} value={code}>
                {t("jurisdictionOption", { code, name: format.jurisdiction(code) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field report-filters__submit">
          <button type="submit" className="button">
            {t("filters.show")}
          </button>
        </div>
      </form>
      <nav aria-label={t("filters.presets")} className="report-presets">
        <ul>
          {presets.map((preset) => (
            <li key={preset.label}>
              <Link
                href={`/staff/reports?${new URLSearchParams({ from: preset.from, to: preset.to, jurisdiction })}`}
                aria-current={preset.from === period.from && preset.to === period.to ? "true" : undefined}
              >
                {preset.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
