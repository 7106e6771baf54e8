// What the staff page of one request reads: one timeline of audit events, emails and clock
// events in time order, in words; the deadline; tasks with their full error; messages and notes.
import { describe, expect, it } from "vitest";
import { createIdleConnector, createStaff, fileRequest, nextEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { addRequestNote } from "./add-request-note.ts";
import { askForInformation } from "./ask-for-information.ts";
import { assignRequest } from "./assign-request.ts";
import { getRequestDetails } from "./get-request-details.ts";
import { recordInformationReceived } from "./record-information-received.ts";

runWorkersDuringTests();

describe("getRequestDetails", () => {
  it("merges the audit log, the emails and the clock events in time order, with human labels", async () => {
    const agent = await createStaff("AGENT");
    const actor = { type: "STAFF" as const, id: agent.id };
    const { email, reference, id } = await fileRequest({ country: "FR" });
    await assignRequest({ reference, assigneeEmail: agent.email, actor });
    await askForInformation({ reference, input: { message: "Which shop did you buy from?", kind: "clarification" }, actor });
    await nextEmail(email, (m) => m.text.includes("Which shop"));
    await recordInformationReceived({ reference, actor });
    await addRequestNote({ reference, body: "She bought in Lyon.", actor });

    const details = await getRequestDetails(reference);
    expect((await getRequestDetails(id)).request.reference).toBe(reference);
    const labels = details.timeline.map((entry) => entry.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Request received",
        "Email address verified",
        `Assigned to ${agent.email}`,
        "Asked the person for clarification; clock paused",
        "Clock paused",
        "Clock resumed",
        "Internal note added",
      ]),
    );
    expect(labels.some((label) => /^Email (sent|queued): .*request/i.test(label))).toBe(true);
    // Clock changes appear once, from their own rows, not again from the audit log.
    expect(details.timeline.filter((entry) => entry.record?.action.startsWith("clock."))).toEqual([]);
    const times = details.timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(details.timeline.find((entry) => entry.label.startsWith("Assigned"))?.actor).toBe(agent.email);
    expect(details.timeline.find((entry) => entry.label === "Email address verified")?.actor).toBe("the person");

    expect(details.request).toMatchObject({ status: "VERIFIED", assignee: { id: agent.id, email: agent.email } });
    expect(details.person).toMatchObject({ email, country: "FR", locale: "en", corrections: [] });
    expect(details.deadline).toMatchObject({ jurisdiction: "EU_GDPR", paused: false, extended: false });
    expect(details.deadline.explanation.join(" ")).toMatch(/Art\. 12\(3\)/);
    expect(details.deadline.daysLeft).toBeGreaterThan(20);
    expect(details.messages.map((m) => [m.direction, m.body])).toEqual([["TO_SUBJECT", "Which shop did you buy from?"]]);
    expect(details.notes).toMatchObject([{ body: "She bought in Lyon.", author: agent.email }]);
    expect(details.actions.approve).toBe(true);
    expect(details.assignees).toContain(agent.email);
  });

  it("shows each task with its full last error, and offers a retry only for the failed one", async () => {
    const { reference, id } = await fileRequest();
    const [failing, waiting] = [await createIdleConnector(), await createIdleConnector()];
    await db().dsarRequest.update({ where: { id }, data: { status: "IN_PROGRESS" } });
    const error = "connect ECONNREFUSED 10.0.0.7:5432 while reading table customers for person@example.test";
    await db().connectorTask.createMany({
      data: [
        { requestId: id, connectorId: failing.id, action: "ACCESS", status: "FAILED", attempts: 5, lastError: error },
        { requestId: id, connectorId: waiting.id, action: "ACCESS", status: "AWAITING_STAFF", attempts: 1 },
      ],
    });
    const details = await getRequestDetails(reference);
    const failed = details.tasks.find((task) => task.status === "FAILED");
    expect(failed).toMatchObject({ lastError: error, attempts: 5, connectorType: "manual" });
    expect(details.tasks.filter((task) => details.actions.retryTask(task))).toHaveLength(1);
    expect(details.tasks.filter((task) => details.actions.completeTask(task))).toHaveLength(1);
    expect(details.actions.close).toBe(true);
    expect(details.actions.denyReasons).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown id or reference", async () => {
    await expect(getRequestDetails("DSR-NONE-NONE")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRequestDetails("00000000-0000-4000-8000-00000000dead")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
