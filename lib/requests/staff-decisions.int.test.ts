// Assigning a request, internal notes, and closing a request by hand.
import { describe, expect, it } from "vitest";
import { createIdleConnector, createStaff, fileRequest, nextEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { addRequestNote } from "./add-request-note.ts";
import { assignRequest } from "./assign-request.ts";
import { closeRequest } from "./close-request.ts";
import { denyRequest } from "./deny-request.ts";

runWorkersDuringTests();

async function inProgressWithTask(status: "FAILED" | "PENDING" | "RUNNING" | "AWAITING_STAFF", filing = {}) {
  const filed = await fileRequest(filing);
  const connector = await createIdleConnector();
  await db().dsarRequest.update({ where: { id: filed.id }, data: { status: "IN_PROGRESS" } });
  await db().connectorTask.create({ data: { requestId: filed.id, connectorId: connector.id, action: "ACCESS", status } });
  return filed;
}

describe("assigning a request", () => {
  it("assigns to an active agent, reassigns, unassigns, and audits each change with ids only", async () => {
    const [admin, agent, other] = [await createStaff("ADMIN"), await createStaff("AGENT"), await createStaff("ADMIN")];
    const actor = { type: "STAFF" as const, id: admin.id };
    const { reference, id } = await fileRequest();
    expect(await assignRequest({ reference, assigneeEmail: agent.email.toUpperCase(), actor })).toMatchObject({
      assigneeId: agent.id,
      changed: true,
    });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(agent.id);
    // The same assignee again changes nothing and writes nothing.
    expect(await assignRequest({ reference, assigneeEmail: agent.email, actor })).toMatchObject({ changed: false });
    await assignRequest({ reference, assigneeEmail: other.email, actor });
    await assignRequest({ reference, assigneeEmail: null, actor });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
    const audit = await db().auditEvent.findMany({ where: { requestId: id, action: "request.assigned" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.data)).toEqual([
      { assigneeId: agent.id, previousAssigneeId: null },
      { assigneeId: other.id, previousAssigneeId: agent.id },
      { assigneeId: null, previousAssigneeId: other.id },
    ]);
  });

  it("tells the new assignee by email, unless they took the request themselves", async () => {
    const [admin, agent] = [await createStaff("ADMIN"), await createStaff("AGENT")];
    const { reference, id } = await fileRequest();
    await assignRequest({ reference, assigneeEmail: agent.email, actor: { type: "STAFF", id: admin.id } });
    const email = await nextEmail(agent.email, (m) => m.subject.includes(reference));
    expect(email.subject).toBe(`[Example Company] ${reference} is assigned to you`);
    expect(email.text).toContain(`${admin.email} assigned this request to you.`);
    expect(email.text).toContain(`/staff/requests/${id}`);
    const row = await db().emailMessage.findFirstOrThrow({ where: { requestId: id, template: "staff-request-assigned" } });
    expect(row.staffUserId).toBe(agent.id);

    const { reference: taken, id: takenId } = await fileRequest();
    await assignRequest({ reference: taken, assigneeEmail: agent.email, actor: { type: "STAFF", id: agent.id } });
    expect(await db().emailMessage.count({ where: { requestId: takenId, template: "staff-request-assigned" } })).toBe(0);
  });

  it("refuses an auditor, a disabled account, an unknown address and a closed request, naming the problem", async () => {
    const actor = { type: "STAFF" as const, id: (await createStaff("ADMIN")).id };
    const auditor = await createStaff("AUDITOR");
    const disabled = await createStaff("AGENT", { disabled: true });
    const { reference, id } = await fileRequest();
    await expect(assignRequest({ reference, assigneeEmail: auditor.email, actor })).rejects.toThrow(
      `${auditor.email} is an auditor; only agents and admins can be assigned requests.`,
    );
    await expect(assignRequest({ reference, assigneeEmail: disabled.email, actor })).rejects.toThrow(/is disabled/);
    await expect(assignRequest({ reference, assigneeEmail: "nobody@example.test", actor })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No staff account has the email nobody@example.test.",
    });
    await expect(assignRequest({ reference, assigneeEmail: "not an email", actor })).rejects.toThrow(/assignee's email/);
    expect(await db().auditEvent.count({ where: { requestId: id, action: "request.assigned" } })).toBe(0);
    await denyRequest({ reference, reason: "NO_DATA_HELD", actor });
    const agent = await createStaff("AGENT");
    await expect(assignRequest({ reference, assigneeEmail: agent.email, actor })).rejects.toThrow(/is closed \(denied\)/);
  });
});

describe("internal notes", () => {
  it("keeps the note on the request and only its id in the audit log", async () => {
    const author = await createStaff("AGENT");
    const { reference, id } = await fileRequest();
    const body = "Called the customer: the old account was under her maiden name.";
    const { noteId } = await addRequestNote({ reference, body, actor: { type: "STAFF", id: author.id } });
    const note = await db().requestNote.findUniqueOrThrow({ where: { id: noteId } });
    expect(note).toMatchObject({ requestId: id, authorId: author.id, body });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.note-added" } });
    expect(audit.data).toEqual({ noteId });
  });

  it("refuses an empty note and a note from an API key", async () => {
    const author = await createStaff("AGENT");
    const { reference } = await fileRequest();
    await expect(addRequestNote({ reference, body: "   ", actor: { type: "STAFF", id: author.id } })).rejects.toThrow(/Write the note/);
    await expect(addRequestNote({ reference, body: "From a script", actor: { type: "API_KEY", id: author.id } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("closing a request by hand", () => {
  const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000002" };

  it("completes a request whose failed task was done by hand, and tells the person", async () => {
    const { email, reference, id } = await inProgressWithTask("FAILED");
    const now = new Date("2030-02-01T09:00:00Z");
    expect(await closeRequest({ reference, outcome: "FULFILLED", actor: staff, now })).toEqual({
      reference,
      status: "COMPLETED",
      outcome: "FULFILLED",
    });
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "COMPLETED", outcome: "FULFILLED", closedAt: now });
    const audit = await db().auditEvent.findMany({ where: { requestId: id, action: "request.closed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toEqual({ outcome: "FULFILLED", from: "IN_PROGRESS", unfinishedTasks: 1, cancelledTasks: 0, messageLength: 0 });
    const sent = await nextEmail(email, (m) => m.subject.includes("has completed your request"));
    expect(sent.text).toContain(reference);
    expect(sent.text).not.toContain("If you disagree");
  });

  it("explains a partial answer in French with the remedies, and requires the explanation", async () => {
    const { email, reference, id } = await inProgressWithTask("AWAITING_STAFF", { locale: "fr", country: "BE" });
    await expect(closeRequest({ reference, outcome: "PARTIALLY_FULFILLED", actor: staff })).rejects.toThrow(/what was not done/);
    const message = "Les enregistrements téléphoniques de 2019 ont été détruits avant votre demande.";
    await closeRequest({ reference, outcome: "PARTIALLY_FULFILLED", message, actor: staff });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id } })).outcome).toBe("PARTIALLY_FULFILLED");
    // Closing settles the task staff were to do: it is cancelled, nobody is asked for it any more.
    expect((await db().connectorTask.findFirstOrThrow({ where: { requestId: id } })).status).toBe("CANCELLED");
    const outbox = await db().emailMessage.findFirstOrThrow({ where: { requestId: id, template: "request-closed" } });
    expect(outbox.locale).toBe("fr");
    const sent = await nextEmail(email, (m) => m.subject.includes("a répondu en partie"));
    expect(sent.text).toContain(message);
    expect(sent.text).toContain("Autorité de protection des données");
    expect(sent.text).toContain("réclamation");
  });

  it("refuses while a task is queued or running, and before approval", async () => {
    for (const status of ["PENDING", "RUNNING"] as const) {
      const { reference } = await inProgressWithTask(status);
      await expect(closeRequest({ reference, outcome: "FULFILLED", actor: staff })).rejects.toThrow(/still queued or running/);
    }
    const verified = await fileRequest();
    await expect(closeRequest({ reference: verified.reference, outcome: "FULFILLED", actor: staff })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: `Only an approved request can be closed by hand; ${verified.reference} is verified.`,
    });
    await expect(closeRequest({ reference: verified.reference, outcome: "DENIED" as never, actor: staff })).rejects.toThrow(
      /FULFILLED or PARTIALLY_FULFILLED/,
    );
  });
});
