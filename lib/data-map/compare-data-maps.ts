// What changed between two states of the data map, in words: sources added, removed, enabled,
// disabled, renamed or newly (no longer) described; categories added or removed; and for a category
// that stayed, each of its fields that changed, before and after as the record of processing says
// them. Changes are found on the stored values (so a text edited only in French is listed in an
// English comparison too) and told in the language asked for. Pure: no I/O.
import { canonicalJson } from "../evidence/audit-hash.ts";
import { buildProcessingRecord, type RecordCategory, type RecordRecipient } from "./build-processing-record.ts";
import type { DataMapCategory, DataMapLocale, Organisation } from "./data-map.schema.ts";
import type { ParsedDataMap, ParsedSource } from "./data-map-snapshot.ts";

export type DataMapChange = {
  kind:
    | "controller-changed"
    | "source-added"
    | "source-removed"
    | "source-enabled"
    | "source-disabled"
    | "source-renamed"
    | "source-described"
    | "source-no-longer-described"
    | "category-added"
    | "category-removed"
    | "category-changed";
  source: { key: string; name: string } | null;
  category: string | null;
  /** The field of a category or of the controller's details that changed (its code: retention, recipients…). */
  field: string | null;
  /** The field's name in words. */
  fieldLabel: string | null;
  before: string | null;
  after: string | null;
};

const categoryFields = [
  "label",
  "dataCategories",
  "specialCategoryCondition",
  "purposes",
  "legalBasis",
  "legitimateInterests",
  "retention",
  "recipients",
  "origin",
  "originDetail",
  "automatedDecisions",
] as const satisfies ReadonlyArray<keyof DataMapCategory>;

export const changeFieldLabels: Record<string, Record<DataMapLocale, string>> = {
  label: { en: "name shown", fr: "nom affiché" },
  dataCategories: { en: "categories of data", fr: "catégories de données" },
  specialCategoryCondition: { en: "condition for special categories", fr: "condition pour les catégories particulières" },
  purposes: { en: "purposes", fr: "finalités" },
  legalBasis: { en: "legal basis", fr: "base légale" },
  legitimateInterests: { en: "legitimate interests", fr: "intérêts légitimes" },
  retention: { en: "retention", fr: "durée de conservation" },
  recipients: { en: "recipients", fr: "destinataires" },
  origin: { en: "origin", fr: "origine" },
  originDetail: { en: "origin (who)", fr: "origine (qui)" },
  automatedDecisions: { en: "automated decisions", fr: "décisions automatisées" },
  name: { en: "name", fr: "nom" },
  address: { en: "address", fr: "adresse" },
  contactEmail: { en: "contact address", fr: "adresse de contact" },
  dataProtectionOfficer: { en: "data protection officer", fr: "délégué à la protection des données" },
  representative: { en: "representative", fr: "représentant" },
  supervisoryAuthority: { en: "supervisory authority", fr: "autorité de contrôle" },
  dataSubjects: { en: "categories of data subjects", fr: "catégories de personnes concernées" },
  securityMeasures: { en: "security measures", fr: "mesures de sécurité" },
};

const organisationFields = [
  "name",
  "address",
  "contactEmail",
  "dataProtectionOfficer",
  "representative",
  "supervisoryAuthority",
  "dataSubjects",
  "securityMeasures",
] as const satisfies ReadonlyArray<keyof Organisation>;

/** `before` null: no version existed then, so everything now is listed as added. */
export function compareDataMaps(before: ParsedDataMap | null, after: ParsedDataMap, locale: DataMapLocale): DataMapChange[] {
  const was = before ?? { organisation: null, sources: [] };
  const changes: DataMapChange[] = [...controllerChanges(was.organisation, after.organisation, locale)];
  const words = (map: ParsedDataMap) => new Map(buildProcessingRecord(map, locale).sources.map((source) => [source.key, source]));
  const [beforeWords, afterWords] = [words(was), words(after)];
  const previous = new Map(was.sources.map((source) => [source.key, source]));
  const change = (kind: DataMapChange["kind"], source: ParsedSource, rest: Partial<DataMapChange> = {}): DataMapChange => ({
    kind,
    source: { key: source.key, name: source.name },
    category: null,
    field: null,
    fieldLabel: null,
    before: null,
    after: null,
    ...rest,
  });
  for (const source of after.sources) {
    const old = previous.get(source.key);
    if (!old) {
      changes.push(change("source-added", source));
      continue;
    }
    if (old.name !== source.name) changes.push(change("source-renamed", source, { before: old.name, after: source.name }));
    if (old.enabled !== source.enabled) changes.push(change(source.enabled ? "source-enabled" : "source-disabled", source));
    if (!old.dataMap && source.dataMap) changes.push(change("source-described", source));
    if (old.dataMap && !source.dataMap) changes.push(change("source-no-longer-described", source));
    if (!old.dataMap || !source.dataMap) continue;
    const oldCategories = beforeWords.get(source.key)?.categories ?? [];
    const newCategories = afterWords.get(source.key)?.categories ?? [];
    for (const category of Object.keys(source.dataMap)) {
      if (!Object.hasOwn(old.dataMap, category)) {
        changes.push(change("category-added", source, { category }));
        continue;
      }
      const shownBefore = oldCategories.find((entry) => entry.category === category);
      const shownAfter = newCategories.find((entry) => entry.category === category);
      for (const field of categoryFields) {
        if (canonicalJson(old.dataMap[category][field]) === canonicalJson(source.dataMap[category][field])) continue;
        changes.push(
          change("category-changed", source, {
            category,
            field,
            fieldLabel: changeFieldLabels[field][locale],
            before: shownBefore ? fieldInWords(shownBefore, field) : null,
            after: shownAfter ? fieldInWords(shownAfter, field) : null,
          }),
        );
      }
    }
    for (const category of Object.keys(old.dataMap)) {
      if (!Object.hasOwn(source.dataMap, category)) changes.push(change("category-removed", source, { category }));
    }
  }
  const current = new Set(after.sources.map((source) => source.key));
  for (const source of was.sources) if (!current.has(source.key)) changes.push(change("source-removed", source));
  return changes;
}

function controllerChanges(before: Organisation | null, after: Organisation | null, locale: DataMapLocale): DataMapChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const fields = before && after ? organisationFields.filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field])) : [];
  const changed = fields.length ? fields : [null];
  return changed.map((field) => ({
    kind: "controller-changed",
    source: null,
    category: null,
    field,
    fieldLabel: field ? changeFieldLabels[field][locale] : null,
    before: null,
    after: null,
  }));
}

/** One field of a category as the record of processing words it. */
export function fieldInWords(category: RecordCategory, field: (typeof categoryFields)[number]): string {
  switch (field) {
    case "label":
      return category.label;
    case "dataCategories":
      return category.dataCategories.map((item) => item.label).join(", ");
    case "specialCategoryCondition":
      return category.specialCategoryCondition?.label ?? "—";
    case "purposes":
      return category.purposes.join("; ");
    case "legalBasis":
      return category.legalBasis.map((item) => item.label).join(", ");
    case "legitimateInterests":
      return category.legitimateInterests ?? "—";
    case "retention":
      return category.retention;
    case "recipients":
      return category.recipients.map(recipientInWords).join("; ") || "—";
    case "origin":
      return category.origin.label;
    case "originDetail":
      return category.originDetail ?? "—";
    case "automatedDecisions":
      return category.automatedDecisions ? `${category.automatedDecisions.logic} (${category.automatedDecisions.significance})` : "—";
  }
}

/** "Mail Cloud Inc. (Processor, United States, Standard contractual clauses)". */
export function recipientInWords(recipient: RecordRecipient): string {
  const details = [recipient.kind.label, recipient.country?.label, recipient.safeguard?.label].filter(Boolean);
  return `${recipient.name} (${details.join(", ")})`;
}
