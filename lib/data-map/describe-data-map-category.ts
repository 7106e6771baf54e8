// What the data map says of one category, in words a person reads in their language: the access
// answer (index.html, the JSON files' metadata, the email, the status page) shows this, never codes.
// Nothing is invented: a part the map leaves out stays out.

import { type DataMapCategory, type DataMapLocale, eeaCountries, textIn } from "./data-map.schema.ts";
import {
  countryName,
  dataCategoryLabels,
  dataOriginLabels,
  labelOf,
  legalBasisLabels,
  recipientKindLabels,
  retentionInWords,
  specialCategoryConditionLabels,
  transferSafeguardLabels,
} from "./data-map-labels.ts";

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

export function isOutsideEea(country: string | undefined): boolean {
  return Boolean(country) && !(eeaCountries as readonly string[]).includes(country as string);
}

export function describeDataMapCategory(entry: DataMapCategory, locale: DataMapLocale): DescribedCategory {
  const origin = labelOf(dataOriginLabels, entry.origin, locale);
  return {
    ...(entry.label ? { label: textIn(entry.label, locale) } : {}),
    dataCategories: entry.dataCategories.map((name) => labelOf(dataCategoryLabels, name, locale)),
    purposes: entry.purposes.map((purpose) => textIn(purpose, locale)),
    legalBasis: entry.legalBasis.map((basis) => labelOf(legalBasisLabels, basis, locale)),
    ...(entry.specialCategoryCondition
      ? { specialCategoryCondition: labelOf(specialCategoryConditionLabels, entry.specialCategoryCondition, locale) }
      : {}),
    ...(entry.legitimateInterests ? { legitimateInterests: textIn(entry.legitimateInterests, locale) } : {}),
    retention: retentionInWords(entry.retention, locale),
    recipients: entry.recipients.map((recipient) => ({
      name: textIn(recipient.name, locale),
      kind: labelOf(recipientKindLabels, recipient.kind, locale),
      ...(recipient.purpose ? { purpose: textIn(recipient.purpose, locale) } : {}),
      ...(recipient.country ? { country: countryName(recipient.country, locale) } : {}),
      ...(recipient.safeguard && (!recipient.country || isOutsideEea(recipient.country))
        ? { safeguard: labelOf(transferSafeguardLabels, recipient.safeguard, locale) }
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
