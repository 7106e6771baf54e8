// The version and the "changes since" date: a plain GET form, so the view lives in the URL and works
// without JavaScript; the language is a pair of links keeping the rest of the view.
import Link from "next/link";
import type { RecordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { DataMapLocale } from "@/lib/data-map/data-map.schema.ts";
import type { VersionSummary } from "@/lib/data-map/get-processing-record.ts";

type Props = {
  texts: RecordTexts;
  lang: DataMapLocale;
  version?: number;
  since?: string;
  versions: VersionSummary[];
  when: (iso: string) => string;
};

export function RecordPicker({ texts, lang, version, since, versions, when }: Props) {
  const linkFor = (locale: DataMapLocale) =>
    `/staff/reports/processing?${new URLSearchParams({ lang: locale, ...(version ? { version: String(version) } : {}), ...(since ? { since } : {}) })}`;
  return (
    <>
      <nav aria-label={texts.language} className="record-languages">
        <ul>
          {(["en", "fr"] as const).map((locale) => (
            <li key={locale}>
              {locale === lang ? (
                <span aria-current="page" lang={locale}>
                  {texts.languages[locale]}
                </span>
              ) : (
                <Link href={linkFor(locale)} lang={locale} hrefLang={locale}>
                  {texts.languages[locale]}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/staff/reports/processing" className="report-filters" aria-label={texts.pickerLabel}>
        <input type="hidden" name="lang" value={lang} />
        <div className="field">
          <label className="label" htmlFor="record-version">
            {texts.versionField}
          </label>
          <select className="select" id="record-version" name="version" defaultValue={version ? String(version) : ""}>
            <option value="">{texts.currentOption}</option>
            {versions.map((item) => (
              <option key={item.number} value={item.number}>
                {texts.versionOption(item.number, when(item.createdAt))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="record-since">
            {texts.sinceField}
          </label>
          <p className="hint" id="record-since-hint">
            {texts.sinceHint}
          </p>
          <input
            className="input"
            type="date"
            id="record-since"
            name="since"
            defaultValue={since ?? ""}
            aria-describedby="record-since-hint"
          />
        </div>
        <div className="field report-filters__submit">
          <button type="submit" className="button">
            {texts.show}
          </button>
        </div>
      </form>
    </>
  );
}
