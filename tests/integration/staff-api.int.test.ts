// The staff API's actions through their route handlers, against the real database and queue:
// who may call what (no key, a bad or revoked key, an auditor's, an agent's), what each action
// changes and answers, the errors it names, and retried calls with an Idempotency-Key.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as approve } from "../../app/api/v1/requests/[reference]/approve/route.ts";
import { POST as assign } from "../../app/api/v1/requests/[reference]/assign/route.ts";
import { POST as close } from "../../app/api/v1/requests/[reference]/close/route.ts";
import { POST as confirmAccountId } from "../../app/api/v1/requests/[reference]/confirm-account-id/route.ts";
import { POST as deny } from "../../app/api/v1/requests/[reference]/deny/route.ts";
import { POST as extend } from "../../app/api/v1/requests/[reference]/extend/route.ts";
import { POST as requestInformation } from "../../app/api/v1/requests/[reference]/request-information/route.ts";
import { GET as getRequest } from "../../app/api/v1/requests/[reference]/route.ts";
import { GET as listRequests } from "../../app/api/v1/requests/route.ts";
import { actionResultSchema } from "../../lib/api/staff-api-responses.schema.ts";
import { createApiKey } from "../../lib/auth/create-api-key.ts";
import { revokeApiKey } from "../../lib/auth/revoke-api-key.ts";
import { db } from "../../lib/db.ts";
import { getAs, postAs, storeRequest } from "../support/staff-api-calls.ts";
import { createStaff } from "../support/staff-requests.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

runWorkersDuringTests();

const keys = { agent: "", auditor: "", admin: "", revoked: "" };
let agentKeyId = "";

beforeAll(async () => {
  const agent = await createApiKey({ name: "Ticketing", role: "agent" });
  agentKeyId = agent.id;
  keys.agent = agent.key;
  keys.auditor = (await createApiKey({ name: "Audit firm", role: "auditor" })).key;
  keys.admin = (await createApiKey({ name: "Back office", role: "admin" })).key;
  const revoked = await createApiKey({ name: "Old CRM", role: "admin" });
  await revokeApiKey({ prefix: revoked.prefix });
  keys.revoked = revoked.key;
});

const actions = [
  { name: "approve", handler: approve, body: {} },
  { name: "deny", handler: deny, body: { reason: "no_data_held" } },
  { name: "extend", handler: extend, body: { reason: "Several archives must be searched by hand." } },
  { name: "request-information", handler: requestInformation, body: { message: "Which customer number did you use?" } },
  { name: "assign", handler: assign, body: { userEmail: null } },
  { name: "close", handler: close, body: { outcome: "fulfilled" } },
  { name: "confirm-account-id", handler: confirmAccountId, body: { confirmed: true } },
];

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } }).error;
}

describe("who may call the staff API", () => {
  it("answers 401 without a key, with a malformed, unknown or revoked key, or another scheme, on every endpoint", async () => {
    const { reference } = await storeRequest();
    const unknown = `dsar_AAAAAAAA_${"A".repeat(43)}`;
    const credentials: Array<[string | null, Record<string, string>]> = [
      [null, {}],
      ["not-a-key", {}],
      [unknown, {}],
      [keys.revoked, {}],
      [null, { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" }],
    ];
    for (const [key, headers] of credentials) {
      // A GET with no Authorization header at all falls back to the staff session cookie, read
      // through next/headers, which needs Next's request scope: e2e/authorization.spec.ts calls
      // those against the built app.
      const reads =
        key === null && !headers.authorization
          ? []
          : [
              getAs(listRequests, key, "/requests", undefined, headers),
              getAs(getRequest, key, `/requests/${reference}`, reference, headers),
            ];
      const calls = [...reads, ...actions.map((action) => postAs(action.handler, key, reference, action.body, headers))];
      for (const response of await Promise.all(calls)) {
        expect(response.status, await response.clone().text()).toBe(401);
        expect((await errorOf(response)).code).toBe("UNAUTHORIZED");
      }
    }
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("VERIFIED");
  });

  it("lets an auditor key read (200) and refuses it every change (403), changing nothing", async () => {
    const { reference, id } = await storeRequest();
    expect((await getAs(listRequests, keys.auditor, "/requests")).status).toBe(200);
    expect((await getAs(getRequest, keys.auditor, `/requests/${reference}`, reference)).status).toBe(200);
    for (const action of actions) {
      const response = await postAs(action.handler, keys.auditor, reference, action.body);
      expect(response.status, action.name).toBe(403);
      expect((await errorOf(response)).message).toMatch(/role \(auditor\) does not allow requests\.(decide|assign)/);
    }
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { id } })).status).toBe("VERIFIED");
    expect(await db().auditEvent.count({ where: { requestId: id } })).toBe(0);
  });

  it("lets an agent key approve, with or without a body, audited as that API key; a second approval is a 409", async () => {
    const first = await storeRequest();
    const response = await postAs(approve, keys.agent, first.reference.toLowerCase());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(actionResultSchema.parse(body)).toMatchObject({ reference: first.reference });
    expect(["in_progress", "completed"]).toContain(body.status);
    expect(body.connectorTasks).toBe(await db().connectorTask.count({ where: { requestId: first.id } }));
    const event = await db().auditEvent.findFirstOrThrow({ where: { requestId: first.id, action: "request.approved" } });
    expect(event).toMatchObject({ actorType: "API_KEY", actorId: agentKeyId });
    const again = await postAs(approve, keys.agent, first.reference, {});
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("INVALID_STATE");
    const second = await storeRequest();
    expect((await postAs(approve, keys.admin, second.reference, {})).status).toBe(200);
  });
});

describe("actions", () => {
  it("deny: a reason in any letter case, the message to the person; `other` needs a message", async () => {
    const { reference, id } = await storeRequest();
    const response = await postAs(deny, keys.agent, reference, {
      reason: "exemption_applies",
      message: "Legal privilege covers these records.",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reference, status: "denied", denialReason: "exemption_applies" });
    expect(await db().dsarRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      denialReason: "EXEMPTION_APPLIES",
      outcome: "DENIED",
    });
    const unverified = await storeRequest({ status: "SUBMITTED" });
    expect((await postAs(deny, keys.agent, unverified.reference, { reason: "IDENTITY_NOT_VERIFIED" })).status).toBe(200);
    const other = await storeRequest();
    const noMessage = await postAs(deny, keys.agent, other.reference, { reason: "Other" });
    expect(noMessage.status).toBe(400);
    expect((await errorOf(noMessage)).issues).toEqual([{ path: "message", message: expect.stringMatching(/explain the refusal/) }]);
    const bogus = await postAs(deny, keys.agent, other.reference, { reason: "because", note: "x" });
    const error = await errorOf(bogus);
    expect(bogus.status).toBe(400);
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(["note", "reason"]);
    expect(error.issues?.find((issue) => issue.path === "note")?.message).toMatch(/Unknown field/);
    expect(error.issues?.find((issue) => issue.path === "reason")?.message).toMatch(/identity_not_verified/);
    const inProgress = await storeRequest({ status: "IN_PROGRESS" });
    expect((await postAs(deny, keys.agent, inProgress.reference, { reason: "other", message: "Too late to refuse." })).status).toBe(409);
  });

  it("extend: a later due date and the reasons; refused with 422 when too late, 400 when the reason is too short", async () => {
    const { reference, id } = await storeRequest();
    const response = await postAs(extend, keys.agent, reference, { reason: "Several archives must be searched by hand." });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.dueDate > body.previousDueDate).toBe(true);
    expect(await db().dsarRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ extended: true });
    const late = await storeRequest({ receivedAt: new Date(Date.now() - 50 * 86_400_000) });
    const refused = await postAs(extend, keys.agent, late.reference, { reason: "Several archives must be searched by hand." });
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({ code: "DEADLINE_REFUSED", message: expect.stringMatching(/too late/) });
    const short = await postAs(extend, keys.agent, late.reference, { reason: "busy" });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).issues).toEqual([{ path: "reason", message: expect.stringMatching(/at least 10 characters/) }]);
  });

  it("request-information: the request waits for the person; not before it is verified", async () => {
    const { reference } = await storeRequest();
    const response = await postAs(requestInformation, keys.agent, reference, {
      message: "Which customer number did you use?",
      kind: "clarification",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "awaiting_subject", clockPaused: expect.any(Boolean) });
    const unverified = await storeRequest({ status: "SUBMITTED" });
    expect(
      (await postAs(requestInformation, keys.agent, unverified.reference, { message: "Which customer number did you use?" })).status,
    ).toBe(409);
  });

  it("assign: to an agent by email in any case, null unassigns; an auditor or an unknown address is refused", async () => {
    const [agent, auditor] = [await createStaff("AGENT"), await createStaff("AUDITOR")];
    const { reference } = await storeRequest();
    const assigned = await postAs(assign, keys.agent, reference, { userEmail: agent.email.toUpperCase() });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ reference, assignee: agent.email });
    expect(await (await postAs(assign, keys.agent, reference, { userEmail: null })).json()).toMatchObject({ assignee: null });
    expect((await postAs(assign, keys.agent, reference, { userEmail: auditor.email })).status).toBe(400);
    expect((await postAs(assign, keys.agent, reference, { userEmail: "nobody@example.test" })).status).toBe(404);
    const missing = await postAs(assign, keys.agent, reference, {});
    expect((await errorOf(missing)).issues?.map((issue) => issue.path)).toEqual(["userEmail"]);
  });

  it("close: fulfilled or partially fulfilled (with a message) once approved; not a verified request", async () => {
    const done = await storeRequest({ status: "IN_PROGRESS" });
    const response = await postAs(close, keys.agent, done.reference, { outcome: "FULFILLED" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "completed", outcome: "fulfilled" });
    const partial = await storeRequest({ status: "IN_PROGRESS" });
    const noMessage = await postAs(close, keys.agent, partial.reference, { outcome: "partially_fulfilled" });
    expect((await errorOf(noMessage)).issues?.map((issue) => issue.path)).toEqual(["message"]);
    const verified = await storeRequest();
    expect((await postAs(close, keys.agent, verified.reference, { outcome: "fulfilled" })).status).toBe(409);
  });
});

describe("errors and retries", () => {
  it("answers 404 for an unknown or impossible reference, on reads and on every action", async () => {
    for (const reference of ["DSR-0000-0000", "not-a-reference"]) {
      expect((await getAs(getRequest, keys.agent, `/requests/${reference}`, reference)).status).toBe(404);
      for (const action of actions)
        expect((await postAs(action.handler, keys.agent, reference, action.body)).status, action.name).toBe(404);
    }
  });

  it("refuses a body that is not JSON (400), not sent as JSON (415) or over 64 KB (413)", async () => {
    const { reference } = await storeRequest();
    const broken = await postAs(deny, keys.agent, reference, "{oops");
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).message).toMatch(/not valid JSON/);
    expect((await postAs(deny, keys.agent, reference, "reason=other", { "content-type": "text/plain" })).status).toBe(415);
    expect((await postAs(deny, keys.agent, reference, { reason: "other", message: "x".repeat(70 * 1024) })).status).toBe(413);
  });

  it("replays a retried action with the same Idempotency-Key, per request and per API key", async () => {
    const [one, two] = [await storeRequest(), await storeRequest()];
    const key = { "idempotency-key": `approve-${Date.now()}` };
    const first = await postAs(approve, keys.agent, one.reference, undefined, key);
    const retried = await postAs(approve, keys.agent, one.reference, undefined, key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(await retried.json()).toEqual(await first.json());
    expect(await db().auditEvent.count({ where: { requestId: one.id, action: "request.approved" } })).toBe(1);
    // The same key on another request, or from another API key, is another call.
    expect((await postAs(approve, keys.agent, two.reference, undefined, key)).headers.get("idempotent-replayed")).toBeNull();
    expect((await postAs(approve, keys.admin, one.reference, undefined, key)).status).toBe(409);

    const three = await storeRequest();
    const denyKey = { "idempotency-key": `deny-${Date.now()}` };
    expect((await postAs(deny, keys.agent, three.reference, { reason: "no_data_held" }, denyKey)).status).toBe(200);
    const reused = await postAs(deny, keys.agent, three.reference, { reason: "other", message: "Another body entirely." }, denyKey);
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});
