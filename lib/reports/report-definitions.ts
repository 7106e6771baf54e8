// How the reports count, in words: served with the metrics and shown on the reports page, so a
// reader of either knows exactly what a number means. The words live in the catalogues
// (staffReports.definition); the API serves the English ones, the page the member's language.
import english from "../../messages/en/staff-reports.json";

export const reportDefinitions = english.definition;

/** The file name of a downloaded report: what it is and the period it covers. */
export function reportFileName(
  kind: "request-register" | "request-metrics",
  period: { from: string; to: string; jurisdiction: string | null },
  extension: string,
) {
  return `${kind}_${period.from}_${period.to}_${(period.jurisdiction ?? "all").toLowerCase()}.${extension}`;
}
