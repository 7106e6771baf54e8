// index.html: the page a person opens first in their package. Self-contained (inline CSS, no script,
// no external resource) so it works offline from the unzipped folder, and every value is escaped:
// field names and descriptions come from connector configuration, which is not trusted markup.
// An access package is the answer itself (access-answer-html.ts): the data, what each field means and
// what the data map says of it. A portability package stays a guide to its machine-readable files.
import type { DataMap } from "../../data-map/data-map.schema.ts";
import { type AccessAnswer, categoryLabel, renderAnswerCategory, renderAnswerGeneral } from "./access-answer-html.ts";
import type { CategorySummary } from "./category-files.ts";
import { escapeHtml, fileLink } from "./html.ts";
import { type PackageLocale, type PackageRequestType, packageTexts } from "./package-texts.ts";

export { escapeHtml } from "./html.ts";

export type SourceSummary = {
  name: string;
  description?: string;
  categories: CategorySummary[];
  files?: Array<{ name: string; zipPath: string; bytes: number }>;
  /** This source's own category → field → meaning; the page-wide ones apply where it has none. */
  fieldDescriptions?: Record<string, Record<string, string>>;
  /** What the company says of this source's categories (access answers); null: nothing. */
  dataMap?: DataMap | null;
};

export type IndexPageInput = {
  locale: PackageLocale;
  companyName: string;
  reference: string;
  requestType: PackageRequestType;
  generatedAt: Date;
  timeZone: string;
  sources: SourceSummary[];
  fieldDescriptions?: Record<string, Record<string, string>>;
  /** The controller, where to complain, California: an access package's general part. */
  answer?: AccessAnswer;
};

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; } h3 { margin-top: 2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; } th, td { text-align: left; padding: .4rem .6rem; border: 1px solid #ccc; vertical-align: top; }
th { background: #f2f2f2; } td.count { text-align: right; white-space: nowrap; } code { font-size: .95em; }
.notice { background: #fff8e1; border-left: 4px solid #e0a800; padding: .75rem 1rem; }
a { color: #0b57d0; } @media print { a { color: inherit; } }
h4 { font-size: 1.2rem; margin: 2.5rem 0 0; } h5 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.category { border-top: 1px solid #ddd; } .technical { color: #555; font-size: .85rem; margin: .1rem 0 .5rem; }
.scroll { overflow-x: auto; max-width: 100%; } .scroll:focus { outline: 2px solid #0b57d0; }
table.data { width: auto; min-width: 100%; font-size: .9rem; } table.data th code.technical { font-weight: normal; font-size: .8em; color: #555; } table.data td { overflow-wrap: break-word; max-width: 24rem; } table.data td ul { margin: 0; padding-left: 1rem; }
.empty { color: #666; font-style: italic; }
dl.fields { grid-template-columns: minmax(6rem, max-content) 1fr; }
dd > ul { margin: 0; padding-left: 1.2rem; } dd > ul > li + li { margin-top: .3rem; } dd > p { margin: 0 0 .4rem; }
@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } main { padding: 1.25rem .9rem 3rem; } }`;

export function renderIndexHtml(input: IndexPageInput): string {
  const t = packageTexts[input.locale];
  const total = input.sources.reduce(
    (sum, source) => sum + (source.files?.length ?? 0) + source.categories.reduce((n, category) => n + category.records, 0),
    0,
  );
  const date = new Intl.DateTimeFormat(input.locale, {
    dateStyle: "long",
    timeStyle: "long",
    timeZone: input.timeZone,
  }).format(input.generatedAt);
  const title = t.title(input.companyName);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(t.intro(input.companyName, input.requestType))}</p>`,
    "<dl>",
    `<dt>${escapeHtml(t.reference)}</dt><dd><code>${escapeHtml(input.reference)}</code></dd>`,
    `<dt>${escapeHtml(t.requestType)}</dt><dd>${escapeHtml(t.requestTypeName[input.requestType])}</dd>`,
    `<dt>${escapeHtml(t.generatedAt)}</dt><dd>${escapeHtml(date)}</dd>`,
    "</dl>",
    `<p class="notice">${escapeHtml(t.keepSafe)}</p>`,
    `<h2>${escapeHtml(t.systemsHeading)}</h2>`,
    total === 0 ? `<p class="notice" id="no-data">${escapeHtml(t.noDataAnywhere)}</p>` : "",
    `<p>${escapeHtml(t.systemsIntro(input.sources.length))}</p>`,
    `<ul>${input.sources.map((source) => `<li>${escapeHtml(source.name)}</li>`).join("")}</ul>`,
    ...input.sources.map((source, index) => renderSource(input, source, index)),
    input.requestType === "access"
      ? renderAnswerGeneral(input, input.answer ?? { organisation: null, california: false }, input.sources)
      : "",
    `<h2>${escapeHtml(t.formatsHeading)}</h2>`,
    `<p>${escapeHtml(t.formatsJson)}</p>`,
    `<p>${escapeHtml(t.formatsCsv)}</p>`,
    `<p>${escapeHtml(t.formatsValues)}</p>`,
    `<p>${escapeHtml(t.formatsManifest)}</p>`,
    ...(input.requestType === "access"
      ? []
      : [
          `<h2>${escapeHtml(t.rightsHeading)}</h2>`,
          `<ul>${t
            .rights(input.companyName)
            .map((line) => `<li>${escapeHtml(line)}</li>`)
            .join("")}</ul>`,
        ]),
  ];
  return [
    "<!doctype html>",
    `<html lang="${input.locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    // Defence in depth: even if a value escaped escaping, nothing could run or be fetched.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body><main>",
    ...body.filter((part) => part !== ""),
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}

function renderSource(input: IndexPageInput, source: SourceSummary, sourceIndex: number): string {
  const t = packageTexts[input.locale];
  const access = input.requestType === "access";
  const parts = [`<section>`, `<h3>${escapeHtml(source.name)}</h3>`];
  if (source.description) parts.push(`<p>${escapeHtml(source.description)}</p>`);
  const files = source.files ?? [];
  if (files.length > 0) {
    parts.push(
      `<h4>${escapeHtml(t.documents)}</h4>`,
      `<ul>${files.map((file) => `<li>${fileLink(file.zipPath, file.name)}</li>`).join("")}</ul>`,
    );
  }
  if (source.categories.length === 0) {
    if (files.length === 0) parts.push(`<p>${escapeHtml(t.noDataInSystem)}</p>`);
    parts.push("</section>");
    return parts.join("\n");
  }
  parts.push(
    `<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(source.name)}">`,
    "<table>",
    `<thead><tr><th scope="col">${escapeHtml(t.category)}</th><th scope="col">${escapeHtml(t.records)}</th><th scope="col">${escapeHtml(t.files)}</th></tr></thead>`,
    "<tbody>",
    ...source.categories.map(
      (category) =>
        `<tr><th scope="row">${escapeHtml(categoryLabel(access ? source.dataMap : null, category.category, input.locale))}</th><td class="count">${escapeHtml(t.recordCount(category.records))}</td>` +
        `<td>${fileLink(category.json.zipPath, "JSON")} · ${fileLink(category.csv.zipPath, "CSV")}</td></tr>`,
    ),
    "</tbody></table>",
    "</div>",
  );
  source.categories.forEach((category, index) => {
    parts.push(
      access
        ? renderAnswerCategory(input, source, category, meaningsOf(input, source, category), `c-${sourceIndex}-${index}`)
        : renderFields(input, source, category),
    );
  });
  parts.push("</section>");
  return parts.join("\n");
}

function meaningsOf(input: IndexPageInput, source: SourceSummary, category: CategorySummary): Record<string, string> {
  const all = source.fieldDescriptions ?? input.fieldDescriptions ?? {};
  // hasOwn: a category named "constructor" must not pick up Object's own properties.
  return Object.hasOwn(all, category.category) ? all[category.category] : {};
}

function renderFields(input: IndexPageInput, source: SourceSummary, category: CategorySummary): string {
  const t = packageTexts[input.locale];
  const meanings = meaningsOf(input, source, category);
  const rows = category.fields.map((field) => {
    const meaning = Object.hasOwn(meanings, field) ? meanings[field] : undefined;
    return `<tr><td><code>${escapeHtml(field)}</code></td><td>${meaning ? escapeHtml(meaning) : `<em>${escapeHtml(t.noMeaning)}</em>`}</td></tr>`;
  });
  return [
    `<h4>${escapeHtml(t.fieldsHeading(category.category))}</h4>`,
    "<table>",
    `<thead><tr><th scope="col">${escapeHtml(t.field)}</th><th scope="col">${escapeHtml(t.meaning)}</th></tr></thead>`,
    `<tbody>${rows.join("")}</tbody>`,
    "</table>",
  ].join("\n");
}
