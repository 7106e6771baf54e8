// The record of processing as a CSV a spreadsheet opens as it is: one row per source × category
// (a source with no data map gets one row saying so), stable columns, codes beside their words,
// written with the package's CSV writer (BOM, RFC 4180 quoting, formula guard: the map's texts are
// typed by people).
import { CSV_BOM, csvRow } from "../fulfilment/package/csv.ts";
import type { ProcessingRecord, RecordCategory, RecordSource } from "./build-processing-record.ts";
import { recipientInWords } from "./compare-data-maps.ts";

export const processingRecordCsvColumns = [
  "sourceKey",
  "sourceName",
  "sourceType",
  "sourceEnabled",
  "described",
  "category",
  "categoryLabel",
  "dataCategoryCodes",
  "dataCategories",
  "specialCategoryCondition",
  "purposes",
  "legalBasisCodes",
  "legalBasis",
  "legitimateInterests",
  "retention",
  "recipients",
  "thirdCountryTransfers",
  "soldOrShared",
  "origin",
  "originDetail",
  "automatedDecisions",
] as const;

type Column = (typeof processingRecordCsvColumns)[number];

export function processingRecordCsv(record: ProcessingRecord): string {
  const rows = record.sources.flatMap((source) =>
    source.categories.length ? source.categories.map((category) => rowOf(source, category)) : [rowOf(source, null)],
  );
  return (
    CSV_BOM +
    csvRow([...processingRecordCsvColumns]) +
    rows.map((row) => csvRow(processingRecordCsvColumns.map((column) => row[column]))).join("")
  );
}

function rowOf(source: RecordSource, category: RecordCategory | null): Record<Column, string> {
  const list = (items: string[]) => items.join("; ");
  const transfers = category?.recipients.filter((recipient) => recipient.thirdCountry) ?? [];
  return {
    sourceKey: source.key,
    sourceName: source.name,
    sourceType: source.type,
    sourceEnabled: source.enabled ? "yes" : "no",
    described: source.described ? "yes" : "no",
    category: category?.category ?? "",
    categoryLabel: category?.label ?? "",
    dataCategoryCodes: list(category?.dataCategories.map((item) => item.code) ?? []),
    dataCategories: list(category?.dataCategories.map((item) => item.label) ?? []),
    specialCategoryCondition: category?.specialCategoryCondition?.label ?? "",
    purposes: list(category?.purposes ?? []),
    legalBasisCodes: list(category?.legalBasis.map((item) => item.code) ?? []),
    legalBasis: list(category?.legalBasis.map((item) => item.label) ?? []),
    legitimateInterests: category?.legitimateInterests ?? "",
    retention: category?.retention ?? "",
    recipients: list(category?.recipients.map(recipientInWords) ?? []),
    thirdCountryTransfers: list(transfers.map(recipientInWords)),
    soldOrShared: list(category?.recipients.filter((recipient) => recipient.soldOrShared).map((recipient) => recipient.name) ?? []),
    origin: category?.origin.label ?? "",
    originDetail: category?.originDetail ?? "",
    automatedDecisions: category?.automatedDecisions
      ? `${category.automatedDecisions.logic} (${category.automatedDecisions.significance})`
      : "",
  };
}
