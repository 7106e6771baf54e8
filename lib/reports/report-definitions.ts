// How the reports count, in words: served with the metrics and shown on the reports page, so a
// reader of either knows exactly what a number means.
export const reportDefinitions = {
  period:
    "A request belongs to the period when the day it was received falls between from and to, both included. Days are calendar days on the clock the request's deadline is counted in (the controller's time zone recorded on the request).",
  received: "Every request received in the period, whatever became of it.",
  compliedInWhole: "Completed with everything the person asked for.",
  compliedInPart: "Completed, but part of the request could not be carried out (for example a correction no source could apply).",
  denied:
    "Refused, with a recorded reason, or closed because the person never confirmed their email address: the regulation (CCPA regs §7102(a)(2)) counts a request that cannot be verified as denied. Broken down below by grounds.",
  deniedUnverifiable:
    "Denied because the request could not be verified: refused for identity not verified, or closed because the email address was never confirmed.",
  deniedExempt: "Denied because a legal exception applies to the information asked for.",
  deniedOther: "Denied on other grounds: manifestly unfounded or excessive, no data held, or another reason given to the person.",
  withdrawn: "Withdrawn by the person before an answer: not an answer, so left out of the days to respond.",
  expiredUnverified:
    "Closed because the person never confirmed their email address (part of denied as not verifiable); no substantive answer was given, so left out of the days to respond.",
  pending: "Still open on the day of the report.",
  daysToRespond:
    "Calendar days from the day the request was received to the day it was answered (the day it was completed or denied); an answer on the day of receipt counts 0. Median and mean are over answered requests only.",
  onTime: "Answered on or before the due date, after any extension notified to the person. The share on time is on time / answered.",
} as const;

/** The file name of a downloaded report: what it is and the period it covers. */
export function reportFileName(
  kind: "request-register" | "request-metrics",
  period: { from: string; to: string; jurisdiction: string | null },
  extension: string,
) {
  return `${kind}_${period.from}_${period.to}_${(period.jurisdiction ?? "all").toLowerCase()}.${extension}`;
}
