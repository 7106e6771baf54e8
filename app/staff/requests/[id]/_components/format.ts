// How the request page writes dates and states (staff pages are in English).
import type { RequestStatus } from "@/lib/generated/prisma/enums.ts";

export function formatInstant(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A stored calendar day (YYYY-MM-DD) as "Tue 26 May 2026", never shifted by a time zone. */
export function formatDay(day: string | null): string {
  if (!day) return "—";
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

export const words = (value: string) => value.toLowerCase().replaceAll("_", " ");

const statusLabels: Record<RequestStatus, string> = {
  SUBMITTED: "submitted, email not verified yet",
  VERIFIED: "verified, waiting for a decision",
  AWAITING_SUBJECT: "waiting for the person's answer",
  APPROVED: "approved",
  IN_PROGRESS: "in progress",
  COMPLETED: "completed",
  DENIED: "denied",
  WITHDRAWN: "withdrawn by the person",
  EXPIRED: "expired",
};

export function statusLabel(status: RequestStatus): string {
  return statusLabels[status];
}

export function daysLeftLabel(daysLeft: number | null): string {
  if (daysLeft === null) return "closed";
  if (daysLeft < 0) return `overdue by ${-daysLeft} day${daysLeft === -1 ? "" : "s"}`;
  if (daysLeft === 0) return "due today";
  return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
}
