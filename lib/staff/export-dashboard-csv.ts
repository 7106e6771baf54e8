// The dashboard as a spreadsheet: the ticked rows, or the whole view (up to MAX_ROWS rows) in its
// order, shown as the table shows them (addresses masked). Every export is recorded in the audit
// log with its size, not its content.
import { can } from "../auth/permissions.ts";
import { actorOf, type StaffPrincipal } from "../auth/staff-principal.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { CSV_BOM, csvRow } from "../fulfilment/package/csv.ts";
import { type DashboardParams, MAX_ROWS } from "./dashboard-params.ts";
import { controllerToday, dashboardListQuery } from "./dashboard-query.ts";
import { type DashboardRowRecord, toDashboardRow } from "./dashboard-row.ts";

const HEADER = [
  "Reference",
  "Right",
  "Jurisdiction",
  "Person",
  "Received",
  "Due date",
  "Days left",
  "Status",
  "Clock paused",
  "Assignee",
  "Tasks done",
  "Tasks total",
  "Tasks failed",
];

export async function exportDashboardCsv(options: {
  params: DashboardParams;
  /** The ticked rows; without them, the whole view. */
  references?: string[];
  principal: StaffPrincipal;
  now?: Date;
}): Promise<{ csv: string; count: number; filename: string }> {
  if (!can(options.principal.role, "requests.read")) {
    throw new AppError("FORBIDDEN", `Your role (${options.principal.role.toLowerCase()}) does not allow this (requests.read).`);
  }
  const now = options.now ?? new Date();
  const context = { today: controllerToday(now), viewerId: options.principal.kind === "user" ? options.principal.userId : null };
  const query = dashboardListQuery({
    params: options.params,
    context,
    limit: MAX_ROWS,
    cursor: undefined,
    references: options.references,
  });
  const rows = (await db().$queryRawUnsafe<DashboardRowRecord[]>(query.text, ...query.values)).map(toDashboardRow);
  await db().$transaction((tx: Tx) =>
    appendAuditEvent(tx, {
      actor: actorOf(options.principal),
      action: "requests.exported",
      data: { count: rows.length, scope: options.references ? "selection" : "view" },
    }),
  );
  const lines = rows.map((row) =>
    csvRow([
      row.reference,
      row.type.toLowerCase(),
      row.jurisdiction,
      row.person,
      row.receivedAt,
      row.dueDate,
      row.daysLeft,
      row.status.toLowerCase(),
      row.clockPaused ? "yes" : "no",
      row.assigneeEmail ?? "",
      row.tasks.done,
      row.tasks.total,
      row.tasks.failed,
    ]),
  );
  return { csv: CSV_BOM + csvRow(HEADER) + lines.join(""), count: rows.length, filename: `requests-${context.today}.csv` };
}
