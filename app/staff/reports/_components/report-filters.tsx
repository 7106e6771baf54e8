// The report's period and jurisdiction: a plain GET form, so the view lives in the URL and works
// without JavaScript. Problems with the URL's values are listed above it, each naming its field.
import Link from "next/link";
import { JURISDICTIONS } from "@/lib/deadlines/rules.ts";
import type { FieldIssue } from "@/lib/errors.ts";
import { lastTwelveMonths, type ReportPeriod } from "@/lib/reports/report-query.ts";
import { jurisdictionName } from "./report-format.ts";

const fieldLabels: Record<string, string> = { from: "From", to: "To", jurisdiction: "Jurisdiction" };
const dateFields = [
  { name: "from", label: "From (received on or after)" },
  { name: "to", label: "To (received on or before)" },
] as const;

/** The last twelve months (where the page opens), this year to date, then the calendar years before it. */
function presets(today: string) {
  const year = Number(today.slice(0, 4));
  return [
    { label: "Last 12 months", ...lastTwelveMonths(today) },
    { label: `${year} to date`, from: `${year}-01-01`, to: today },
    ...[1, 2, 3, 4].map((back) => ({ label: String(year - back), from: `${year - back}-01-01`, to: `${year - back}-12-31` })),
  ];
}

export function ReportFilters({ period, today, problems }: { period: ReportPeriod; today: string; problems: FieldIssue[] }) {
  const invalid = new Set(problems.map((problem) => problem.path));
  const jurisdiction = period.jurisdiction ?? "all";
  return (
    <>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="report-problems-title">
          <h2 id="report-problems-title" className="error-summary__title">
            The report below uses the default period: the address asked for something it cannot show
          </h2>
          <ul>
            {problems.map((problem) => (
              <li key={problem.path}>
                {fieldLabels[problem.path] ? <a href={`#report-${problem.path}`}>{fieldLabels[problem.path]}</a> : problem.path}{" "}
                {problem.message}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/staff/reports" className="report-filters" aria-label="Report period and jurisdiction">
        {dateFields.map((field) => (
          <div key={field.name} className="field">
            <label className="label" htmlFor={`report-${field.name}`}>
              {field.label}
            </label>
            <input
              className="input"
              type="date"
              id={`report-${field.name}`}
              name={field.name}
              defaultValue={period[field.name]}
              aria-invalid={invalid.has(field.name) || undefined}
              required
            />
          </div>
        ))}
        <div className="field">
          <label className="label" htmlFor="report-jurisdiction">
            Jurisdiction
          </label>
          <select className="select" id="report-jurisdiction" name="jurisdiction" defaultValue={jurisdiction}>
            <option value="all">All jurisdictions</option>
            {JURISDICTIONS.map((code) => (
              <option key={code} value={code}>
                {code}: {jurisdictionName(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field report-filters__submit">
          <button type="submit" className="button">
            Show report
          </button>
        </div>
      </form>
      <nav aria-label="Common periods" className="report-presets">
        <ul>
          {presets(today).map((preset) => (
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
