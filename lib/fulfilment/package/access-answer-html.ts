// The access answer's parts of index.html (GDPR Art. 15(1)-(2), CCPA §1798.110): per category the
// person's data in a table, what each field means and what the data map says of it; then who is
// responsible, the person's rights, where to complain and, for Californians, the §1798.110 list.
// A category the map does not describe says so; nothing is made up in its place.

import type { DataMap, Organisation } from "../../data-map/data-map.schema.ts";
import { dataCategories, textIn } from "../../data-map/data-map.schema.ts";
import { ccpaCategoryLabels, labelOf } from "../../data-map/data-map-labels.ts";
import { type DescribedCategory, describeDataMapCategory } from "../../data-map/describe-data-map-category.ts";
import type { ComplaintRoute } from "../../requests/complaint-authorities.ts";
import { accessAnswerTexts } from "./access-answer-texts.ts";
import type { CategorySummary } from "./category-files.ts";
import { definitions, escapeHtml, fileLink, listOf } from "./html.ts";
import type { PackageLocale } from "./package-texts.ts";

export type AccessAnswer = {
  organisation: Organisation | null;
  /** Where this person may complain, from their jurisdiction (lib/requests/complaint-authorities.ts). */
  complaint?: ComplaintRoute;
  /** A California resident: the §1798.110 list is added. */
  california: boolean;
};

export type AnswerSource = {
  name: string;
  categories: CategorySummary[];
  fieldDescriptions?: Record<string, Record<string, string>>;
  dataMap?: DataMap | null;
};

/** timeZone: the controller's, in which moments are shown (the files keep them exact, in UTC). */
type Context = { locale: PackageLocale; companyName: string; timeZone?: string };

/** The map's entry for a category (hasOwn: a category named "constructor" finds nothing). */
export function mapEntryOf(dataMap: DataMap | null | undefined, category: string) {
  return dataMap && Object.hasOwn(dataMap, category) ? dataMap[category] : undefined;
}

/** What a category is called for the person: the map's label, else its technical name. */
export function categoryLabel(dataMap: DataMap | null | undefined, category: string, locale: PackageLocale): string {
  const label = mapEntryOf(dataMap, category)?.label;
  return label ? textIn(label, locale) : category;
}

export function renderAnswerCategory(
  context: Context,
  source: AnswerSource,
  category: CategorySummary,
  meanings: Record<string, string>,
  anchor: string,
): string {
  const t = accessAnswerTexts[context.locale];
  const entry = mapEntryOf(source.dataMap, category.category);
  const label = categoryLabel(source.dataMap, category.category, context.locale);
  const parts = [
    `<section class="category" aria-labelledby="${anchor}">`,
    `<h4 id="${anchor}">${escapeHtml(label)}</h4>`,
    `<p class="technical">${escapeHtml(t.technicalName(category.category))}</p>`,
    `<h5>${escapeHtml(t.dataHeading)}</h5>`,
    renderRecords(context, category, label, meanings),
    `<h5>${escapeHtml(t.fieldsHeading)}</h5>`,
    renderMeanings(context, category, meanings),
    `<h5>${escapeHtml(t.aboutHeading)}</h5>`,
    entry
      ? renderDescription(context, describeDataMapCategory(entry, context.locale))
      : `<p class="notice">${escapeHtml(t.notDescribed(context.companyName))}</p>`,
    "</section>",
  ];
  return parts.join("\n");
}

function renderRecords(context: Context, category: CategorySummary, label: string, meanings: Record<string, string>): string {
  const t = accessAnswerTexts[context.locale];
  const shown = category.preview.length;
  const files = `${escapeHtml(t.fullFiles)} ${fileLink(category.csv.zipPath, "CSV")} · ${fileLink(category.json.zipPath, "JSON")}`;
  if (shown === 0) return `<p class="notice">${escapeHtml(t.noneShown(category.records))} ${files}</p>`;
  const intro =
    shown === category.records
      ? `<p>${escapeHtml(t.allShown(category.records))}</p>`
      : `<p class="notice">${escapeHtml(t.firstShown(shown, category.records))} ${files}</p>`;
  // A column reads by what it means when the source says so, its technical name beneath.
  const head = category.fields
    .map((field) =>
      Object.hasOwn(meanings, field)
        ? `<th scope="col">${escapeHtml(meanings[field])}<br><code class="technical">${escapeHtml(field)}</code></th>`
        : `<th scope="col"><code>${escapeHtml(field)}</code></th>`,
    )
    .join("");
  const rows = category.preview.map(
    (record) =>
      `<tr>${category.fields
        .map((field) => `<td>${cell(context, Object.hasOwn(record, field) ? record[field] : undefined, category.formats[field])}</td>`)
        .join("")}</tr>`,
  );
  return [
    intro,
    // A wide table scrolls on its own on a phone; the region is reachable and named for a keyboard or a screen reader.
    `<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">`,
    `<table class="data"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
    "</div>",
  ].join("\n");
}

/**
 * A value as a person reads it: text as it is, true/false in words, a list of plain values as a list,
 * a flat object as "name: value" lines, anything deeper as compact JSON.
 */
function cell(context: Context, value: unknown, format?: string): string {
  const t = accessAnswerTexts[context.locale];
  if (value === undefined || value === null || value === "") return `<span class="empty">${escapeHtml(t.emptyValue)}</span>`;
  if (typeof value === "string" && (format === "date-time" || format === "date")) return dateCell(context, value, format);
  if (typeof value === "boolean") return escapeHtml(value ? t.yes : t.no);
  if (Array.isArray(value) && value.every(isPlain)) return listOf(value.map(String));
  if (typeof value === "object" && Object.values(value).every(isPlain)) {
    return Object.entries(value)
      .map(([name, item]) => `<code>${escapeHtml(name)}</code>: ${escapeHtml(String(item))}`)
      .join("<br>");
  }
  if (typeof value === "object") return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
  return escapeHtml(String(value));
}

/**
 * A moment or a day as a person reads it ("14 mars 2026, 10:30:00" in the controller's zone); the
 * exact value stays in the markup (<time datetime>) and in the JSON and CSV files.
 */
function dateCell(context: Context, value: string, format: "date-time" | "date"): string {
  const at = new Date(format === "date" ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) return escapeHtml(value);
  const shown = new Intl.DateTimeFormat(context.locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    ...(format === "date-time" ? { timeStyle: "medium", timeZone: context.timeZone ?? "UTC" } : { timeZone: "UTC" }),
  }).format(at);
  return `<time datetime="${escapeHtml(value)}">${escapeHtml(shown)}</time>`;
}

function isPlain(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function renderMeanings(context: Context, category: CategorySummary, meanings: Record<string, string>): string {
  const described = category.fields.filter((field) => Object.hasOwn(meanings, field));
  const unexplained = category.fields.filter((field) => !Object.hasOwn(meanings, field));
  const t = accessAnswerTexts[context.locale];
  const rows = [
    ...described.map((field) => `<dt><code>${escapeHtml(field)}</code></dt><dd>${escapeHtml(meanings[field])}</dd>`),
    ...unexplained.map((field) => `<dt><code>${escapeHtml(field)}</code></dt><dd><em>${escapeHtml(noMeaning[context.locale])}</em></dd>`),
  ];
  return rows.length ? `<dl class="fields">${rows.join("")}</dl>` : `<p>${escapeHtml(t.emptyValue)}</p>`;
}

const noMeaning: Record<PackageLocale, string> = { en: "No description", fr: "Pas de description" };

function renderDescription(context: Context, described: DescribedCategory): string {
  const t = accessAnswerTexts[context.locale];
  const rows: Array<[string, string]> = [
    [t.kinds, listOf(described.dataCategories)],
    [t.purposes, listOf(described.purposes)],
    [t.legalBasis, listOf(described.legalBasis)],
  ];
  if (described.legitimateInterests) rows.push([t.legitimateInterests, escapeHtml(described.legitimateInterests)]);
  if (described.specialCategoryCondition) rows.push([t.specialCondition, escapeHtml(described.specialCategoryCondition)]);
  rows.push([t.retention, escapeHtml(described.retention)]);
  rows.push([
    t.recipients,
    described.recipients.length === 0
      ? escapeHtml(t.noRecipients(context.companyName))
      : `<ul>${described.recipients.map((recipient) => `<li><strong>${escapeHtml(recipient.name)}</strong><br>${escapeHtml(recipientDetails(context, recipient).join(" · "))}</li>`).join("")}</ul>`,
  ]);
  rows.push([t.origin, escapeHtml(described.origin)]);
  rows.push([
    t.automated,
    described.automatedDecisions
      ? [
          `<p><strong>${escapeHtml(t.automatedLogic)}</strong><br>${escapeHtml(described.automatedDecisions.logic)}</p>`,
          `<p><strong>${escapeHtml(t.automatedSignificance)}</strong><br>${escapeHtml(described.automatedDecisions.significance)}</p>`,
        ].join("")
      : escapeHtml(t.noAutomated),
  ]);
  return definitions(rows);
}

/** What is said of a recipient beyond its name: kind, purpose, country, transfer safeguard, sale. */
export function recipientDetails(context: { locale: PackageLocale }, recipient: DescribedCategory["recipients"][number]): string[] {
  const t = accessAnswerTexts[context.locale];
  return [
    recipient.kind,
    recipient.purpose,
    recipient.country ? t.recipientCountry(recipient.country) : undefined,
    recipient.safeguard ? t.recipientSafeguard(recipient.safeguard) : undefined,
    recipient.soldOrShared ? t.soldOrShared : undefined,
  ].filter((part): part is string => Boolean(part));
}

/** Who is responsible, the person's rights, where to complain, and the California list. */
export function renderAnswerGeneral(context: Context, answer: AccessAnswer, sources: AnswerSource[]): string {
  const t = accessAnswerTexts[context.locale];
  const organisation = answer.organisation;
  const company = organisation?.name ?? context.companyName;
  const parts = [`<h2 id="controller">${escapeHtml(t.controllerHeading)}</h2>`, `<p>${escapeHtml(t.controllerIntro(company))}</p>`];
  if (organisation) {
    const rows: Array<[string, string]> = [
      [t.address, escapeHtml(textIn(organisation.address, context.locale))],
      [t.contact, mailLink(organisation.contactEmail)],
    ];
    const dpo = organisation.dataProtectionOfficer;
    if (dpo) rows.push([t.dpo, dpo.name ? `${escapeHtml(dpo.name)}, ${mailLink(dpo.email)}` : mailLink(dpo.email)]);
    const representative = organisation.representative;
    if (representative) rows.push([t.representative, `${escapeHtml(representative.name)}, ${mailLink(representative.email)}`]);
    parts.push(definitions(rows));
  } else {
    parts.push(`<p>${escapeHtml(t.noControllerDetails)}</p>`);
  }
  parts.push(`<h2 id="rights">${escapeHtml(t.rightsHeading)}</h2>`, listOf(t.rights(company)));
  parts.push(`<h2 id="complaint">${escapeHtml(t.complaintHeading)}</h2>`, ...complaintParagraphs(context, answer));
  if (answer.california) parts.push(...renderCalifornia(context, sources));
  return parts.join("\n");
}

function complaintParagraphs(context: Context, answer: AccessAnswer): string[] {
  const t = accessAnswerTexts[context.locale];
  const own = answer.organisation?.supervisoryAuthority;
  const lines: string[] = [];
  const ownName = own ? textIn(own.name, context.locale) : undefined;
  if (own && ownName) lines.push(`<p>${escapeHtml(t.complaintOwnAuthority(ownName))} ${urlLink(own.url)}</p>`);
  const route = answer.complaint;
  if (route && route.authority !== ownName) {
    const sentence = route.kind === "regulator" ? t.complaintRegulator(route.authority) : t.complaintWhereYouLive(route.authority);
    lines.push(`<p>${escapeHtml(sentence)}${route.url ? ` ${urlLink(route.url)}` : ""}</p>`);
  }
  if (!route || route.kind === "supervisory-authority") lines.push(`<p>${escapeHtml(t.judicialRemedy)}</p>`);
  return lines;
}

function renderCalifornia(context: Context, sources: AnswerSource[]): string[] {
  const t = accessAnswerTexts[context.locale];
  const entries = sources.flatMap((source) =>
    source.categories.map((category) => mapEntryOf(source.dataMap, category.category)).filter((entry) => entry !== undefined),
  );
  const undescribed = sources.some((source) => source.categories.some((category) => !mapEntryOf(source.dataMap, category.category)));
  const described = entries.map((entry) => describeDataMapCategory(entry, context.locale));
  const unique = (items: string[]) => [...new Set(items)];
  const ccpaNames = unique(
    entries.flatMap((entry) => entry.dataCategories.map((name) => labelOf(ccpaCategoryLabels, dataCategories[name].ccpa, context.locale))),
  );
  const sold = unique(described.flatMap((entry) => entry.recipients.filter((r) => r.soldOrShared).map((r) => r.name)));
  const rows: Array<[string, string]> = [
    [t.ccpaCategories, listOf(ccpaNames)],
    [t.ccpaSources, listOf(unique(described.map((entry) => entry.origin)))],
    [t.ccpaPurposes, listOf(unique(described.flatMap((entry) => entry.purposes)))],
    [t.ccpaThirdParties, listOf(unique(described.flatMap((entry) => entry.recipients.map((r) => `${r.name} (${r.kind})`))))],
    [t.ccpaSold, escapeHtml(sold.length ? t.ccpaSoldTo(sold.join(", ")) : t.ccpaNotSold)],
  ];
  return [
    `<h2 id="california">${escapeHtml(t.californiaHeading)}</h2>`,
    `<p>${escapeHtml(t.californiaIntro)}</p>`,
    definitions(rows),
    undescribed ? `<p class="notice">${escapeHtml(t.ccpaNotDescribed)}</p>` : "",
  ];
}

function mailLink(email: string): string {
  return `<a href="mailto:${escapeHtml(encodeURI(email))}">${escapeHtml(email)}</a>`;
}

function urlLink(url: string): string {
  // Only web addresses become links: the schema checks the URL, this keeps javascript: out regardless.
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url);
}
