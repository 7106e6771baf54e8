// How the dashboard names statuses, rights and deadlines (staff pages are in English). Client-safe.
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
