// The period and jurisdiction a report covers, read from a URL's query (the API and the page
// share it). Each parameter is checked on its own so the 400 names the one that is wrong. The
// problems are catalogue messages (staffReports.problem.*): in English for the API, in the
// member's language for the staff page.
import { z } from "zod";
import { addMonths, formatLocalDate, localDateOf, parseLocalDate } from "../deadlines/calendar.ts";
import { JURISDICTIONS, type JurisdictionCode } from "../deadlines/rules.ts";
import { env } from "../env.ts";
import { AppError, type FieldIssue } from "../errors.ts";
import type { Locale } from "../i18n/catalogue.ts";
import { translateKey } from "../i18n/translator.ts";

/** A register spanning more than this is refused: split it into several downloads. */
export const MAX_PERIOD_YEARS = 5;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "staffReports.problem.dateFormat")
  .refine((value) => formatLocalDate(parseLocalDate(value)) === value, "staffReports.problem.notADate");

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const single = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** The period and jurisdiction: all a report page needs. */
export const periodFields = {
  from: single(isoDate.optional()),
  to: single(isoDate.optional()),
  jurisdiction: single(
    z
      .string()
      .transform((value) => value.trim().toUpperCase())
      .pipe(z.enum(["ALL", ...JURISDICTIONS], { message: "staffReports.problem.jurisdiction" }))
      .default("ALL"),
  ),
};

const format = single(z.enum(["json", "csv"], { message: "staffReports.problem.format" }).default("json"));

export const registerQueryFields = { ...periodFields, format };
export const metricsQueryFields = {
  ...periodFields,
  format,
  /** Which table a CSV holds: one row per right, or one row per jurisdiction. */
  table: single(z.enum(["rights", "jurisdictions"], { message: "staffReports.problem.table" }).default("rights")),
};

type Fields = Record<string, z.ZodType> & typeof periodFields;
type Parsed<F extends Fields> = { [K in keyof F]: z.output<F[K]> };

export type ReportPeriod = { from: string; to: string; jurisdiction: JurisdictionCode | null };
export type ReportQuery<F extends Fields> = Omit<Parsed<F>, "from" | "to" | "jurisdiction"> & ReportPeriod;
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The twelve months up to and including today: 2026-03-15 gives 2025-03-16 to 2026-03-15. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  return { from: formatLocalDate(addMonths(parseLocalDate(today), -12).date + 1), to: today };
}

/** A problem with one parameter: a message of staffReports.problem, written in a language at the end. */
type Problem = { path: string; key: string; values?: Record<string, string | number> };

/**
 * The report a query asks for. Without dates it is `defaultPeriod`: for the API the previous calendar
 * year (what CCPA §7102 asks to publish); the staff page passes the last twelve months, so it never
 * opens on a year with nothing in it yet. `from` alone runs to the end of its year, `to` alone from
 * the start of its year. The issues of a refusal are in `locale`; its message is in English (logs, API).
 */
export function parseReportQuery<F extends Fields>(
  query: QueryInput,
  fields: F,
  today = controllerToday(),
  defaultPeriod: (today: string) => { from: string; to: string } = previousCalendarYear,
  locale: Locale = "en",
): ReportQuery<F> {
  const problems: Problem[] = [];
  const values = queryValues(query, problems);
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(fields, name))
      problems.push({ path: name, key: "unknownParameter", values: { names: Object.keys(fields).join(", ") } });
  }
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(values[name]);
    if (parsed.success) out[name] = parsed.data;
    else problems.push({ path: name, key: (parsed.error.issues[0]?.message ?? "invalid").replace("staffReports.problem.", "") });
  }
  if (problems.length === 0) {
    const period = periodOf(out.from as string | undefined, out.to as string | undefined, today, defaultPeriod);
    problems.push(...periodProblems(period));
    Object.assign(out, period, { jurisdiction: out.jurisdiction === "ALL" ? null : out.jurisdiction });
  }
  if (problems.length > 0) {
    const issues = problems.map((problem) => issueIn(locale, problem));
    const first = locale === "en" ? issues[0] : issueIn("en", problems[0]);
    throw new AppError("VALIDATION_FAILED", `Invalid ${problems.map((p) => p.path).join(", ")}: ${first.message}.`, { issues });
  }
  return out as ReportQuery<F>;
}

function issueIn(locale: Locale, { path, key, values }: Problem): FieldIssue {
  const fullKey = `staffReports.problem.${key}`;
  return { path, message: translateKey(locale, fullKey, values) ?? translateKey(locale, "staffReports.problem.invalid") ?? key };
}

function queryValues(query: QueryInput, problems: Problem[]): Record<string, string | undefined> {
  const entries =
    query instanceof URLSearchParams ? [...query.keys()].map((key) => [key, query.getAll(key)] as const) : Object.entries(query);
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of entries) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length > 1) problems.push({ path: key, key: "repeated" });
    values[key] = list[0];
  }
  return values;
}

function periodOf(
  from: string | undefined,
  to: string | undefined,
  today: string,
  defaultPeriod: (today: string) => { from: string; to: string },
) {
  if (from && to) return { from, to };
  if (from) return { from, to: `${from.slice(0, 4)}-12-31` };
  if (to) return { from: `${to.slice(0, 4)}-01-01`, to };
  return defaultPeriod(today);
}

function previousCalendarYear(today: string): { from: string; to: string } {
  const lastYear = Number(today.slice(0, 4)) - 1;
  return { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
}

function periodProblems({ from, to }: { from: string; to: string }): Problem[] {
  if (to < from) return [{ path: "to", key: "toBeforeFrom", values: { from } }];
  // 2021-01-01 to 2025-12-31 is five years; 2026-01-01 would start a sixth.
  const lastDay = formatLocalDate(addMonths(parseLocalDate(from), 12 * MAX_PERIOD_YEARS).date - 1);
  if (to > lastDay) return [{ path: "to", key: "tooLong", values: { years: MAX_PERIOD_YEARS, lastDay } }];
  return [];
}

/** Today's date on the controller's calendar, the one request deadlines are counted in. */
export function controllerToday(): string {
  return formatLocalDate(localDateOf(Date.now(), env().CONTROLLER_TIME_ZONE));
}
