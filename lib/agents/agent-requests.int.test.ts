// A request filed by an authorized agent on the portal's form, end to end on the services: the
// permission is stored encrypted with its own key, the person confirms directly with us, both are
// emailed, staff open the permission (audited without personal data), record its check, deny for
// want of authority (both emailed), and the retention purge deletes the file and the agent's details.
import { randomBytes } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { codeIn } from "../../tests/support/mailbox.ts";
import { createStaff, nextEmail, uniqueEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { approveRequest } from "../requests/approve-request.ts";
import { createSubmission } from "../requests/create-submission.ts";
import { denyRequest } from "../requests/deny-request.ts";
import { resendVerification } from "../requests/resend-verification.ts";
import { verifyByCode } from "../requests/verify-by-code.ts";
import { runRetentionPurge } from "../retention/run-retention-purge.ts";
import { openAgentPermission } from "./open-agent-permission.ts";
import { recordAgentPermissionCheck } from "./record-agent-permission-check.ts";

runWorkersDuringTests();

const DAY = 86_400_000;
const marker = `Permission${randomBytes(4).toString("hex")}`;
const pdf = Buffer.from(`%PDF-1.4\n% I, Ana Roy, authorise Ada Agent to act for me. ${marker}\n%%EOF\n`, "latin1");

async function fileByAgent(options: { locale?: "en" | "fr"; types?: Array<"access" | "erasure">; permission?: Buffer } = {}) {
  const person = uniqueEmail("person");
  const agentEmail = uniqueEmail("agent");
  const created = await createSubmission({
    input: {
      types: options.types ?? ["access"],
      email: person,
      country: "US",
      region: "CA",
      locale: options.locale ?? "fr",
      agent: { name: "Ada Agent", email: agentEmail, organisation: "Privacy Helpers" },
    },
    agentPermission: options.permission ?? pdf,
    channel: "WEB",
  });
  return { person, agentEmail, created, reference: created.requests[0].reference };
}

describe("a request filed by an authorized agent", () => {
  it("stores the permission encrypted with a key of its own per request, and the agent's details", async () => {
    const { created } = await fileByAgent({ types: ["access", "erasure"] });
    const rows = await db().agentAuthorization.findMany({ where: { requestId: { in: created.requests.map((r) => r.id) } } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.permissionPath)).size).toBe(2);
    expect(new Set(rows.map((row) => row.permissionKeyWrapped)).size).toBe(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        agentName: "Ada Agent",
        agentOrganisation: "Privacy Helpers",
        permissionType: "application/pdf",
        permissionBytes: pdf.length,
        checkStatus: "NOT_CHECKED",
      });
      const stored = await readFile(row.permissionPath as string);
      expect(stored.includes(Buffer.from(marker))).toBe(false);
      expect(stored.includes(Buffer.from("%PDF"))).toBe(false);
    }
  });

  it("asks the person, not the agent, to confirm; tells the person who filed and the agent that the person must confirm", async () => {
    const { person, agentEmail, reference } = await fileByAgent({ locale: "fr" });
    const toPerson = await nextEmail(person, (m) => m.text.includes(reference));
    expect(toPerson.text).toContain("Ada Agent, de Privacy Helpers, nous a indiqué");
    expect(toPerson.text).toContain("Si vous n’avez pas autorisé cette personne, ne confirmez pas");
    const toAgent = await nextEmail(agentEmail, (m) => m.text.includes(reference));
    expect(toAgent.subject).toMatch(/a reçu la demande que vous avez faite pour quelqu’un/);
    expect(toAgent.text).toContain("Elle doit nous confirmer la demande elle-même");
    expect(toAgent.text).not.toMatch(/\b\d{6}\b/);
    expect(toAgent.text).not.toMatch(/\/(verify|status)\//);
    await resendVerification(reference);
    const resent = await nextEmail(person, (m) => m.id !== toPerson.id && m.text.includes(reference));
    expect(resent.text).toContain("Ada Agent, de Privacy Helpers, nous a indiqué");
    const verified = await verifyByCode(reference, codeIn(resent));
    expect(verified.references).toEqual([reference]);
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("VERIFIED");
    const submitted = await db().auditEvent.findFirstOrThrow({ where: { request: { reference }, action: "request.submitted" } });
    expect(submitted.data).toMatchObject({ filedByAgent: true });
  });

  it("refuses a permission that is not a PDF, PNG or JPEG whatever it is called, and stores nothing", async () => {
    const before = await db().agentAuthorization.count();
    await expect(fileByAgent({ permission: Buffer.from("<html><script>alert(1)</script></html>") })).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    await expect(fileByAgent({ permission: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(await db().agentAuthorization.count()).toBe(before);
  });

  it("lets staff open the permission decrypted, audited without personal data, and record its check", async () => {
    const { reference } = await fileByAgent();
    const staff = await createStaff("AGENT");
    const opened = await openAgentPermission({ request: { reference }, actor: { type: "STAFF", id: staff.id } });
    expect(opened).toMatchObject({ type: "application/pdf", bytes: pdf.length, fileName: `permission-${reference}.pdf` });
    expect(await text(opened.content)).toBe(pdf.toString("latin1"));
    const event = await db().auditEvent.findFirstOrThrow({ where: { request: { reference }, action: "request.agent-permission-opened" } });
    expect(JSON.stringify(event.data)).not.toMatch(/Ada|Privacy Helpers|example\.test|Permission/);
    await recordAgentPermissionCheck({ reference, outcome: "NOT_VALID", actor: { type: "STAFF", id: staff.id } });
    const row = await db().agentAuthorization.findFirstOrThrow({ where: { request: { reference } } });
    expect(row).toMatchObject({ checkStatus: "NOT_VALID", checkedById: staff.id });
    expect(row.checkedAt).toBeInstanceOf(Date);
  });

  it("is approved only once staff found the signed permission valid", async () => {
    const { person, reference } = await fileByAgent({ locale: "en" });
    await verifyByCode(reference, codeIn(await nextEmail(person, (m) => m.text.includes(reference))));
    const staff = await createStaff("AGENT");
    const actor = { type: "STAFF" as const, id: staff.id };
    await expect(approveRequest({ reference, actor })).rejects.toMatchObject({
      code: "INVALID_STATE",
      text: { key: "staffRequest.errors.agentPermissionUnchecked" },
    });
    await recordAgentPermissionCheck({ reference, outcome: "NOT_VALID", actor });
    await expect(approveRequest({ reference, actor })).rejects.toMatchObject({
      text: { key: "staffRequest.errors.agentPermissionNotValid" },
    });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("VERIFIED");
    await recordAgentPermissionCheck({ reference, outcome: "VALID", actor });
    await expect(approveRequest({ reference, actor })).resolves.toMatchObject({ reference });
  });

  it("denies for want of authority with an email to the person and one to the agent, in the request's language", async () => {
    const { person, agentEmail, reference } = await fileByAgent({ locale: "en" });
    await verifyByCode(reference, codeIn(await nextEmail(person, (m) => m.text.includes(reference))));
    const staff = await createStaff("AGENT");
    await denyRequest({
      reference,
      reason: "AGENT_AUTHORITY_NOT_SHOWN",
      message: "The form is not signed.",
      actor: { type: "STAFF", id: staff.id },
    });
    const toPerson = await nextEmail(person, (m) => m.subject.includes("cannot act on your request"));
    expect(toPerson.text).toContain("Someone filed this request on your behalf");
    const toAgent = await nextEmail(agentEmail, (m) => m.subject.includes(`cannot act on the request ${reference} you filed`));
    expect(toAgent.text).toContain("The form is not signed.");
    expect(toAgent.text).not.toMatch(/\/status\//);
  });

  it("refuses 'agent authority not shown' on a request the person filed themselves", async () => {
    const created = await createSubmission({ input: { types: ["access"], email: uniqueEmail(), country: "FR" }, channel: "WEB" });
    const staff = await createStaff("AGENT");
    await db().dsarRequest.update({ where: { id: created.requests[0].id }, data: { status: "VERIFIED" } });
    await expect(
      denyRequest({
        reference: created.requests[0].reference,
        reason: "AGENT_AUTHORITY_NOT_SHOWN",
        actor: { type: "STAFF", id: staff.id },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is purged with the request's personal data: the file deleted, the agent's details gone, the check kept", async () => {
    const { person, reference } = await fileByAgent();
    await verifyByCode(reference, codeIn(await nextEmail(person, (m) => m.text.includes(reference))));
    const staff = await createStaff("AGENT");
    await recordAgentPermissionCheck({ reference, outcome: "NOT_VALID", actor: { type: "STAFF", id: staff.id } });
    await denyRequest({ reference, reason: "AGENT_AUTHORITY_NOT_SHOWN", actor: { type: "STAFF", id: staff.id } });
    const before = await db().agentAuthorization.findFirstOrThrow({ where: { request: { reference } } });
    const now = new Date();
    await db().dsarRequest.update({ where: { reference }, data: { closedAt: new Date(now.getTime() - 800 * DAY) } });
    await runRetentionPurge({ now });
    const after = await db().agentAuthorization.findFirstOrThrow({ where: { request: { reference } } });
    expect(after).toMatchObject({
      agentName: null,
      agentEmail: null,
      agentOrganisation: null,
      permissionPath: null,
      permissionKeyWrapped: null,
      permissionSha256: null,
      checkStatus: "NOT_VALID",
      permissionType: "application/pdf",
    });
    await expect(access(before.permissionPath as string)).rejects.toMatchObject({ code: "ENOENT" });
    const tombstone = await db().auditEvent.findFirstOrThrow({ where: { request: { reference }, action: "request.personal-data-purged" } });
    expect(tombstone.data).toMatchObject({ agents: 1 });
    await expect(openAgentPermission({ request: { reference }, actor: { type: "STAFF", id: staff.id } })).rejects.toMatchObject({
      code: "GONE",
    });
  });
});
