// How the report tables and charts write numbers, days, rights and jurisdictions in the member's
// language. Law names come from the shared staff labels where they have one, else the act's name
// in lib/deadlines/rules.ts.
import { jurisdictionRules } from "@/lib/deadlines/rules.ts";
import type { RequestType } from "@/lib/deadlines/types.ts";
import { type Catalogue, catalogues, type Locale } from "@/lib/i18n/catalogue.ts";
import { staffDate } from "@/lib/i18n/staff-dates.ts";
import { translator } from "@/lib/i18n/translator.ts";

type LawCode = keyof Catalogue["staffLabels"]["law"];
const lawCodes = Object.keys(catalogues.en.staffLabels.law);
const isLawCode = (code: string): code is LawCode => lawCodes.includes(code);

export type ReportFormat = ReturnType<typeof reportFormat>;

export function reportFormat(locale: Locale) {
  const t = translator(locale);
  const count = new Intl.NumberFormat(locale);
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  // Calendar days (YYYY-MM-DD) are formatted in UTC, so the day written is the day given.
  const day = staffDate(locale, "UTC");
  const lawName = (code: string) =>
    isLawCode(code)
      ? t(`staffLabels.law.${code}`)
      : Object.hasOwn(jurisdictionRules, code)
        ? jurisdictionRules[code as keyof typeof jurisdictionRules].name
        : code;
  return {
    count: (value: number | null) => count.format(value ?? 0),
    days: (value: number | null) => (value === null ? "–" : days.format(value)),
    share: (value: number | null) => (value === null ? "–" : share.format(value)),
    day: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
    jurisdiction: lawName,
    /** The on-time chart of the laws: each bar and its sentence name the law, not its code. */
    onTimeChart: (rows: Array<{ jurisdiction: string; onTimeShare: number | null; responded: number }>) => {
      const named = rows.filter((row) => row.jurisdiction !== "all");
      const percent = (value: number | null) => (value === null ? "–" : share.format(value));
      return {
        summary: named
          .map((row) =>
            t("staffReports.metrics.onTimeChartSummary", {
              jurisdiction: lawName(row.jurisdiction),
              share: percent(row.onTimeShare),
              answered: row.responded,
            }),
          )
          .join(" "),
        groups: named.map((row) => ({ label: lawName(row.jurisdiction), values: [row.onTimeShare] })),
      };
    },
    /** A right as a row heading: "Access", "Accès"; "all" is every right together. */
    right: (right: RequestType | "all") => {
      const label = right === "all" ? t("staffReports.allRights") : t(`staffLabels.right.${right.toUpperCase() as Uppercase<RequestType>}`);
      return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
    },
  };
}
