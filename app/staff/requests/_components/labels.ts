// How the dashboard and the request page name laws, deadlines and counts, in the reader's language:
// the words come from the catalogues (staffLabels, staffRequests); these only choose which message
// a value needs. Client-safe: callers pass the translator they have (useTranslations on the client,
// getTranslations on the server, createTranslator in tests).
import type { createTranslator } from "next-intl";
import { isJurisdictionCode, ruleFor } from "@/lib/deadlines/rules.ts";
import type { Catalogue } from "@/lib/i18n/catalogue.ts";

export type LabelsT = ReturnType<typeof createTranslator<Catalogue, "staffLabels">>;
export type RequestsT = ReturnType<typeof createTranslator<Catalogue, "staffRequests">>;
type LawCode = keyof Catalogue["staffLabels"]["law"];

export type Urgency = "overdue" | "urgent" | "soon" | "later" | "closed";

/** Overdue, due within 3 days, within 7: the colour classes, each paired with a word. */
export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return "closed";
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 3) return "urgent";
  if (daysLeft <= 7) return "soon";
  return "later";
}

/** "overdue by 3 days", "due today", "24 days left", "closed". */
export function daysLeftLabel(daysLeft: number | null, t: LabelsT): string {
  if (daysLeft === null) return t("closed");
  if (daysLeft < 0) return t("overdueBy", { days: -daysLeft });
  if (daysLeft === 0) return t("dueToday");
  return t("daysLeft", { days: daysLeft });
}

/** "Overdue by 3 days", "Urgent: due today", "Soon: 6 days left", "24 days left", "Closed". */
export function daysLeftText(daysLeft: number | null, t: LabelsT): { word: string | null; text: string } {
  const text = daysLeftLabel(daysLeft, t);
  const urgency = urgencyOf(daysLeft);
  const word = urgency === "urgent" || urgency === "soon" ? t(`urgency.${urgency}`) : null;
  return { word, text: word ? text : text.charAt(0).toUpperCase() + text.slice(1) };
}

/** The names staff know these laws by; the others (US states) by the act's own name. */
export function lawShortName(code: string, t: LabelsT): string {
  const named = (candidate: string): candidate is LawCode => t.has(`law.${candidate as LawCode}`);
  if (named(code)) return t(`law.${code}`);
  return isJurisdictionCode(code) ? ruleFor(code).name : code;
}

/** "Showing 1 request.", "Showing 1–25 of 80 requests.", "Showing 1–100 of more than 10,000 requests." */
export function showingText(first: number, last: number, total: number, max: number, t: RequestsT): string {
  if (total === 0 || last === 0) return t("showing.none");
  if (total <= max && first === 1 && last === total) return t("showing.all", { total });
  if (first === last) return total > max ? t("showing.singleCapped", { index: first, max }) : t("showing.single", { index: first, total });
  return total > max ? t("showing.rangeCapped", { first, last, max }) : t("showing.range", { first, last, total });
}
