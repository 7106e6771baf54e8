// The metrics as a CSV a spreadsheet opens as it is: one table per file (rights or jurisdictions),
// written with the package's CSV writer (BOM, RFC 4180 quoting, formula guard).
import { CSV_BOM, csvRow } from "../fulfilment/package/csv.ts";
import type { RequestMetrics } from "./compute-request-metrics.ts";

export const metricsCsvColumns = {
  rights: [
    "right",
    "received",
    "compliedInWhole",
    "compliedInPart",
    "denied",
    "deniedUnverifiable",
    "deniedExempt",
    "deniedOther",
    "withdrawn",
    "expiredUnverified",
    "pending",
    "responded",
    "onTime",
    "late",
    "onTimeShare",
    "medianDays",
    "meanDays",
  ],
  jurisdictions: ["jurisdiction", "received", "responded", "onTime", "late", "onTimeShare", "pending", "pendingOverdue"],
} as const;

export function metricsCsv(metrics: RequestMetrics, table: keyof typeof metricsCsvColumns): string {
  const columns: readonly string[] = metricsCsvColumns[table];
  const rows: Array<Record<string, unknown>> = table === "rights" ? metrics.byRight : metrics.byJurisdiction;
  return CSV_BOM + csvRow([...columns]) + rows.map((row) => csvRow(columns.map((column) => row[column]))).join("");
}
