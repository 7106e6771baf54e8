// How the dashboard names statuses, rights and deadlines (staff pages are in English). Client-safe.

import { isJurisdictionCode, ruleFor } from "@/lib/deadlines/rules.ts";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums.ts";
import { daysLeftLabel } from "../[id]/_components/format.ts";

export const statusNames: Record<RequestStatus, string> = {
  SUBMITTED: "awaiting verification",
  VERIFIED: "verified",
  AWAITING_SUBJECT: "awaiting the person",
  APPROVED: "approved",
  IN_PROGRESS: "in progress",
  COMPLETED: "completed",
  DENIED: "denied",
  WITHDRAWN: "withdrawn",
  EXPIRED: "expired",
};

export const rightNames: Record<RequestType, string> = {
  ACCESS: "access",
  RECTIFICATION: "rectification",
  ERASURE: "erasure",
  PORTABILITY: "portability",
  OPT_OUT: "opt-out",
  LIMIT_SENSITIVE: "limit sensitive data",
  RESTRICTION: "restriction",
  OBJECTION: "objection",
};

export type Urgency = "overdue" | "urgent" | "soon" | "later" | "closed";

/** Overdue, due within 3 days, within 7: the colour classes, each paired with a word. */
export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return "closed";
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 3) return "urgent";
  if (daysLeft <= 7) return "soon";
  return "later";
}

const urgencyWords: Record<Urgency, string | null> = { overdue: null, urgent: "Urgent", soon: "Soon", later: null, closed: null };

/** "Overdue by 3 days", "Urgent: due today", "Soon: 6 days left", "24 days left", "closed". */
export function daysLeftText(daysLeft: number | null): { word: string | null; text: string } {
  const text = daysLeftLabel(daysLeft);
  const word = urgencyWords[urgencyOf(daysLeft)];
  return { word, text: word ? text : text.charAt(0).toUpperCase() + text.slice(1) };
}

/** The names staff know these laws by; the others (US states) by the act's own name. */
const lawShortNames: Record<string, string> = {
  EU_GDPR: "EU GDPR",
  UK_GDPR: "UK GDPR",
  CA_QC: "Quebec Law 25",
  CA_PIPEDA: "PIPEDA (Canada)",
  BR_LGPD: "LGPD (Brazil)",
  CH_FADP: "FADP (Switzerland)",
};

export function lawShortName(code: string): string {
  return lawShortNames[code] ?? (isJurisdictionCode(code) ? ruleFor(code).name : code);
}

/** "Showing 1 request.", "Showing 1–25 of 80 requests.", "Showing 1–100 of more than 10,000 requests." */
export function showingText(first: number, last: number, total: number, max: number): string {
  if (total === 0 || last === 0) return "No request matches this view.";
  if (total === 1) return "Showing 1 request.";
  if (total <= max && first === 1 && last === total) return `Showing all ${total.toLocaleString("en")} requests.`;
  const of = total > max ? `more than ${max.toLocaleString("en")}` : total.toLocaleString("en");
  if (first === last) return `Showing request ${first.toLocaleString("en")} of ${of}.`;
  return `Showing ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${of} requests.`;
}
