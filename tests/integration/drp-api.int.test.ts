// The Data Rights Protocol API over HTTP: key setup, exercise, status, revoke and callbacks, and
// every refusal (expired, future, tampered, replayed, unknown agent, disabled agent, wrong business
// id, bad token) answered 403 with nothing stored.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyConnectors } from "../../lib/connectors/apply-connectors.ts";
import { readConnectorsFile } from "../../lib/connectors/read-connectors-file.ts";
import { db } from "../../lib/db.ts";
import { addDrpAgent } from "../../lib/drp/add-drp-agent.ts";
import { queueStatusCallbacks } from "../../lib/drp/queue-status-callbacks.ts";
import { rotateDrpAgentKey } from "../../lib/drp/rotate-drp-agent-key.ts";
import { sendStatusCallback } from "../../lib/drp/send-status-callback.ts";
import { setDrpAgentEnabled } from "../../lib/drp/set-drp-agent-enabled.ts";
import { getQueue } from "../../lib/queue/enqueue.ts";
import { denyRequest } from "../../lib/requests/deny-request.ts";
import { verifyByCode } from "../../lib/requests/verify-by-code.ts";
import { startAgentCallbacks } from "../support/agent-callbacks.ts";
import { envelope, exerciseMessage, type TestAgent, testAgent } from "../support/drp-agent.ts";
import { startDrpServer } from "../support/drp-server.ts";
import { codeIn, waitForEmail } from "../support/mailbox.ts";
import { adminDatabaseUrl } from "../support/test-database.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

const BUSINESS = "TEST_PORTAL";
const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID()}@example.test`;
const operator = { type: "SYSTEM" as const, id: "test" };
let server: Awaited<ReturnType<typeof startDrpServer>>;
const suffix = crypto.randomUUID().replaceAll("-", "").slice(0, 12).toUpperCase();
const agent = testAgent(`AGENT_A_${suffix}`);
const other = testAgent(`AGENT_B_${suffix}`);
const stranger = testAgent(`AGENT_C_${suffix}`); // never trusted
const disabled = testAgent(`AGENT_D_${suffix}`);

runWorkersDuringTests();

// A source that honours opt-out and limit only: the person's row there, and a suppression list.
const sourceName = `drp_src_${suffix.toLowerCase()}`;
const sourceUrl = new URL(adminDatabaseUrl);
sourceUrl.pathname = `/${sourceName}`;

async function onSource<T>(work: (client: pg.Client) => Promise<T>, url = sourceUrl.toString()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startDrpServer();
  for (const a of [agent, other, disabled]) await addDrpAgent({ id: a.id, name: `Agent ${a.id}`, verifyKey: a.verifyKey }, operator);
  await onSource((admin) => admin.query(`CREATE DATABASE "${sourceName}"`), adminDatabaseUrl);
  await onSource((source) =>
    source.query(`CREATE TABLE people (email text NOT NULL, sale_opt_out boolean NOT NULL DEFAULT false,
      sensitive_limited boolean NOT NULL DEFAULT false);
      CREATE TABLE suppression (email text NOT NULL, reason text NOT NULL)`),
  );
  const file = [
    "connectors:",
    "  - key: drp-preferences",
    "    name: Preferences",
    "    type: postgres",
    "    actions: [opt_out, limit_sensitive]",
    "    config:",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the connectors file's own ${VAR} syntax
    "      url: ${SOURCE_URL}",
    "      tables:",
    "        - table: people",
    "          identity: { email: email }",
    "          preferences: { opt_out: { sale_opt_out: true }, limit_sensitive: { sensitive_limited: true } }",
    "      suppressions:",
    '        - { table: suppression, rights: [opt_out], columns: { email: "{email}", reason: "{right}" } }',
    "",
  ].join("\n");
  const { entries, shared, problems } = await readConnectorsFile(file, { SOURCE_URL: sourceUrl.toString() });
  expect(problems).toEqual([]);
  await applyConnectors(entries, operator, shared);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await onSource((admin) => admin.query(`DROP DATABASE IF EXISTS "${sourceName}" WITH (FORCE)`), adminDatabaseUrl);
});

async function call(method: string, path: string, body?: string, token?: string) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "text/plain" } : {}) },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

async function setup(a: TestAgent, claims = {}) {
  return call("POST", `/v1/agent/${a.id}`, a.sign({ ...envelope(a.id, BUSINESS, new Date()), "drp.version": "1.0", ...claims }));
}

async function tokenOf(a: TestAgent): Promise<string> {
  const answer = await setup(a);
  expect(answer.status).toBe(200);
  return answer.json.token;
}

function exercise(a: TestAgent, email: string, overrides: Record<string, unknown> = {}) {
  return exerciseMessage(a, BUSINESS, email, overrides);
}

async function stored() {
  const [requests, drpRequests, tokens, seen, audit] = await Promise.all([
    db().dsarRequest.count(),
    db().drpRequest.count(),
    db().drpAgentToken.count(),
    db().drpSeenMessage.count(),
    db().auditEvent.count(),
  ]);
  return { requests, drpRequests, tokens, seen, audit };
}

describe("pair-wise key setup", () => {
  it("issues a token, stored only as a keyed hash, that answers the agent information call", async () => {
    const token = await tokenOf(agent);
    const rows = await db().drpAgentToken.findMany({ where: { agentId: agent.id } });
    expect(rows.some((row) => row.tokenHash.includes(token))).toBe(false);
    expect((await call("GET", `/v1/agent/${agent.id}`, undefined, token)).json).toEqual({});
    expect((await call("GET", `/v1/agent/${other.id}`, undefined, token)).status).toBe(403);
  });

  it.each([
    ["an unknown agent", () => call("POST", `/v1/agent/${stranger.id}`, stranger.sign({ ...envelope(stranger.id, BUSINESS, new Date()) }))],
    [
      "a disabled agent",
      async () => {
        await addDrpAgent({ id: disabled.id + "_X", name: "x", verifyKey: disabled.verifyKey }, operator);
        await setDrpAgentEnabled({ id: disabled.id + "_X", enabled: false }, operator);
        const id = `${disabled.id}_X`;
        return call("POST", `/v1/agent/${id}`, disabled.sign(envelope(id, BUSINESS, new Date())));
      },
    ],
    ["a signature by another key", () => call("POST", `/v1/agent/${agent.id}`, other.sign(envelope(agent.id, BUSINESS, new Date())))],
    ["another agent-id in the claims", () => call("POST", `/v1/agent/${agent.id}`, agent.sign(envelope(other.id, BUSINESS, new Date())))],
    ["a wrong business id", () => call("POST", `/v1/agent/${agent.id}`, agent.sign(envelope(agent.id, "OTHER_BUSINESS", new Date())))],
    [
      "an expired message",
      () => call("POST", `/v1/agent/${agent.id}`, agent.sign(envelope(agent.id, BUSINESS, new Date(Date.now() - 20 * 60_000)))),
    ],
    [
      "a message issued in the future",
      () => call("POST", `/v1/agent/${agent.id}`, agent.sign(envelope(agent.id, BUSINESS, new Date(Date.now() + 5 * 60_000)))),
    ],
    [
      "a tampered message",
      () => {
        const signed = Buffer.from(agent.sign(envelope(agent.id, BUSINESS, new Date())), "base64");
        signed[signed.length - 3] ^= 1;
        return call("POST", `/v1/agent/${agent.id}`, signed.toString("base64"));
      },
    ],
  ])("refuses %s with 403, no body, and stores no token", async (_name, send) => {
    const before = await db().drpAgentToken.count();
    const answer = await send();
    expect(answer.status).toBe(403);
    expect(answer.text).toBe("");
    expect(await db().drpAgentToken.count()).toBe(before);
  });

  it("refuses the same setup message sent twice", async () => {
    const body = agent.sign(envelope(agent.id, BUSINESS, new Date()));
    expect((await call("POST", `/v1/agent/${agent.id}`, body)).status).toBe(200);
    const before = await stored();
    expect((await call("POST", `/v1/agent/${agent.id}`, body)).status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("revokes tokens when the agent is disabled or its key rotated", async () => {
    const token = await tokenOf(other);
    const fresh = testAgent(other.id, "rotated");
    await rotateDrpAgentKey({ id: other.id, verifyKey: fresh.verifyKey }, operator);
    expect((await call("GET", `/v1/agent/${other.id}`, undefined, token)).status).toBe(403);
    expect((await setup(other)).status).toBe(403);
    const renewed = await tokenOf(fresh);
    expect((await call("GET", `/v1/agent/${other.id}`, undefined, renewed)).status).toBe(200);
    await rotateDrpAgentKey({ id: other.id, verifyKey: other.verifyKey }, operator);
  });
});

describe("exercise, status and revoke", () => {
  it("files a portal request through the form's service, emails the person, and answers the status object", async () => {
    const token = await tokenOf(agent);
    const email = uniqueEmail("drp");
    const agentRequestId = crypto.randomUUID();
    const answer = await call("POST", "/v1/data-rights-request", exercise(agent, email, { "agent-request-id": agentRequestId }), token);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      agent_request_id: agentRequestId,
      status: "in_progress",
      reason: "need_user_verification",
      received_at: expect.stringMatching(/\+00:00$/),
      expected_by: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T23:59:59\.999\+00:00$/),
    });
    const drp = await db().drpRequest.findUniqueOrThrow({ where: { id: answer.json.request_id }, include: { request: true } });
    expect(drp.request).toMatchObject({
      channel: "DRP",
      type: "ACCESS",
      email,
      fullName: "Doe, Jane",
      country: "US",
      region: "CA",
      jurisdiction: "US_CA",
    });
    await waitForEmail(process.env.MAIL_CATCHER_URL as string, email);
    const status = await call("GET", `/v1/data-rights-request/${answer.json.request_id}`, undefined, token);
    expect(status.json).toEqual(answer.json);
  });

  it.each([
    ["sale:opt-out", "OPT_OUT"],
    ["sensitive:limit", "LIMIT_SENSITIVE"],
  ])("files %s as %s, approved without staff once the person confirms, and answers fulfilled", async (action, type) => {
    const token = await tokenOf(agent);
    const email = uniqueEmail("drp-pref");
    await onSource((source) => source.query("INSERT INTO people (email) VALUES ($1)", [email]));
    const answer = await call("POST", "/v1/data-rights-request", exercise(agent, email, { exercise: action }), token);
    expect(answer.status).toBe(200);
    const drp = await db().drpRequest.findUniqueOrThrow({ where: { id: answer.json.request_id }, include: { request: true } });
    expect(drp.request).toMatchObject({ channel: "DRP", type, jurisdiction: "US_CA" });
    const message = await waitForEmail(process.env.MAIL_CATCHER_URL as string, email, (m) => m.text.includes(drp.request.reference));
    await verifyByCode(drp.request.reference, codeIn(message));
    await expect
      .poll(async () => (await call("GET", `/v1/data-rights-request/${answer.json.request_id}`, undefined, token)).json.status, {
        timeout: 30_000,
        interval: 300,
      })
      .toBe("fulfilled");
    const approval = await db().auditEvent.findFirstOrThrow({ where: { requestId: drp.requestId, action: "request.approved" } });
    expect([approval.actorType, approval.actorId]).toEqual(["SYSTEM", "no-identity-verification"]);
    const row = await onSource((source) => source.query("SELECT sale_opt_out, sensitive_limited FROM people WHERE email = $1", [email]));
    expect(row.rows).toEqual([{ sale_opt_out: type === "OPT_OUT", sensitive_limited: type === "LIMIT_SENSITIVE" }]);
    const listed = await onSource((source) => source.query("SELECT reason FROM suppression WHERE email = $1", [email]));
    expect(listed.rows).toEqual(type === "OPT_OUT" ? [{ reason: "opt_out" }] : []);
  });

  it("answers 403 for another agent's request and 404 for an unknown id", async () => {
    const token = await tokenOf(agent);
    const filed = await call("POST", "/v1/data-rights-request", exercise(agent, uniqueEmail("drp")), token);
    const otherToken = await tokenOf(other);
    expect((await call("GET", `/v1/data-rights-request/${filed.json.request_id}`, undefined, otherToken)).status).toBe(403);
    expect((await call("GET", `/v1/data-rights-request/${crypto.randomUUID()}`, undefined, token)).status).toBe(404);
    const revoke = await call("DELETE", `/v1/data-rights-request/${filed.json.request_id}`, other.sign({ reason: "" }), otherToken);
    expect(revoke.status).toBe(403);
  });

  it.each([
    ["expired", (email: string) => exercise(agent, email, envelope(agent.id, BUSINESS, new Date(Date.now() - 20 * 60_000))), 403],
    ["issued in the future", (email: string) => exercise(agent, email, envelope(agent.id, BUSINESS, new Date(Date.now() + 60_000))), 403],
    ["for another business", (email: string) => exercise(agent, email, { "business-id": "OTHER_BUSINESS" }), 403],
    ["from another agent-id", (email: string) => exercise(agent, email, { "agent-id": other.id }), 403],
    ["signed by another key", (email: string) => exercise(other, email, { "agent-id": agent.id }), 403],
    [
      "tampered",
      (email: string) => {
        const bytes = Buffer.from(exercise(agent, email), "base64");
        const text = bytes.subarray(64).toString().replace('"access"', '"deletion"');
        return Buffer.concat([bytes.subarray(0, 64), Buffer.from(text)]).toString("base64");
      },
      403,
    ],
    ["for an unsupported action", (email: string) => exercise(agent, email, { exercise: "access:specific" }), 400],
    ["for an unknown regime", (email: string) => exercise(agent, email, { regime: "gdpr" }), 400],
    ["without an email", (email: string) => exercise(agent, email, { email: undefined }), 400],
    ["with a callback to a private address", (email: string) => exercise(agent, email, { status_callback: "http://10.0.0.5/cb" }), 400],
  ])("refuses a request %s and stores nothing", async (_name, body, code) => {
    const token = await tokenOf(agent);
    const before = await stored();
    const answer = await call("POST", "/v1/data-rights-request", body(uniqueEmail("drp")), token);
    expect(answer.status).toBe(code);
    expect(answer.json).toMatchObject({ code: String(code), message: expect.any(String) });
    expect(await stored()).toEqual(before);
  });

  it("refuses a replayed request: one portal request only", async () => {
    const token = await tokenOf(agent);
    const body = exercise(agent, uniqueEmail("drp"));
    expect((await call("POST", "/v1/data-rights-request", body, token)).status).toBe(200);
    const before = await stored();
    const again = await call("POST", "/v1/data-rights-request", body, token);
    expect(again.status).toBe(403);
    expect(again.json.message).toMatch(/already received/);
    expect(await stored()).toEqual(before);
  });

  it.each([
    ["no token", undefined],
    ["an unknown token", "not-a-token-the-portal-issued"],
  ])("refuses a request with %s and stores nothing", async (_name, token) => {
    const before = await stored();
    const answer = await call("POST", "/v1/data-rights-request", exercise(agent, uniqueEmail("drp")), token);
    expect(answer.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("refuses a disabled agent's token and stores nothing", async () => {
    const token = await tokenOf(disabled);
    await setDrpAgentEnabled({ id: disabled.id, enabled: false }, operator);
    const before = await stored();
    const answer = await call("POST", "/v1/data-rights-request", exercise(disabled, uniqueEmail("drp")), token);
    expect(answer.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("retries a status callback the agent's server refused: the queue job fails and waits to try again, nothing counts as sent", async () => {
    const listener = await startAgentCallbacks();
    listener.answerWith(500);
    const callbackUrl = listener.url;
    try {
      const token = await tokenOf(agent);
      const filed = await call(
        "POST",
        "/v1/data-rights-request",
        exercise(agent, uniqueEmail("drp"), { status_callback: callbackUrl }),
        token,
      );
      expect(filed.status).toBe(200);
      const job = async () => getQueue("drp").getJob(`drp-callback-${filed.json.request_id}-filed`);
      await expect.poll(async () => (await job())?.attemptsMade ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      const failed = await job();
      expect(failed?.opts).toMatchObject({ attempts: 10, backoff: { type: "exponential", delay: 10_000 } });
      expect(await failed?.getState()).toBe("delayed"); // a retry is scheduled
      expect(failed?.failedReason).toContain("answered 500");
      expect(listener.answered).toEqual([500]);
      const row = await db().drpRequest.findUniqueOrThrow({ where: { id: filed.json.request_id } });
      expect([row.notifiedState, row.notifiedAt]).toEqual([null, null]);
      // The next attempt, once the agent answers again, delivers and records it.
      listener.answerWith(200);
      expect(await sendStatusCallback(filed.json.request_id)).toBe("sent");
      expect(listener.answered).toEqual([500, 200]);
      expect(await sendStatusCallback(filed.json.request_id)).toBe("unchanged");
      await failed?.remove();
    } finally {
      await listener.close();
    }
  });

  it("revokes a request (withdrawn in the portal) and calls the agent back through the queue", async () => {
    const listener = await startAgentCallbacks();
    const callbacks = listener.received;
    const callbackUrl = listener.url;
    try {
      const token = await tokenOf(agent);
      const filed = await call(
        "POST",
        "/v1/data-rights-request",
        exercise(agent, uniqueEmail("drp"), { status_callback: callbackUrl }),
        token,
      );
      expect(filed.status).toBe(200);
      await expect.poll(() => callbacks.length, { timeout: 15_000 }).toBe(1);
      const revoked = await call("DELETE", `/v1/data-rights-request/${filed.json.request_id}`, agent.sign({ reason: "changed my mind" }));
      expect(revoked.status).toBe(403); // no token
      const answer = await call(
        "DELETE",
        `/v1/data-rights-request/${filed.json.request_id}`,
        agent.sign({ reason: "changed my mind" }),
        token,
      );
      expect(answer.json).toMatchObject({ request_id: filed.json.request_id, status: "revoked" });
      const drp = await db().drpRequest.findUniqueOrThrow({ where: { id: filed.json.request_id }, include: { request: true } });
      expect(drp.request.status).toBe("WITHDRAWN");
      const events = await db().auditEvent.findMany({ where: { requestId: drp.requestId, action: "request.withdrawn" } });
      expect(events.map((e) => [e.actorType, e.actorId])).toEqual([["DRP_AGENT", agent.id]]);
      await expect.poll(() => callbacks.length, { timeout: 15_000 }).toBe(2);
      expect(callbacks[1]).toMatchObject({ request_id: filed.json.request_id, status: "revoked" });
      expect((await call("GET", `/v1/data-rights-request/${filed.json.request_id}`, undefined, token)).json.status).toBe("revoked");

      // A change made elsewhere (a staff denial) reaches the agent through the sweep.
      const denied = await call(
        "POST",
        "/v1/data-rights-request",
        exercise(agent, uniqueEmail("drp"), { status_callback: callbackUrl }),
        token,
      );
      await expect.poll(() => callbacks.length, { timeout: 15_000 }).toBe(3);
      const row = await db().drpRequest.findUniqueOrThrow({ where: { id: denied.json.request_id }, include: { request: true } });
      await denyRequest({ reference: row.request.reference, reason: "IDENTITY_NOT_VERIFIED", actor: operator });
      expect(await queueStatusCallbacks()).toBeGreaterThanOrEqual(1);
      await expect.poll(() => callbacks.length, { timeout: 15_000 }).toBe(4);
      expect(callbacks[3]).toMatchObject({ request_id: denied.json.request_id, status: "denied", reason: "insuf_verification" });
      await queueStatusCallbacks();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(callbacks).toHaveLength(4); // nothing changed since: no second callback
    } finally {
      await listener.close();
    }
  });
});
