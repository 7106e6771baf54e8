// The record of processing activities (GDPR Art. 30(1)) built from one state of the data map: the
// controller, its DPO and representative (a), one activity per purpose listing the sources and
// categories that serve it (b), the categories of data subjects (c) and of personal data (d), the
// recipients with third countries and safeguards (d)-(e), the retention periods (f) and the
// security measures (g); and the same map by source. Every code is given with its words in the
// language asked for (data-map-labels.ts). Pure: no I/O.

import { type DataMapCategory, type DataMapLocale, dataCategories, eeaCountries, textIn } from "./data-map.schema.ts";
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
import type { ParsedDataMap } from "./data-map-snapshot.ts";

/** A code of the data map and its words. */
export type Coded = { code: string; label: string };

export type RecordRecipient = {
  name: string;
  kind: Coded;
  purpose: string | null;
  country: Coded | null;
  /** Outside the EEA: a transfer to a third country (Art. 30(1)(e)). */
  thirdCountry: boolean;
  safeguard: Coded | null;
  soldOrShared: boolean;
};

export type RecordCategory = {
  source: string;
  sourceName: string;
  category: string;
  label: string;
  dataCategories: Coded[];
  specialCategoryCondition: Coded | null;
  purposes: string[];
  legalBasis: Coded[];
  legitimateInterests: string | null;
  retention: string;
  recipients: RecordRecipient[];
  origin: Coded;
  originDetail: string | null;
  automatedDecisions: { logic: string; significance: string } | null;
};

export type RecordSource = { key: string; name: string; type: string; enabled: boolean; described: boolean; categories: RecordCategory[] };

export type ProcessingActivity = {
  purpose: string;
  legalBasis: Coded[];
  dataCategories: Coded[];
  specialCategoryConditions: Coded[];
  recipients: RecordRecipient[];
  retention: Array<{ source: string; sourceName: string; category: string; label: string; retention: string }>;
  sources: Array<{ key: string; name: string; category: string; label: string }>;
};

export type ProcessingRecord = {
  locale: DataMapLocale;
  controller: {
    name: string;
    address: string;
    contactEmail: string;
    dataProtectionOfficer: { name: string | null; email: string } | null;
    representative: { name: string; email: string } | null;
    supervisoryAuthority: { name: string; url: string };
  } | null;
  dataSubjects: string[];
  securityMeasures: string | null;
  /** One per purpose, over the enabled sources. */
  activities: ProcessingActivity[];
  /** Every source, enabled or not, described or not. */
  sources: RecordSource[];
};

export function buildProcessingRecord(map: ParsedDataMap, locale: DataMapLocale): ProcessingRecord {
  const organisation = map.organisation;
  const sources = map.sources.map((source) => ({
    key: source.key,
    name: source.name,
    type: source.type,
    enabled: source.enabled,
    described: source.dataMap !== null,
    categories: Object.entries(source.dataMap ?? {}).map(([category, entry]) =>
      recordCategory(source.key, source.name, category, entry, locale),
    ),
  }));
  return {
    locale,
    controller: organisation && {
      name: organisation.name,
      address: textIn(organisation.address, locale),
      contactEmail: organisation.contactEmail,
      dataProtectionOfficer: organisation.dataProtectionOfficer
        ? { name: organisation.dataProtectionOfficer.name ?? null, email: organisation.dataProtectionOfficer.email }
        : null,
      representative: organisation.representative ?? null,
      supervisoryAuthority: {
        name: textIn(organisation.supervisoryAuthority.name, locale),
        url: organisation.supervisoryAuthority.url,
      },
    },
    dataSubjects: (organisation?.dataSubjects ?? []).map((text) => textIn(text, locale)),
    securityMeasures: organisation ? textIn(organisation.securityMeasures, locale) : null,
    activities: activitiesOf(sources.filter((source) => source.enabled).flatMap((source) => source.categories)),
    sources,
  };
}

function recordCategory(
  source: string,
  sourceName: string,
  category: string,
  entry: DataMapCategory,
  locale: DataMapLocale,
): RecordCategory {
  return {
    source,
    sourceName,
    category,
    label: entry.label ? textIn(entry.label, locale) : category,
    dataCategories: entry.dataCategories.map((code) => ({ code, label: labelOf(dataCategoryLabels, code, locale) })),
    specialCategoryCondition: entry.specialCategoryCondition
      ? { code: entry.specialCategoryCondition, label: labelOf(specialCategoryConditionLabels, entry.specialCategoryCondition, locale) }
      : null,
    purposes: entry.purposes.map((purpose) => textIn(purpose, locale)),
    legalBasis: entry.legalBasis.map((code) => ({ code, label: labelOf(legalBasisLabels, code, locale) })),
    legitimateInterests: entry.legitimateInterests ? textIn(entry.legitimateInterests, locale) : null,
    retention: retentionInWords(entry.retention, locale),
    recipients: entry.recipients.map((recipient) => ({
      name: textIn(recipient.name, locale),
      kind: { code: recipient.kind, label: labelOf(recipientKindLabels, recipient.kind, locale) },
      purpose: recipient.purpose ? textIn(recipient.purpose, locale) : null,
      country: recipient.country ? { code: recipient.country, label: countryName(recipient.country, locale) } : null,
      thirdCountry: Boolean(recipient.country && !(eeaCountries as readonly string[]).includes(recipient.country)),
      safeguard: recipient.safeguard
        ? { code: recipient.safeguard, label: labelOf(transferSafeguardLabels, recipient.safeguard, locale) }
        : null,
      soldOrShared: recipient.soldOrShared,
    })),
    origin: { code: entry.origin, label: labelOf(dataOriginLabels, entry.origin, locale) },
    originDetail: entry.originDetail ? textIn(entry.originDetail, locale) : null,
    automatedDecisions: entry.automatedDecisions
      ? { logic: textIn(entry.automatedDecisions.logic, locale), significance: textIn(entry.automatedDecisions.significance, locale) }
      : null,
  };
}

/** One activity per purpose (the same words are the same purpose), in the order purposes first appear. */
function activitiesOf(categories: RecordCategory[]): ProcessingActivity[] {
  const byPurpose = new Map<string, RecordCategory[]>();
  for (const category of categories) {
    for (const purpose of new Set(category.purposes)) byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), category]);
  }
  return [...byPurpose].map(([purpose, serving]) => ({
    purpose,
    legalBasis: distinct(serving.flatMap((category) => category.legalBasis)),
    dataCategories: sortedByTaxonomy(distinct(serving.flatMap((category) => category.dataCategories))),
    specialCategoryConditions: distinct(
      serving.flatMap((category) => (category.specialCategoryCondition ? [category.specialCategoryCondition] : [])),
    ),
    recipients: distinctBy(
      serving.flatMap((category) => category.recipients),
      (recipient) => `${recipient.name}|${recipient.country?.code ?? ""}|${recipient.safeguard?.code ?? ""}`,
    ),
    retention: serving.map(({ source, sourceName, category, label, retention }) => ({ source, sourceName, category, label, retention })),
    sources: serving.map(({ source, sourceName, category, label }) => ({ key: source, name: sourceName, category, label })),
  }));
}

function distinct(items: Coded[]): Coded[] {
  return distinctBy(items, (item) => item.code);
}

function distinctBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

const taxonomyOrder = Object.keys(dataCategories);

function sortedByTaxonomy(items: Coded[]): Coded[] {
  return [...items].sort((a, b) => taxonomyOrder.indexOf(a.code) - taxonomyOrder.indexOf(b.code));
}
