// The record of processing activities (GDPR Art. 30(1)) for auditors and admins: built from the data
// map now or at a version, in English or French (the member's language unless the address asks for
// the other), with what changed since a date and the downloads the API serves. Everything on it is
// in words, in the record's language: codes never reach the page.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { recordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { getProcessingRecord } from "@/lib/data-map/get-processing-record.ts";
import { processingRecordQuerySchema } from "@/lib/data-map/processing-record-query.ts";
import { env } from "@/lib/env.ts";
import { type FieldIssue, isAppError } from "@/lib/errors.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { formatDate } from "@/lib/i18n/format-date.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { translateKey, translator } from "@/lib/i18n/translator.ts";
import { RecordActivities } from "./_components/record-activities.tsx";
import { RecordChanges } from "./_components/record-changes.tsx";
import { RecordController } from "./_components/record-controller.tsx";
import { RecordPicker } from "./_components/record-picker.tsx";
import { RecordSources } from "./_components/record-sources.tsx";
import "./processing.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffReports.record");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const viewFields = ["lang", "version", "since"] as const;

type Problem = FieldIssue & { path: (typeof viewFields)[number]; values?: Record<string, string | number> };

/**
 * Each parameter on its own: a wrong one is named and left out, the rest of the view still applies.
 * Without `lang` the record is in the member's language. A problem is kept as the catalogue key of
 * its words, written once the record's language is known.
 */
function readView(query: Record<string, string | string[] | undefined>, memberLocale: Locale) {
  const problems: Problem[] = [];
  const view: { lang: "en" | "fr"; version?: number; since?: string } = { lang: memberLocale };
  for (const name of viewFields) {
    const raw = [query[name]].flat()[0];
    // Not given: the default above (the API's own default language is English, not the member's).
    if (raw === undefined || raw === "") continue;
    const parsed = processingRecordQuerySchema.shape[name].safeParse(raw);
    if (!parsed.success) problems.push({ path: name, message: `staffReports.record.problem.${name}` });
    else Object.assign(view, { [name]: parsed.data });
  }
  return { view, problems };
}

export default async function ProcessingRecordPage({ searchParams }: PageProps) {
  await requireStaffPage("reports.read");
  await connection();
  const { view, problems } = readView(await searchParams, await getLocale());
  const answer = await getProcessingRecord(view).catch((error: unknown) => {
    if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
    problems.push({ path: "version", message: error.text?.key ?? error.message, values: error.text?.values });
    view.version = undefined;
    return getProcessingRecord(view);
  });
  const texts = recordTexts[view.lang];
  const problemText = (problem: Problem) => translateKey(view.lang, problem.message, problem.values) ?? problem.message;
  const fieldName = { lang: texts.language, version: texts.versionField, since: texts.sinceField };
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const dateTime = staffDateTime(view.lang, timeZone);
  const when = (iso: string) => `${dateTime.format(new Date(iso))} (${timeZone})`;
  const day = (date: string) => formatDate(view.lang, date);
  const whenShort = (iso: string) => dateTime.format(new Date(iso));
  const download = (format: "json" | "csv") =>
    `/api/v1/reports/processing?${new URLSearchParams({
      format,
      lang: view.lang,
      ...(view.version ? { version: String(view.version) } : {}),
      ...(view.since ? { since: view.since } : {}),
    })}`;
  const shown = answer.version;

  return (
    <div className="staff-page report-page record-page" lang={view.lang}>
      <h1>{texts.title}</h1>
      <p className="lead">{texts.lead}</p>
      {problems.length ? (
        <div className="error-summary" role="alert" aria-labelledby="record-problems-title">
          <h2 id="record-problems-title" className="error-summary__title">
            {texts.problemsTitle}
          </h2>
          <ul>
            {problems.map((problem) => (
              <li key={problem.path}>
                {translator(view.lang)("staffReports.record.problemLine", {
                  field: fieldName[problem.path],
                  problem: problemText(problem),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RecordPicker texts={texts} lang={view.lang} version={view.version} since={view.since} versions={answer.versions} when={whenShort} />
      <p className="record-shown" role="status">
        {!answer.current && shown
          ? texts.shownVersion(shown.number, when(shown.createdAt))
          : shown
            ? texts.shownCurrent(shown.number, when(shown.createdAt))
            : texts.shownUnversioned}
      </p>

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{texts.downloads}</h2>
        <ul className="report-downloads">
          <li>
            <a href={download("csv")}>{texts.downloadCsv}</a>
          </li>
          <li>
            <a href={download("json")}>{texts.downloadJson}</a>
          </li>
        </ul>
        <p className="hint">{texts.downloadsHint}</p>
      </section>

      {answer.since ? <RecordChanges texts={texts} since={answer.since} day={day} when={when} /> : null}
      <RecordController record={answer.record} texts={texts} />
      <RecordActivities record={answer.record} texts={texts} />
      <RecordSources record={answer.record} texts={texts} />
    </div>
  );
}
