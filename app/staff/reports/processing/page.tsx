// The record of processing activities (GDPR Art. 30(1)) for auditors and admins: built from the data
// map now or at a version, in English or French, with what changed since a date and the downloads
// the API serves. Everything on it is in words: codes never reach the page.
import type { Metadata } from "next";
import { connection } from "next/server";
import { recordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { getProcessingRecord } from "@/lib/data-map/get-processing-record.ts";
import { processingRecordQuerySchema } from "@/lib/data-map/processing-record-query.ts";
import { env } from "@/lib/env.ts";
import { type FieldIssue, isAppError } from "@/lib/errors.ts";
import { formatDate } from "@/lib/i18n/messages.ts";
import { RecordActivities } from "./_components/record-activities.tsx";
import { RecordChanges } from "./_components/record-changes.tsx";
import { RecordController } from "./_components/record-controller.tsx";
import { RecordPicker } from "./_components/record-picker.tsx";
import { RecordSources } from "./_components/record-sources.tsx";
import "./processing.css";

export const metadata: Metadata = { title: "Record of processing" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const viewFields = ["lang", "version", "since"] as const;

/** Each parameter on its own: a wrong one is named and left out, the rest of the view still applies. */
function readView(query: Record<string, string | string[] | undefined>) {
  const problems: FieldIssue[] = [];
  const view: { lang: "en" | "fr"; version?: number; since?: string } = { lang: "en" };
  for (const name of viewFields) {
    const raw = [query[name]].flat()[0];
    const parsed = processingRecordQuerySchema.shape[name].safeParse(raw === "" ? undefined : raw);
    if (parsed.success) Object.assign(view, parsed.data === undefined ? {} : { [name]: parsed.data });
    else problems.push({ path: name, message: parsed.error.issues[0]?.message ?? "Not valid." });
  }
  return { view, problems };
}

export default async function ProcessingRecordPage({ searchParams }: PageProps) {
  await requireStaffPage("reports.read");
  await connection();
  const { view, problems } = readView(await searchParams);
  const answer = await getProcessingRecord(view).catch((error: unknown) => {
    if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
    problems.push({ path: "version", message: error.message });
    view.version = undefined;
    return getProcessingRecord(view);
  });
  const texts = recordTexts[view.lang];
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const when = (iso: string) =>
    `${new Intl.DateTimeFormat(view.lang, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(iso))} (${timeZone})`;
  const day = (date: string) => formatDate(view.lang, date);
  const whenShort = (iso: string) =>
    new Intl.DateTimeFormat(view.lang, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
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
                <code>{problem.path}</code>: {problem.message}
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
