// What the data map says of one category, in words a person reads in their language: the access
// answer (index.html, the JSON files' metadata, the email, the status page) shows this, never codes.
// Nothing is invented: a part the map leaves out stays out.

import { type DataMapCategory, type DataMapLocale, eeaCountries, type LocalText, textIn } from "./data-map.schema.ts";
import { dataMapLabels } from "./data-map-labels.ts";

export type DescribedRecipient = {
  name: string;
  kind: string;
  purpose?: string;
  /** The country in words ("United States"), where the map names one. */
  country?: string;
  /** Outside the EEA: the ground for the transfer in words (Art. 15(2)). */
  safeguard?: string;
  soldOrShared: boolean;
};

export type DescribedCategory = {
  /** The map's label for the category, where it gives one. */
  label?: string;
  /** The kinds of data, from the taxonomy, in words. */
  dataCategories: string[];
  purposes: string[];
  /** Art. 6(1) bases in words. */
  legalBasis: string[];
  /** The Art. 9(2) / Art. 10 condition in words, for special categories. */
  specialCategoryCondition?: string;
  legitimateInterests?: string;
  retention: string;
  recipients: DescribedRecipient[];
  origin: string;
  /** The logic and its significance, or null when the map names no automated decision. */
  automatedDecisions: { logic: string; significance: string } | null;
};

const units = {
  en: { Y: ["year", "years"], M: ["month", "months"], W: ["week", "weeks"], D: ["day", "days"] },
  fr: { Y: ["an", "ans"], M: ["mois", "mois"], W: ["semaine", "semaines"], D: ["jour", "jours"] },
} as const;

/** "P10Y" → "10 years" / "10 ans"; "P1Y6M" → "1 year and 6 months" / "1 an et 6 mois". */
export function describeDuration(period: string, locale: DataMapLocale): string {
  const parts = [...period.matchAll(/(\d+)([YMWD])/g)].map(([, count, unit]) => {
    const n = Number(count);
    const [one, other] = units[locale][unit as keyof (typeof units)["en"]];
    return `${n.toLocaleString(locale)} ${new Intl.PluralRules(locale).select(n) === "one" ? one : other}`;
  });
  const and = locale === "fr" ? " et " : " and ";
  return parts.length <= 1 ? (parts[0] ?? period) : `${parts.slice(0, -1).join(", ")}${and}${parts.at(-1)}`;
}

/** A retention rule in words: the map's own text, or "10 years from the date of the invoice". */
export function describeRetention(retention: DataMapCategory["retention"], locale: DataMapLocale): string {
  if (typeof retention === "string" || !("period" in retention)) return textIn(retention as LocalText, locale);
  const from = textIn(retention.from, locale);
  return locale === "fr"
    ? `${describeDuration(retention.period, locale)} à compter de ${from}`
    : `${describeDuration(retention.period, locale)} from ${from}`;
}

export function countryName(code: string, locale: DataMapLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function isOutsideEea(country: string | undefined): boolean {
  return Boolean(country) && !(eeaCountries as readonly string[]).includes(country as string);
}

export function describeDataMapCategory(entry: DataMapCategory, locale: DataMapLocale): DescribedCategory {
  const labels = dataMapLabels[locale];
  const origin = labels.origins[entry.origin];
  return {
    ...(entry.label ? { label: textIn(entry.label, locale) } : {}),
    dataCategories: entry.dataCategories.map((name) => labels.dataCategories[name]),
    purposes: entry.purposes.map((purpose) => textIn(purpose, locale)),
    legalBasis: entry.legalBasis.map((basis) => labels.legalBases[basis]),
    ...(entry.specialCategoryCondition
      ? { specialCategoryCondition: labels.specialCategoryConditions[entry.specialCategoryCondition] }
      : {}),
    ...(entry.legitimateInterests ? { legitimateInterests: textIn(entry.legitimateInterests, locale) } : {}),
    retention: describeRetention(entry.retention, locale),
    recipients: entry.recipients.map((recipient) => ({
      name: textIn(recipient.name, locale),
      kind: labels.recipientKinds[recipient.kind],
      ...(recipient.purpose ? { purpose: textIn(recipient.purpose, locale) } : {}),
      ...(recipient.country ? { country: countryName(recipient.country, locale) } : {}),
      ...(recipient.safeguard && (!recipient.country || isOutsideEea(recipient.country))
        ? { safeguard: labels.transferSafeguards[recipient.safeguard] }
        : {}),
      soldOrShared: recipient.soldOrShared,
    })),
    origin: entry.originDetail ? `${origin}${locale === "fr" ? "\u00a0: " : ": "}${textIn(entry.originDetail, locale)}` : origin,
    automatedDecisions: entry.automatedDecisions
      ? {
          logic: textIn(entry.automatedDecisions.logic, locale),
          significance: textIn(entry.automatedDecisions.significance, locale),
        }
      : null,
  };
}
