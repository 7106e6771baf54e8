// Each shipped template, run against a server that follows the tool's documented shapes: it is
// valid, finds only the person, reads every page, erases and corrects as its comments say.

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import {
  HUBSPOT_TOKEN,
  type SaasServer,
  STRIPE_KEY,
  startSaasServer,
  ZENDESK_AGENT,
  ZENDESK_TOKEN,
} from "../../../tests/support/saas-server.ts";
import type { AccessRecord, ConnectorContext } from "../connector.ts";
import { type RestConfig, restConfigSchema, restConnector } from "./index.ts";
import { restTemplates } from "./templates.ts";

vi.hoisted(() => {
  process.env.APP_URL = "http://127.0.0.1:3000";
  process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
  process.env.SMTP_URL = "smtp://127.0.0.1:1025";
  process.env.MAIL_FROM = "a@b.test";
  process.env.REDIS_URL = "redis://127.0.0.1:6379";
  process.env.ENCRYPTION_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  process.env.CONNECTOR_ALLOWED_HOSTS = "127.0.0.1";
});

const context: ConnectorContext = { taskId: "t", requestId: "r", reference: "DSR-2026-0002", action: "access" };
const person = { email: "ana.lima@example.com" };
let server: SaasServer;

beforeAll(async () => {
  server = await startSaasServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.requests.length = 0;
});

/** A template as shipped, pointed at the test server, with its secret filled in and fast retries. */
function template(name: string, auth: Record<string, unknown>): RestConfig {
  const found = restTemplates().find((t) => t.name === name);
  if (!found) throw new Error(`no template ${name}`);
  expect(found.text).toContain("Tested against a server that follows the documented shapes");
  const config = parse(found.text) as Record<string, unknown>;
  return restConfigSchema.parse({
    ...config,
    baseUrl: server.url,
    auth: { ...(config.auth as object), ...auth },
    requestsPerSecond: undefined,
    retries: { max: 2, baseDelayMs: 5 },
  });
}

async function read(config: RestConfig) {
  const records: AccessRecord[] = [];
  for await (const record of (await restConnector.access(config, person, context)) as AsyncIterable<AccessRecord>) records.push(record);
  return records;
}

describe("templates", () => {
  it("ships stripe, zendesk and hubspot, each valid as it is once its secret is given", () => {
    expect(restTemplates().map((t) => t.name)).toEqual(["hubspot", "stripe", "zendesk"]);
  });

  it("stripe: finds the customer by email, pages charges with starting_after, deletes the customer, keeps charges", async () => {
    const { customers, charges } = server.state.stripe;
    customers.set("cus_A", { id: "cus_A", object: "customer", email: "ana.lima@example.com", name: "Ana Lima", phone: null, metadata: {} });
    customers.set("cus_B", { id: "cus_B", object: "customer", email: "bia@example.com", name: "Bia", phone: null, metadata: {} });
    for (let i = 1; i <= 150; i++)
      charges.push({ id: `ch_${i}`, object: "charge", customer: "cus_A", amount: i * 100, currency: "eur", description: "Order" });
    charges.push({ id: "ch_B", object: "charge", customer: "cus_B", amount: 1, currency: "eur", description: "Other" });
    const config = template("stripe", { token: STRIPE_KEY });

    const records = await read(config);
    expect(records.filter((r) => r.category === "customer").map((r) => r.fields.id)).toEqual(["cus_A"]);
    expect(records.filter((r) => r.category === "charges")).toHaveLength(150);
    expect(server.requests.some((r) => r.path === "/v1/charges" && r.query.get("starting_after") === "ch_100")).toBe(true);

    expect(await restConnector.test(config)).toMatchObject({ ok: true });
    const corrected = await restConnector.rectify(
      config,
      person,
      [
        { field: "fullName", correctValue: "Ana Lima Souza" },
        { field: "postalAddress", correctValue: "1 rue de Rivoli" },
      ],
      context,
    );
    expect(corrected).toMatchObject({ unmapped: [] });
    expect(server.requests.at(-1)?.body).toBe("name=Ana+Lima+Souza&address%5Bline1%5D=1+rue+de+Rivoli");
    expect(customers.get("cus_A")).toMatchObject({ name: "Ana Lima Souza", address: { line1: "1 rue de Rivoli" } });

    expect(await restConnector.erase(config, person, context)).toEqual({
      affected: 1,
      details: [
        { category: "charges", strategy: "retain", rows: 150, reason: "Payment records are kept as accounting and tax law requires" },
        { category: "customer", strategy: "delete", rows: 1 },
      ],
    });
    expect([...customers.keys()]).toEqual(["cus_B"]);
  });

  it("zendesk: keeps only the exact user from a loose search, waits out a 429, deletes softly then permanently", async () => {
    const { users, tickets, deleted } = server.state.zendesk;
    users.set(11, { id: 11, name: "Ana Lima", email: "Ana.Lima@example.com", phone: null, role: "end-user", active: true });
    users.set(12, { id: 12, name: "Ana Lima Jr", email: "ana.lima.jr@example.com", phone: null, role: "end-user", active: true });
    for (let i = 1; i <= 120; i++) tickets.push({ id: i, requester_id: 11, subject: `Ticket ${i}`, status: "open" });
    tickets.push({ id: 999, requester_id: 12, subject: "Other", status: "open" });
    const config = template("zendesk", { username: `${ZENDESK_AGENT}/token`, password: ZENDESK_TOKEN });
    server.fail({ path: /search\.json$/, status: 429, times: 1, retryAfter: "1" });

    const records = await read(config);
    expect(records.filter((r) => r.category === "user").map((r) => r.fields.id)).toEqual([11]);
    expect(records.filter((r) => r.category === "tickets").map((r) => r.fields.id)).toEqual(tickets.slice(0, 120).map((t) => t.id));
    expect(server.requests[0].query.get("query")).toBe('type:user email:"ana.lima@example.com"');

    const corrected = await restConnector.rectify(config, person, [{ field: "phone", correctValue: "+33 1 23 45 67 89" }], context);
    expect(corrected).toEqual({ applied: [{ field: "phone", category: "user", column: "user.phone", rows: 1 }], unmapped: [] });

    server.fail({ method: "DELETE", path: /deleted_users/, status: 500, times: 3 });
    await expect(restConnector.erase(config, person, context)).rejects.toThrow(
      /answered 500 \(3 tries\) at user 1 of 1 \(id 11, whose first 1 of 2 requests were done\)\. Done before the failure: tickets: 120 kept\./,
    );
    expect(deleted.has(11)).toBe(true);
    // Soft-deleted users are out of search: the retry finds the user among the deleted ones and finishes.
    server.requests.length = 0;
    expect(await restConnector.erase(config, person, context)).toEqual({
      affected: 1,
      details: [
        { category: "tickets", strategy: "retain", rows: 120, reason: expect.stringContaining("Support tickets are kept") },
        { category: "user", strategy: "delete", rows: 1 },
      ],
    });
    expect(deleted.has(11)).toBe(false);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain("DELETE /api/v2/deleted_users/11");
    // Once permanently deleted (email gone), nobody is found any more.
    expect(await restConnector.erase(config, person, context)).toMatchObject({
      affected: 0,
      details: [{ reason: "No record of the person was found" }],
    });
    users.set(13, { id: 13, name: "Ana", email: "ana.lima@example.com", phone: null, role: "end-user", active: true });
    expect(await restConnector.erase(config, person, context)).toMatchObject({
      affected: 1,
      details: [{ strategy: "retain" }, { strategy: "delete", rows: 1 }],
    });
    expect(deleted.has(13)).toBe(false);
    expect(users.has(12)).toBe(true);
  });

  it("hubspot: searches with a POST body and pages with after, GDPR-deletes, and reports the full name as unmapped", async () => {
    const { contacts } = server.state.hubspot;
    const contact = (id: string, email: string) => ({
      id,
      properties: { email, firstname: "Ana", lastname: "Lima", phone: null, hs_object_id: id },
      createdAt: "2026-01-05T10:00:00.000Z",
      updatedAt: "2026-01-05T10:00:00.000Z",
      archived: false,
    });
    contacts.set("501", contact("501", "ana.lima@example.com"));
    contacts.set("502", contact("502", "someone@example.com"));
    const config = template("hubspot", { token: HUBSPOT_TOKEN });

    const records = await read(config);
    expect(records).toEqual([{ source: "", category: "contact", fields: contacts.get("501") }]);
    expect(JSON.parse(server.requests[0].body)).toMatchObject({
      filterGroups: [{ filters: [{ propertyName: "email", operator: "EQ", value: "ana.lima@example.com" }] }],
      limit: 100,
    });

    const corrected = await restConnector.rectify(
      config,
      person,
      [
        { field: "fullName", correctValue: "Ana L." },
        { field: "phone", correctValue: "+33 6 00 00 00 00" },
      ],
      context,
    );
    expect(corrected).toEqual({
      applied: [{ field: "phone", category: "contact", column: "properties.phone", rows: 1 }],
      unmapped: ["fullName"],
    });
    expect(contacts.get("501")?.properties.phone).toBe("+33 6 00 00 00 00");

    expect(await restConnector.erase(config, person, context)).toEqual({
      affected: 1,
      details: [{ category: "contact", strategy: "delete", rows: 1 }],
    });
    expect([...contacts.keys()]).toEqual(["502"]);
  });

  it("hubspot: follows paging.next.after in the body across pages", async () => {
    const { contacts } = server.state.hubspot;
    contacts.clear();
    for (let i = 1; i <= 3; i++) {
      contacts.set(String(600 + i), {
        id: String(600 + i),
        properties: { email: "ana.lima@example.com" },
        createdAt: "",
        updatedAt: "",
        archived: false,
      });
    }
    const config = template("hubspot", { token: HUBSPOT_TOKEN });
    config.find.pagination = { type: "cursor", param: "after", in: "body", cursorPath: "paging.next.after", limitParam: "limit", limit: 2 };
    const records = await read(config);
    expect(records.map((r) => r.fields.id)).toEqual(["601", "602", "603"]);
    expect(JSON.parse(server.requests[1].body)).toMatchObject({ after: "2", limit: 2 });
  });
});
