// Bulk decisions and the CSV export from the dashboard, against the real database: each request
// goes through its own service, refusals are reported per row, an auditor is refused outright,
// and every export leaves one audit event.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createStaff } from "../../tests/support/staff-requests.ts";
import type { StaffPrincipal } from "../auth/staff-principal.ts";
import { db } from "../db.ts";
import type { StaffRole } from "../generated/prisma/enums.ts";
import { insertRequest, uniquePrefix } from "./dashboard-fixtures.test-support.ts";
import { parseDashboardParams } from "./dashboard-params.ts";
import { controllerToday } from "./dashboard-query.ts";
import { exportDashboardCsv } from "./export-dashboard-csv.ts";
import { runBulkAction } from "./run-bulk-action.ts";

// A fixed instant (10:00 in Paris), given to every service that reads the clock: a run crossing
// midnight no longer sees two different "today"s.
const now = new Date("2026-06-10T08:00:00Z");
const today = controllerToday(now);

async function principal(role: StaffRole): Promise<StaffPrincipal> {
  const user = await createStaff(role);
  return { kind: "user", userId: user.id, email: user.email, role, sessionId: randomUUID() };
}

async function requests(prefix: string, statuses: Array<"VERIFIED" | "SUBMITTED" | "DENIED" | "COMPLETED" | "IN_PROGRESS">) {
  const made = [];
  for (const [i, status] of statuses.entries()) {
    made.push(await insertRequest(today, { email: `${prefix}.${i}@example.test`, status, dueInDays: i + 1 }));
  }
  return made;
}

const statusOf = async (reference: string) => (await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status;

describe("bulk approval", () => {
  it("approves each verified request through its own service and says which were refused and why", async () => {
    const agent = await principal("AGENT");
    const [first, second, denied] = await requests(uniquePrefix(), ["VERIFIED", "VERIFIED", "DENIED"]);
    const result = await runBulkAction({
      input: { action: "approve", references: [first.reference, second.reference.toLowerCase(), denied.reference, first.reference] },
      principal: agent,
    });
    expect(result).toMatchObject({ action: "approve", done: [first.reference, second.reference], unchanged: [] });
    expect(result.refused).toEqual([{ reference: denied.reference, message: expect.stringContaining(`${denied.reference} is denied`) }]);
    expect(result.summary).toBe(`2 approved, 1 refused: ${result.refused[0].message}`);
    expect([await statusOf(first.reference), await statusOf(second.reference), await statusOf(denied.reference)]).toEqual([
      "IN_PROGRESS",
      "IN_PROGRESS",
      "DENIED",
    ]);
    const audit = await db().auditEvent.findMany({ where: { requestId: { in: [first.id, second.id] }, action: "request.approved" } });
    expect(audit.map((event) => event.actorId)).toEqual([
      agent.kind === "user" ? agent.userId : "",
      agent.kind === "user" ? agent.userId : "",
    ]);
  });

  it("refuses an auditor before touching any request", async () => {
    const auditor = await principal("AUDITOR");
    const [verified] = await requests(uniquePrefix(), ["VERIFIED"]);
    for (const input of [
      { action: "approve", references: [verified.reference] },
      { action: "deny", references: [verified.reference], reason: "NO_DATA_HELD" },
      { action: "assign", references: [verified.reference], assigneeEmail: "" },
    ]) {
      await expect(runBulkAction({ input, principal: auditor })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("auditor"),
      });
    }
    expect(await statusOf(verified.reference)).toBe("VERIFIED");
    expect(await db().auditEvent.count({ where: { requestId: verified.id } })).toBe(0);
  });

  it("asks for a selection and for real references", async () => {
    const agent = await principal("AGENT");
    await expect(runBulkAction({ input: { action: "approve", references: [] }, principal: agent })).rejects.toThrow(
      /Select at least one request/,
    );
    await expect(runBulkAction({ input: { action: "approve", references: ["DSR-1"] }, principal: agent })).rejects.toThrow(
      /not a request reference/,
    );
    await expect(runBulkAction({ input: { action: "archive", references: ["DSR-AAAA-BBBB"] }, principal: agent })).rejects.toThrow();
  });
});

describe("bulk denial", () => {
  it("denies with one reason and message, each person emailed, and refuses what cannot be denied", async () => {
    const admin = await principal("ADMIN");
    const [verified, submitted, completed] = await requests(uniquePrefix(), ["VERIFIED", "SUBMITTED", "COMPLETED"]);
    const result = await runBulkAction({
      input: {
        action: "deny",
        references: [verified.reference, submitted.reference, completed.reference],
        reason: "NO_DATA_HELD",
        message: "We hold no data about this address.",
      },
      principal: admin,
    });
    expect(result.done).toEqual([verified.reference]);
    expect(result.refused.map((row) => row.reference)).toEqual([submitted.reference, completed.reference]);
    expect(result.refused[0].message).toMatch(/IDENTITY_NOT_VERIFIED/);
    expect(result.summary).toMatch(/^1 denied, 2 refused: /);
    const denied = await db().dsarRequest.findUniqueOrThrow({ where: { id: verified.id } });
    expect(denied).toMatchObject({ status: "DENIED", denialReason: "NO_DATA_HELD", denialMessage: "We hold no data about this address." });
    expect(await db().emailMessage.count({ where: { requestId: verified.id, template: "request-denied" } })).toBe(1);
  });

  it("refuses OTHER without an explanation before any request changes", async () => {
    const admin = await principal("ADMIN");
    const [verified] = await requests(uniquePrefix(), ["VERIFIED"]);
    await expect(
      runBulkAction({ input: { action: "deny", references: [verified.reference], reason: "OTHER" }, principal: admin }),
    ).rejects.toThrow(/explain the refusal/);
    expect(await statusOf(verified.reference)).toBe("VERIFIED");
  });
});

describe("bulk assignment", () => {
  it("assigns, reports what was already so, refuses closed requests and auditors, and unassigns", async () => {
    const agent = await principal("AGENT");
    const colleague = await createStaff("AGENT");
    const auditor = await createStaff("AUDITOR");
    const [open, other, closed] = await requests(uniquePrefix(), ["VERIFIED", "IN_PROGRESS", "COMPLETED"]);
    const refs = [open.reference, other.reference, closed.reference];
    const assigned = await runBulkAction({
      input: { action: "assign", references: refs, assigneeEmail: colleague.email },
      principal: agent,
    });
    expect(assigned).toMatchObject({ done: [open.reference, other.reference], unchanged: [] });
    expect(assigned.refused).toEqual([{ reference: closed.reference, message: expect.stringContaining("closed") }]);
    const again = await runBulkAction({
      input: { action: "assign", references: [open.reference], assigneeEmail: colleague.email },
      principal: agent,
    });
    expect(again.summary).toBe("0 assigned, 1 unchanged");
    const toAuditor = await runBulkAction({
      input: { action: "assign", references: [open.reference], assigneeEmail: auditor.email },
      principal: agent,
    });
    expect(toAuditor.refused[0].message).toMatch(/is an auditor/);
    const unassigned = await runBulkAction({
      input: { action: "assign", references: refs.slice(0, 2), assigneeEmail: "" },
      principal: agent,
    });
    expect(unassigned.summary).toBe("2 unassigned");
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id: open.id } })).assigneeId).toBeNull();
  });
});

describe("CSV export", () => {
  it("exports the view as the table shows it, masked, and audits the export with its size only", async () => {
    const auditor = await principal("AUDITOR");
    const prefix = uniquePrefix();
    const made = await requests(prefix, ["VERIFIED", "IN_PROGRESS", "COMPLETED"]);
    const { params } = parseDashboardParams({ q: prefix });
    const before = await db().auditEvent.count({ where: { action: "requests.exported" } });
    const { csv, count, filename } = await exportDashboardCsv({ params, principal: auditor, now });
    expect(count).toBe(2);
    expect(filename).toBe(`requests-${today}.csv`);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Reference,Right,Jurisdiction,Person,Received,Due date,Days left,Status,Clock paused,Assignee,Tasks done,Tasks total,Tasks failed",
    );
    expect(lines.slice(1, 3).map((line) => line.split(",")[0])).toEqual([made[0].reference, made[1].reference]);
    expect(lines[1]).toContain(",d***@example.test,");
    expect(csv).not.toContain(prefix);
    expect(lines.at(-1)).toBe("");
    const events = await db().auditEvent.findMany({ where: { action: "requests.exported" }, orderBy: { id: "desc" }, take: 1 });
    expect(await db().auditEvent.count({ where: { action: "requests.exported" } })).toBe(before + 1);
    expect(events[0]).toMatchObject({
      requestId: null,
      actorType: "STAFF",
      actorId: auditor.kind === "user" ? auditor.userId : "",
      data: { count: 2, scope: "view" },
    });
  });

  it("exports exactly the ticked rows, whatever the view's filters", async () => {
    const agent = await principal("AGENT");
    const made = await requests(uniquePrefix(), ["COMPLETED", "VERIFIED"]);
    const { params } = parseDashboardParams({});
    const { csv, count } = await exportDashboardCsv({ params, references: [made[0].reference], principal: agent, now });
    expect(count).toBe(1);
    expect(csv).toContain(`${made[0].reference},access,EU_GDPR,`);
    expect(csv).not.toContain(made[1].reference);
  });
});
