// Staff confirm that the account number a person typed is theirs: only between verification and
// approval, audited without the number, by a staff member on the page or an integration's API key;
// connectors are given it only then (lib/fulfilment/connector-subject.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { POST as confirmRoute } from "../../app/api/v1/requests/[reference]/confirm-account-id/route.ts";
import { GET as getRequest } from "../../app/api/v1/requests/[reference]/route.ts";
import { confirmAccountIdResultSchema, requestDetailSchema } from "../../lib/api/staff-api-responses.schema.ts";
import { createApiKey } from "../../lib/auth/create-api-key.ts";
import { db } from "../../lib/db.ts";
import { connectorSubject } from "../../lib/fulfilment/connector-subject.ts";
import { confirmAccountId } from "../../lib/requests/confirm-account-id.ts";
import { getAs, postAs, storeRequest } from "../support/staff-api-calls.ts";
import { createStaff } from "../support/staff-requests.ts";

const keys = { agent: "", auditor: "" };
let agentKeyId = "";

beforeAll(async () => {
  const agent = await createApiKey({ name: "Ticketing", role: "agent" });
  agentKeyId = agent.id;
  keys.agent = agent.key;
  keys.auditor = (await createApiKey({ name: "Audit firm", role: "auditor" })).key;
});

describe("confirmAccountId", () => {
  it("confirms a verified request's account number, names who did, and logs the fact without the number", async () => {
    const request = await storeRequest({ accountId: "C-7731" });
    const agent = await createStaff("AGENT");
    expect(connectorSubject(request)).toEqual({ email: request.email });

    const result = await confirmAccountId({ reference: request.reference, confirmed: true, actor: { type: "STAFF", id: agent.id } });
    expect(result).toMatchObject({ confirmed: true, changed: true });
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ accountIdConfirmedById: agent.id, accountIdConfirmedByKeyId: null });
    expect(stored.accountIdConfirmedAt).toBeInstanceOf(Date);
    expect(connectorSubject(stored)).toEqual({ email: request.email, accountId: "C-7731" });

    const events = await db().auditEvent.findMany({ where: { requestId: request.id, action: { startsWith: "request.account-id" } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "request.account-id-confirmed", actorType: "STAFF", actorId: agent.id });
    expect(JSON.stringify(events[0].data)).not.toContain("C-7731");

    // Again: nothing changes and nothing more is logged. Taken back: connectors lose it.
    expect(await confirmAccountId({ reference: request.reference, confirmed: true, actor: { type: "STAFF", id: agent.id } })).toMatchObject(
      {
        changed: false,
      },
    );
    await confirmAccountId({ reference: request.reference, confirmed: false, actor: { type: "STAFF", id: agent.id } });
    const back = await db().dsarRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(back).toMatchObject({ accountIdConfirmedAt: null, accountIdConfirmedById: null });
    expect(connectorSubject(back)).toEqual({ email: request.email });
    expect(await db().auditEvent.count({ where: { requestId: request.id, action: { startsWith: "request.account-id" } } })).toBe(2);
  });

  it("is allowed while the request waits for the person, and refused before verification and from approval on", async () => {
    const actor = { type: "SYSTEM" as const, id: "test" };
    const staff = await createStaff("AGENT");
    const waiting = await storeRequest({ status: "AWAITING_SUBJECT", accountId: "C-1" });
    await expect(
      confirmAccountId({ reference: waiting.reference, confirmed: true, actor: { type: "STAFF", id: staff.id } }),
    ).resolves.toMatchObject({ changed: true });
    for (const status of ["SUBMITTED", "APPROVED", "IN_PROGRESS", "COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED"] as const) {
      const request = await storeRequest({ status, accountId: "C-2" });
      await expect(confirmAccountId({ reference: request.reference, confirmed: true, actor }), status).rejects.toMatchObject({
        code: "INVALID_STATE",
        message: expect.stringContaining("only between verification and approval"),
      });
    }
    const none = await storeRequest();
    await expect(confirmAccountId({ reference: none.reference, confirmed: true, actor })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("gave no account number"),
    });
    await expect(confirmAccountId({ reference: "DSR-0000-0000", confirmed: true, actor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A confirmation must be signed by someone: not by the system.
    const unsigned = await storeRequest({ accountId: "C-3" });
    await expect(confirmAccountId({ reference: unsigned.reference, confirmed: true, actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("POST /api/v1/requests/{reference}/confirm-account-id", () => {
  it("lets an agent key confirm (no body means true), signed by the key, and shows it on the request", async () => {
    const request = await storeRequest({ accountId: "C-9001" });
    const response = await postAs(confirmRoute, keys.agent, request.reference);
    expect(response.status).toBe(200);
    const body = confirmAccountIdResultSchema.parse(await response.json());
    expect(body).toMatchObject({ reference: request.reference, status: "verified", accountIdConfirmed: true, changed: true });
    const stored = await db().dsarRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ accountIdConfirmedByKeyId: agentKeyId, accountIdConfirmedById: null });

    const detail = requestDetailSchema.parse(
      await (await getAs(getRequest, keys.agent, `/requests/${request.reference}`, request.reference)).json(),
    );
    expect(detail.person).toMatchObject({ accountId: "C-9001", accountIdConfirmedAt: stored.accountIdConfirmedAt?.toISOString() });

    const back = await postAs(confirmRoute, keys.agent, request.reference, { confirmed: false });
    expect(confirmAccountIdResultSchema.parse(await back.json())).toMatchObject({ accountIdConfirmed: false, changed: true });
  });

  it("refuses an auditor key (403), a wrong body (400) and an approved request (409), changing nothing", async () => {
    const request = await storeRequest({ accountId: "C-4242" });
    expect((await postAs(confirmRoute, keys.auditor, request.reference, { confirmed: true })).status).toBe(403);
    const wrong = await postAs(confirmRoute, keys.agent, request.reference, { confirmed: "yes", accountId: "C-1" });
    expect(wrong.status).toBe(400);
    const paths = ((await wrong.json()) as { error: { issues: Array<{ path: string }> } }).error.issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(["accountId", "confirmed"]);
    const approved = await storeRequest({ status: "APPROVED", accountId: "C-4243" });
    const late = await postAs(confirmRoute, keys.agent, approved.reference, { confirmed: true });
    expect(late.status).toBe(409);
    const stored = await db().dsarRequest.findMany({ where: { id: { in: [request.id, approved.id] } } });
    expect(stored.every((row) => row.accountIdConfirmedAt === null)).toBe(true);
  });
});
