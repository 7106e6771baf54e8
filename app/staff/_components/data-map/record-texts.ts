// The words of the record of processing page, in English and French (messages/<locale>/staff-data-map.json):
// the record can be read and handed over in either language, whatever the member's own (the data
// map's own texts follow, from data-map-labels.ts and the map itself).
import type { DataMapChange } from "@/lib/data-map/compare-data-maps.ts";
import type { DataMapLocale } from "@/lib/data-map/data-map.schema.ts";
import { localeNames } from "@/lib/i18n/catalogue.ts";
import { translator } from "@/lib/i18n/translator.ts";

const changeKinds = Object.keys({
  "controller-changed": true,
  "source-added": true,
  "source-removed": true,
  "source-enabled": true,
  "source-disabled": true,
  "source-renamed": true,
  "source-described": true,
  "source-no-longer-described": true,
  "category-added": true,
  "category-removed": true,
  "category-changed": true,
} satisfies Record<DataMapChange["kind"], true>) as Array<DataMapChange["kind"]>;

function textsIn(locale: DataMapLocale) {
  const t = translator(locale);
  return {
    title: t("staffDataMap.title"),
    lead: t("staffDataMap.lead"),
    language: t("staffDataMap.language"),
    languages: localeNames,
    pickerLabel: t("staffDataMap.pickerLabel"),
    versionField: t("staffDataMap.versionField"),
    currentOption: t("staffDataMap.currentOption"),
    versionOption: (number: number, when: string) => t("staffDataMap.versionOption", { number, when }),
    sinceField: t("staffDataMap.sinceField"),
    sinceHint: t("staffDataMap.sinceHint"),
    show: t("staffDataMap.show"),
    problemsTitle: t("staffDataMap.problemsTitle"),
    shownCurrent: (number: number, when: string) => t("staffDataMap.shownCurrent", { number, when }),
    shownUnversioned: t("staffDataMap.shownUnversioned"),
    shownVersion: (number: number, when: string) => t("staffDataMap.shownVersion", { number, when }),
    downloads: t("staffDataMap.downloads"),
    downloadJson: t("staffDataMap.downloadJson"),
    downloadCsv: t("staffDataMap.downloadCsv"),
    downloadsHint: t("staffDataMap.downloadsHint"),
    changesTitle: (date: string) => t("staffDataMap.changesTitle", { date }),
    changesBase: (number: number, when: string) => t("staffDataMap.changesBase", { number, when }),
    changesNoBase: t("staffDataMap.changesNoBase"),
    noChanges: t("staffDataMap.noChanges"),
    controllerTitle: t("staffDataMap.controllerTitle"),
    controllerMissing: t("staffDataMap.controllerMissing"),
    name: t("staffDataMap.name"),
    address: t("staffDataMap.address"),
    contact: t("staffDataMap.contact"),
    dpo: t("staffDataMap.dpo"),
    representative: t("staffDataMap.representative"),
    authority: t("staffDataMap.authority"),
    none: t("staffDataMap.none"),
    subjectsTitle: t("staffDataMap.subjectsTitle"),
    securityTitle: t("staffDataMap.securityTitle"),
    notSet: t("staffDataMap.notSet"),
    activitiesTitle: t("staffDataMap.activitiesTitle"),
    activitiesEmpty: t("staffDataMap.activitiesEmpty"),
    legalBasis: t("staffDataMap.legalBasis"),
    dataCategories: t("staffDataMap.dataCategories"),
    specialCondition: t("staffDataMap.specialCondition"),
    recipients: t("staffDataMap.recipients"),
    noRecipients: t("staffDataMap.noRecipients"),
    retention: t("staffDataMap.retention"),
    sources: t("staffDataMap.sources"),
    recipientName: t("staffDataMap.recipientName"),
    recipientKind: t("staffDataMap.recipientKind"),
    recipientCountry: t("staffDataMap.recipientCountry"),
    recipientSafeguard: t("staffDataMap.recipientSafeguard"),
    thirdCountry: t("staffDataMap.thirdCountry"),
    noSafeguardNeeded: t("staffDataMap.noSafeguardNeeded"),
    soldOrShared: t("staffDataMap.soldOrShared"),
    bySourceTitle: t("staffDataMap.bySourceTitle"),
    disabled: t("staffDataMap.disabled"),
    notDescribed: t("staffDataMap.notDescribed"),
    category: t("staffDataMap.category"),
    purposes: t("staffDataMap.purposes"),
    legitimateInterests: t("staffDataMap.legitimateInterests"),
    origin: t("staffDataMap.origin"),
    automatedDecisions: t("staffDataMap.automatedDecisions"),
    change: Object.fromEntries(changeKinds.map((kind) => [kind, t(`staffDataMap.change.${kind}`)])) as Record<
      DataMapChange["kind"],
      string
    >,
    before: t("staffDataMap.before"),
    after: t("staffDataMap.after"),
  };
}

export type RecordTexts = ReturnType<typeof textsIn>;

export const recordTexts: Record<DataMapLocale, RecordTexts> = { en: textsIn("en"), fr: textsIn("fr") };
