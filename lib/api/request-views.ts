// Stored requests as the staff API shows them (the shapes of staff-api-responses.schema.ts).
// Lists mask the person's email address; one request shows the details in full.

import type { z } from "zod";
import { localDateOf, parseLocalDate } from "../deadlines/calendar.ts";
import type { ConnectorTaskStatus, Prisma } from "../generated/prisma/client.ts";
import { dayOf } from "../requests/request-deadline.ts";
import { isOpen } from "../requests/request-status.ts";
import { maskEmail } from "../staff/mask-email.ts";
import type { connectorTaskSchema, requestDetailSchema, requestSummarySchema, taskProgressSchema } from "./staff-api-responses.schema.ts";

export const summarySelect = {
  id: true,
  reference: true,
  type: true,
  status: true,
  jurisdiction: true,
  channel: true,
  email: true,
  receivedAt: true,
  dueDate: true,
  timeZone: true,
  assignee: { select: { email: true } },
} satisfies Prisma.DsarRequestSelect;

export const detailInclude = {
  assignee: { select: { email: true } },
  tasks: { include: { connector: { select: { key: true, name: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.DsarRequestInclude;

type SummaryRow = Prisma.DsarRequestGetPayload<{ select: typeof summarySelect }>;
type DetailRow = Prisma.DsarRequestGetPayload<{ include: typeof detailInclude }>;
type TaskProgress = z.input<typeof taskProgressSchema>;

export { maskEmail };

/** Calendar days from today on the controller's clock to the due day; null once the request is closed. */
export function daysLeft(row: { status: SummaryRow["status"]; dueDate: Date; timeZone: string }, now: Date): number | null {
  if (!isOpen(row.status)) return null;
  return parseLocalDate(dayOf(row.dueDate) as string) - localDateOf(now.getTime(), row.timeZone);
}

export function taskProgress(statuses: Array<{ status: ConnectorTaskStatus; count: number }>): TaskProgress {
  const count = (status: ConnectorTaskStatus) => statuses.filter((s) => s.status === status).reduce((sum, s) => sum + s.count, 0);
  const total = statuses.reduce((sum, s) => sum + s.count, 0);
  const succeeded = count("SUCCEEDED");
  const failed = count("FAILED");
  // A cancelled task (the request was withdrawn or closed) is neither done nor still open.
  return { total, succeeded, failed, open: total - succeeded - failed - count("CANCELLED") };
}

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

export function toRequestSummary(row: SummaryRow, tasks: TaskProgress, now: Date): z.input<typeof requestSummarySchema> {
  return {
    reference: row.reference,
    type: lower(row.type),
    status: lower(row.status),
    jurisdiction: row.jurisdiction,
    channel: lower(row.channel),
    email: maskEmail(row.email),
    receivedAt: row.receivedAt.toISOString(),
    dueDate: dayOf(row.dueDate) as string,
    daysLeft: daysLeft(row, now),
    assignee: row.assignee?.email ?? null,
    tasks,
  };
}

function toTask(task: DetailRow["tasks"][number]): z.input<typeof connectorTaskSchema> {
  return {
    id: task.id,
    connector: task.connector.key,
    connectorName: task.connector.name,
    action: lower(task.action),
    status: lower(task.status),
    attempts: task.attempts,
    lastError: task.lastError,
    startedAt: task.startedAt?.toISOString() ?? null,
    finishedAt: task.finishedAt?.toISOString() ?? null,
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toRequestDetail(row: DetailRow, now: Date): z.input<typeof requestDetailSchema> {
  const { email: _masked, tasks: _progress, ...summary } = toRequestSummary(row, { total: 0, succeeded: 0, failed: 0, open: 0 }, now);
  const corrections = Array.isArray(row.corrections)
    ? (row.corrections as Array<{ field: string; correctValue: string; currentValue?: string }>)
    : null;
  return {
    ...summary,
    person: {
      email: row.email,
      fullName: row.fullName,
      accountId: row.accountId,
      accountIdConfirmedAt: iso(row.accountIdConfirmedAt),
      country: row.country,
      region: row.region,
      locale: row.locale,
      details: row.details,
      corrections,
    },
    verifiedAt: iso(row.verifiedAt),
    decidedAt: iso(row.decidedAt),
    closedAt: iso(row.closedAt),
    outcome: row.outcome ? lower(row.outcome) : null,
    denialReason: row.denialReason ? lower(row.denialReason) : null,
    purgedAt: iso(row.purgedAt),
    deadline: {
      dueDate: dayOf(row.dueDate) as string,
      acknowledgeBy: dayOf(row.acknowledgeBy),
      extensionNoticeBy: dayOf(row.extensionNoticeBy),
      maxExtendedDueDate: dayOf(row.maxExtendedDueDate),
      extended: row.extended,
      paused: row.clockPaused,
      explanation: Array.isArray(row.deadlineExplanation) ? row.deadlineExplanation.map(String) : [],
    },
    taskProgress: taskProgress(row.tasks.map((task) => ({ status: task.status, count: 1 }))),
    tasks: row.tasks.map(toTask),
  };
}
