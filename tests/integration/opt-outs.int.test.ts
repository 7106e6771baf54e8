// An opt-out relayed by an integration (POST /api/v1/opt-outs) on the real stack: it reaches the
// demo shop's flag within its deadline, repeats are merged (also when concurrent), and the
// integration role can do nothing else.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.OPT_OUT_MERGE_WINDOW_HOURS = "24";

const { POST: optOutRoute } = await import("../../app/api/v1/opt-outs/route.ts");
const { GET: listRoute } = await import("../../app/api/v1/requests/route.ts");
const { db } = await import("../../lib/db.ts");
const { createApiKey } = await import("../../lib/auth/create-api-key.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { waitForEmail } = await import("../support/mailbox.ts");
const { issueStatusToken } = await import("../../lib/requests/status-links.ts");
const { getSubmissionStatus } = await import("../../lib/requests/get-submission-status.ts");
const { computeRequestMetrics } = await import("../../lib/reports/compute-request-metrics.ts");
const { streamRegister } = await import("../../lib/reports/stream-register.ts");

const shopName = `shop_${randomBytes(4).toString("hex")}`;
let shopUrl = "";
let integrationKey = "";
let agentKey = "";

beforeAll(async () => {
  shopUrl = await ensureDemoShop(adminDatabaseUrl, shopName, 20);
  const { readFileSync } = await import("node:fs");
  const yaml = readFileSync(new URL("../../scripts/dev/demo-connectors.yaml", import.meta.url), "utf8");
  const { entries, shared, problems } = await readConnectorsFile(yaml, {
    DEMO_SHOP_DATABASE_URL: shopUrl,
    DEMO_CRM_URL: "http://127.0.0.1:9",
    DEMO_CRM_SECRET: randomBytes(24).toString("hex"),
  });
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" }, shared);
  integrationKey = (await createApiKey({ name: `gpc-${shopName}`, role: "integration" })).key;
  agentKey = (await createApiKey({ name: `agent-${shopName}`, role: "agent" })).key;
}, 120_000);
runWorkersDuringTests();
afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
});

function optOut(body: unknown, key = integrationKey, headers: Record<string, string> = {}) {
  return optOutRoute(
    new Request("http://localhost/api/v1/opt-outs", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function shopFlag(email: string): Promise<boolean | undefined> {
  const shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  try {
    return (await shop.query("SELECT marketing_opt_out FROM customers WHERE email = $1", [email])).rows[0]?.marketing_opt_out;
  } finally {
    await shop.end();
  }
}

async function customerId(email: string): Promise<string> {
  const shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  try {
    return String((await shop.query("SELECT customer_id FROM customers WHERE email = $1", [email])).rows[0].customer_id);
  } finally {
    await shop.end();
  }
}

/** Every customer's opt-out flag, by customer id. */
async function flags(): Promise<Map<string, boolean>> {
  const shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  try {
    const { rows } = await shop.query("SELECT customer_id, marketing_opt_out FROM customers");
    return new Map(rows.map((row) => [String(row.customer_id), row.marketing_opt_out as boolean]));
  } finally {
    await shop.end();
  }
}

async function suppressed(email: string) {
  const shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  try {
    return (await shop.query("SELECT email, reason FROM marketing_suppression WHERE email = $1", [email])).rows;
  } finally {
    await shop.end();
  }
}

async function waitForStatus(reference: string, status: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    if (request.status === status) return request;
    if (Date.now() > deadline) throw new Error(`${reference} is ${request.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("POST /api/v1/opt-outs", () => {
  it("switches the shop's flag on the person's row only, within 15 business days, and tells the person", async () => {
    const person = "camille.durand@example.com";
    const neighbour = "oliver.smith@example.co.uk";
    expect(await shopFlag(person)).toBe(false);
    const answer = await optOut({ email: person, signal: "gpc", observedAt: "2026-02-01T10:00:00Z" });
    expect(answer.status).toBe(202);
    const body = (await answer.json()) as { reference: string; status: string; merged: boolean };
    expect(body).toMatchObject({ status: "in_progress", merged: false });
    const done = await waitForStatus(body.reference, "COMPLETED");
    expect(done.channel).toBe("GPC");
    expect(done.type).toBe("OPT_OUT");
    expect(done.jurisdiction).toBe("US_CA");
    expect(await shopFlag(person)).toBe(true);
    expect(await shopFlag(neighbour)).toBe(false);
    // Completed before the legal due date (15 business days from receipt).
    expect(done.closedAt?.getTime() ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(done.dueDate.getTime() + 86_400_000);
    const task = await db().connectorTask.findFirstOrThrow({ where: { requestId: done.id }, include: { connector: true } });
    expect(task.connector.key).toBe("shop-db");
    expect(task.receipt).toMatchObject({
      kind: "opt_out",
      switchedOff: [
        { category: "customers", rows: 1 },
        { category: "marketing_suppression", rows: 1 },
      ],
    });
    expect(await suppressed(person)).toEqual([{ email: person, reason: "opt_out" }]);
    // The status page says where the choice now applies, in the data map's words.
    const token = await db().$transaction((tx) => issueStatusToken(tx, done.submissionId as string));
    const [shown] = (await getSubmissionStatus(token, "fr")).requests;
    expect(shown.preference).toEqual({
      kind: "opt_out",
      sources: [
        {
          name: "Notre boutique en ligne",
          places: ["Votre compte client", "La liste des personnes que notre outil d’envoi exclut"],
          done: true,
        },
      ],
    });
    const evidence = await db().auditEvent.findFirstOrThrow({ where: { requestId: done.id, action: "connector.task-succeeded" } });
    expect(JSON.stringify(evidence.data)).toContain("customers: marketing_opt_out");
    const email = await waitForEmail(process.env.MAIL_CATCHER_URL as string, person, (e) => e.subject.includes(body.reference));
    expect(email.subject).toContain("We have stopped selling or sharing your data");
    // Named as the person reads them: the system's public name and the category's label.
    expect(email.text).toContain("Our online shop");
    expect(email.text).toContain("Your customer account");
  }, 90_000);

  it("merges a repeat for the same person into the request already made", async () => {
    const person = "maria.garcia@example.com";
    const first = (await (await optOut({ email: person, signal: "link" })).json()) as { reference: string };
    const again = (await (await optOut({ email: person.toUpperCase(), signal: "gpc" })).json()) as { reference: string; merged: boolean };
    expect(again).toMatchObject({ reference: first.reference, merged: true });
    expect(await db().dsarRequest.count({ where: { email: person, type: "OPT_OUT" } })).toBe(1);
    const repeats = await db().auditEvent.count({ where: { request: { reference: first.reference }, action: "opt-out.repeated" } });
    expect(repeats).toBe(1);
  });

  it("makes one request of two concurrent calls", async () => {
    const person = `gpc-${randomBytes(4).toString("hex")}@example.com`;
    const answers = await Promise.all([optOut({ email: person, signal: "gpc" }), optOut({ email: person, signal: "gpc" })]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as Array<{ reference: string; merged: boolean }>;
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(bodies[0].reference).toBe(bodies[1].reference);
    expect(bodies.filter((b) => b.merged)).toHaveLength(1);
    expect(await db().dsarRequest.count({ where: { email: person } })).toBe(1);
  });

  it("replays the first answer for the same Idempotency-Key", async () => {
    const person = `key-${randomBytes(4).toString("hex")}@example.com`;
    const key = randomBytes(8).toString("hex");
    const first = await optOut({ email: person, signal: "gpc" }, integrationKey, { "idempotency-key": key });
    const second = await optOut({ email: person, signal: "gpc" }, integrationKey, { "idempotency-key": key });
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
  });

  it("switches off the flag of exactly the customer an account id names, with no email stored or sent", async () => {
    const person = "jean.tremblay@example.ca";
    const accountId = await customerId(person);
    const before = await flags();
    const answer = await optOut({ accountId, signal: "link" });
    expect(answer.status).toBe(202);
    const body = (await answer.json()) as { reference: string; status: string; merged: boolean };
    expect(body).toMatchObject({ status: "in_progress", merged: false });
    const done = await waitForStatus(body.reference, "COMPLETED");
    expect(done).toMatchObject({ channel: "LINK", type: "OPT_OUT", email: null, emailHash: null, accountId });
    // The company's own integration (an integration-role API key) vouches for the number.
    expect(done.accountIdConfirmedAt).not.toBeNull();
    const after = await flags();
    const changed = [...after].filter(([id, flag]) => before.get(id) !== flag).map(([id]) => id);
    expect(changed).toEqual([accountId]);
    expect(after.get(accountId)).toBe(true);
    const task = await db().connectorTask.findFirstOrThrow({ where: { requestId: done.id }, include: { connector: true } });
    expect(task.connector.key).toBe("shop-db");
    // The suppression list is keyed by email: the receipt says it was not reached, and why.
    expect(task.receipt).toEqual({
      kind: "opt_out",
      switchedOff: [{ category: "customers", settings: { marketing_opt_out: true }, rows: 1 }],
      notReached: [{ category: "marketing_suppression", reason: expect.stringContaining("email") }],
    });
    expect(await suppressed(person)).toEqual([]);
    // No address, so no email and no status link.
    expect(await db().emailMessage.count({ where: { requestId: done.id } })).toBe(0);
    expect(await db().statusLinkToken.count({ where: { submissionId: done.submissionId } })).toBe(0);
  }, 90_000);

  it("merges a repeat by the same account id, also when it now names the email", async () => {
    const accountId = await customerId("lucas.silva@example.com.br");
    const first = (await (await optOut({ accountId, signal: "gpc" })).json()) as { reference: string; merged: boolean };
    expect(first.merged).toBe(false);
    const again = (await (await optOut({ accountId: ` ${accountId} `, signal: "link" })).json()) as { reference: string; merged: boolean };
    expect(again).toMatchObject({ reference: first.reference, merged: true });
    const withEmail = (await (await optOut({ accountId, email: "someone.new@example.com", signal: "gpc" })).json()) as {
      reference: string;
      merged: boolean;
    };
    expect(withEmail).toMatchObject({ reference: first.reference, merged: true });
    expect(await db().dsarRequest.count({ where: { accountId, type: "OPT_OUT" } })).toBe(1);
    // A different account is another person.
    const other = (await (await optOut({ accountId: String(Number(accountId) + 1), signal: "gpc" })).json()) as { reference: string };
    expect(other.reference).not.toBe(first.reference);
  });

  it("counts GPC and link opt-outs in the register (channel gpc / link, right opt_out) and in the metrics", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const period = { from: "2000-01-01", to: "2100-12-31", jurisdiction: "US_CA" as const };
    const optOutsIn = async () =>
      (await computeRequestMetrics(period, today)).byRight.find((row) => row.right === "opt_out")?.received ?? 0;
    const before = await optOutsIn();
    const gpc = (await (await optOut({ email: `reg-${randomBytes(4).toString("hex")}@example.com`, signal: "gpc" })).json()) as {
      reference: string;
    };
    const link = (await (await optOut({ accountId: await customerId("oliver.smith@example.co.uk"), signal: "link" })).json()) as {
      reference: string;
    };
    expect(await optOutsIn()).toBe(before + 2);
    const register = JSON.parse(await new Response(streamRegister(period, "json")).text()) as {
      requests: Array<{ reference: string; right: string; channel: string; jurisdiction: string }>;
    };
    const row = (reference: string) => register.requests.find((entry) => entry.reference === reference);
    expect(row(gpc.reference)).toMatchObject({ right: "opt_out", channel: "gpc", jurisdiction: "US_CA" });
    expect(row(link.reference)).toMatchObject({ right: "opt_out", channel: "link", jurisdiction: "US_CA" });
  });

  it("refuses a call that names neither an email nor an account id, storing nothing", async () => {
    const before = await db().dsarRequest.count();
    const answer = await optOut({ signal: "gpc" });
    expect(answer.status).toBe(400);
    const text = JSON.stringify(await answer.json());
    expect(text).toContain("email");
    expect(text).toContain("accountId");
    expect(await db().dsarRequest.count()).toBe(before);
  });

  it("refuses the integration role anything else, and other roles the opt-out call", async () => {
    const list = await listRoute(
      new Request("http://localhost/api/v1/requests", { headers: { authorization: `Bearer ${integrationKey}` } }),
      { params: Promise.resolve({}) },
    );
    expect(list.status).toBe(403);
    const byAgent = await optOut({ email: "someone@example.com", signal: "gpc" }, agentKey);
    expect(byAgent.status).toBe(403);
    const anonymous = await optOutRoute(
      new Request("http://localhost/api/v1/opt-outs", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
    );
    expect(anonymous.status).toBe(401);
    const bad = await optOut({ email: "not an address", signal: "smoke" });
    expect(bad.status).toBe(400);
  });
});
