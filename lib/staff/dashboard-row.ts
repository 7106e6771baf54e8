// A row of the dashboard as the list query returns it, and as the table and the CSV export show it:
// the person's address masked, dates as text, days left only while the request is open.
import type { RequestStatus, RequestType } from "../generated/prisma/enums.ts";
import { isOpen } from "../requests/request-status.ts";
import { maskEmail } from "./mask-email.ts";

/** The columns dashboardListQuery selects. */
export type DashboardRowRecord = {
  id: string;
  reference: string;
  type: string;
  jurisdiction: string;
  email: string | null;
  purged: boolean;
  receivedAt: Date;
  dueDate: string;
  daysLeft: number;
  status: string;
  clockPaused: boolean;
  assigneeEmail: string | null;
  tasksTotal: number;
  tasksDone: number;
  tasksFailed: number;
};

export type DashboardRow = {
  id: string;
  reference: string;
  type: RequestType;
  jurisdiction: string;
  /** The person's address, masked; "(removed)" once the retention purge erased it. */
  person: string;
  /** ISO instant. */
  receivedAt: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Days from today to the due date (negative when overdue); null once the request is closed. */
  daysLeft: number | null;
  status: RequestStatus;
  clockPaused: boolean;
  assigneeEmail: string | null;
  tasks: { total: number; done: number; failed: number };
};

export function toDashboardRow(record: DashboardRowRecord): DashboardRow {
  return {
    id: record.id,
    reference: record.reference,
    type: record.type as RequestType,
    jurisdiction: record.jurisdiction,
    person: record.purged || record.email === null ? "(removed)" : maskEmail(record.email),
    receivedAt: record.receivedAt.toISOString(),
    dueDate: record.dueDate,
    daysLeft: !isOpen(record.status as RequestStatus) ? null : Number(record.daysLeft),
    status: record.status as RequestStatus,
    clockPaused: record.clockPaused,
    assigneeEmail: record.assigneeEmail,
    tasks: { total: Number(record.tasksTotal), done: Number(record.tasksDone), failed: Number(record.tasksFailed) },
  };
}
