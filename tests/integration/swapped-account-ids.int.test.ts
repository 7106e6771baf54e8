// Issue #15, section 1: the account number a person types on the form is free text, so it must
// never reach anyone else's data. Two people, A and B, each type the other's account number and
// file every right, through the form's services and through the public API, against a real
// PostgreSQL source and a real http endpoint (signature checked) that finds a contact by email OR
// account id, as a system that trusts the portal's identifiers would. Each gets, loses or
// changes only their own rows.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshClientAddress } from "../support/client-addresses.ts";

const { POST: fileRequestRoute } = await import("../../app/api/v1/requests/route.ts");
const { readRequestForm, toRequestInput } = await import("../../app/[locale]/actions.schema.ts");
const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { signPayload, verifySignature } = await import("../../lib/connectors/http/index.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { confirmAccountId } = await import("../../lib/requests/confirm-account-id.ts");
const { createSubmission } = await import("../../lib/requests/create-submission.ts");
const { requestFormSchema } = await import("../../lib/requests/request-input.schema.ts");
const { verifyByCode } = await import("../../lib/requests/verify-by-code.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { codeIn, waitForEmail } = await import("../support/mailbox.ts");
const { downloadPackage } = await import("../support/package-files.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { waitForRequests } = await import("../support/fulfilment-requests.ts");

type Right = "access" | "portability" | "erasure" | "rectification";
type Channel = "form" | "api";
type Person = { email: string; account: string; name: string };

const rights: Right[] = ["access", "portability", "erasure", "rectification"];
const channels: Channel[] = ["form", "api"];
const catcher = () => process.env.MAIL_CATCHER_URL as string;
const system = { type: "SYSTEM" as const, id: "test" };

// ---- The http source: contacts in memory, found by email OR account id, every call signed. ----

type Contact = Person & { erased: boolean };
type Received = { action: string; subject: { email: string; accountId?: string } | null };
const crmSecret = randomBytes(24).toString("hex");
const contacts: Contact[] = [];
const received: Received[] = [];

function matching(subject: { email: string; accountId?: string }): Contact[] {
  return contacts.filter(
    (contact) =>
      !contact.erased &&
      (contact.email === subject.email.toLowerCase() || (subject.accountId !== undefined && contact.account === subject.accountId)),
  );
}

const crm: Server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const raw = Buffer.concat(chunks).toString("utf8");
    const check = verifySignature({
      secret: crmSecret,
      rawBody: raw,
      timestampHeader: request.headers["x-dsar-timestamp"] as string | undefined,
      signatureHeader: request.headers["x-dsar-signature"] as string | undefined,
    });
    if (!check.ok) {
      response.writeHead(401).end(JSON.stringify({ error: `signature ${check.reason}` }));
      return;
    }
    const body = JSON.parse(raw) as Received & { corrections?: Array<{ field: string; correctValue: string }> };
    received.push({ action: body.action, subject: body.subject });
    if (body.action === "test" || !body.subject) {
      response.writeHead(204).end();
      return;
    }
    const found = matching(body.subject);
    let result: unknown;
    if (body.action === "access" || body.action === "portability") {
      result = { records: found.map((c) => ({ category: "contacts", fields: { email: c.email, account: c.account, name: c.name } })) };
    } else if (body.action === "erasure") {
      for (const contact of found) contact.erased = true;
      result = { affected: found.length, details: [{ category: "contacts", strategy: "delete", rows: found.length }] };
    } else {
      const name = body.corrections?.find((c) => c.field === "fullName")?.correctValue;
      if (name) for (const contact of found) contact.name = name;
      result = { applied: name ? [{ field: "fullName", category: "contacts", column: "name", rows: found.length }] : [], unmapped: [] };
    }
    const text = JSON.stringify(result);
    const { timestamp, signature } = signPayload(crmSecret, text);
    response.writeHead(200, { "content-type": "application/json", "x-dsar-timestamp": timestamp, "x-dsar-signature": signature }).end(text);
  });
});

// ---- The PostgreSQL source: customers found by email and account number, their orders below. ----

const shopName = `swap_${randomBytes(4).toString("hex")}`;
let shopUrl = "";
let shop: pg.Client;

function pair(right: Right, channel: Channel): [Person, Person] {
  const tag = `${right}-${channel}`;
  return [
    { email: `a-${tag}@example.test`, account: `ACC-A-${tag}`, name: `Alice ${tag}` },
    { email: `b-${tag}@example.test`, account: `ACC-B-${tag}`, name: `Bruno ${tag}` },
  ];
}

const confirmedPerson = (right: Right): Person => ({
  email: `c-${right}@example.test`,
  account: `ACC-C-${right}`,
  name: `Chloé ${right}`,
});

const people = [
  ...rights.flatMap((right) => channels.flatMap((channel) => pair(right, channel))),
  ...rights.map((right) => confirmedPerson(right)),
];

let disabledBefore: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => crm.listen(0, "127.0.0.1", resolve));
  const crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/dsar`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${shopName}"`);
  await admin.end();
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${shopName}`;
  shopUrl = url.toString();
  shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  await shop.query(`
    CREATE TABLE customers (customer_id serial PRIMARY KEY, email text NOT NULL, account_no text NOT NULL UNIQUE, full_name text);
    CREATE TABLE orders (order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, item text NOT NULL);
    CREATE TABLE loyalty_cards (card_id serial PRIMARY KEY, account_no text NOT NULL, label text NOT NULL);
  `);
  for (const person of people) {
    const { rows } = await shop.query<{ customer_id: number }>(
      "INSERT INTO customers (email, account_no, full_name) VALUES ($1, $2, $3) RETURNING customer_id",
      [person.email, person.account, person.name],
    );
    await shop.query("INSERT INTO orders (customer_id, item) VALUES ($1, $2), ($1, $3)", [
      rows[0].customer_id,
      `order of ${person.account} #1`,
      `order of ${person.account} #2`,
    ]);
    await shop.query("INSERT INTO loyalty_cards (account_no, label) VALUES ($1, $2)", [person.account, `card of ${person.account}`]);
    contacts.push({ ...person, erased: false });
  }

  // Only this file's two sources take part in its requests.
  const enabled = await db().connector.findMany({ where: { enabled: true }, select: { id: true } });
  disabledBefore = enabled.map((connector) => connector.id);
  await db().connector.updateMany({ where: { id: { in: disabledBefore } }, data: { enabled: false } });
  const yaml = `
connectors:
  - key: swap-shop
    name: Shop database
    type: postgres
    actions: [access, portability, erasure, rectification]
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email, accountId: account_no }
          erase: { strategy: mask, columns: { email: hash, full_name: redact, account_no: hash } }
          rectify: { fullName: full_name }
        - table: orders
          via: { parent: customers, column: customer_id, parentColumn: customer_id }
          erase: { strategy: delete }
        # Found by the account number alone: only once staff confirmed it on the request.
        - table: loyalty_cards
          identity: { accountId: account_no, accountIdConfirmedByStaff: true }
          erase: { strategy: delete }
  - key: swap-crm
    name: CRM
    type: http
    actions: [access, portability, erasure, rectification]
    config:
      url: \${CRM_URL}
      secret: \${CRM_SECRET}
`;
  const { entries, problems } = await readConnectorsFile(yaml, { SHOP_URL: shopUrl, CRM_URL: crmUrl, CRM_SECRET: crmSecret });
  expect(problems).toEqual([]);
  await applyConnectors(entries, system);
}, 120_000);
runWorkersDuringTests();
afterAll(async () => {
  await db().connector.updateMany({ where: { key: { in: ["swap-shop", "swap-crm"] } }, data: { enabled: false } });
  await db().connector.updateMany({ where: { id: { in: disabledBefore } }, data: { enabled: true } });
  await shop?.end();
  await new Promise((resolve) => crm.close(resolve));
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
});

// ---- Filing, as the form's services and the public API do it. ----

async function file(channel: Channel, right: Right, person: Person, typedAccount: string): Promise<string> {
  const corrections = right === "rectification" ? [{ field: "fullName", correctValue: `${person.name} corrected` }] : undefined;
  if (channel === "form") {
    const form = new FormData();
    form.append("types", right);
    form.append("country", "FR");
    form.append("email", person.email);
    form.append("fullName", person.name);
    form.append("accountId", typedAccount);
    for (const [i, correction] of (corrections ?? []).entries()) {
      form.append(`corrections.${i}.field`, correction.field);
      form.append(`corrections.${i}.correctValue`, correction.correctValue);
    }
    const input = requestFormSchema.parse(toRequestInput(readRequestForm(form), "en"));
    const created = await createSubmission({ input: { ...input, locale: "en" }, channel: "WEB" });
    return created.requests[0].reference;
  }
  const response = await fileRequestRoute(
    new Request("http://localhost/api/v1/requests", {
      method: "POST",
      headers: { "content-type": "application/json", "x-dsar-socket-address": freshClientAddress() },
      body: JSON.stringify({
        type: right,
        email: person.email,
        country: "FR",
        fullName: person.name,
        accountId: typedAccount,
        corrections,
      }),
    }),
  );
  expect(response.status).toBe(202);
  return ((await response.json()) as { reference: string }).reference;
}

async function verifyAndApprove(person: Person, reference: string): Promise<void> {
  const message = await waitForEmail(catcher(), person.email, (m) => m.text.includes(reference), 30_000);
  await verifyByCode(reference, codeIn(message));
  await approveRequest({ reference, actor: system });
}

// ---- What each source holds about a person afterwards. ----

async function shopRows(person: Person) {
  const customers = await shop.query<{ email: string; account_no: string; full_name: string | null; customer_id: number }>(
    "SELECT customer_id, email, account_no, full_name FROM customers WHERE account_no = $1 OR email = $2",
    [person.account, person.email],
  );
  const orders = await shop.query<{ item: string }>("SELECT item FROM orders WHERE item LIKE $1", [`order of ${person.account} #%`]);
  const cards = await shop.query<{ label: string }>("SELECT label FROM loyalty_cards WHERE account_no = $1", [person.account]);
  return {
    customer: customers.rows[0] ?? null,
    orders: orders.rows.map((row) => row.item).sort(),
    cards: cards.rows.map((row) => row.label),
  };
}

function crmContact(person: Person): Contact {
  return contacts.find((contact) => contact.account === person.account) as Contact;
}

async function expectUntouched(person: Person) {
  const { customer, orders, cards } = await shopRows(person);
  expect(cards).toEqual([`card of ${person.account}`]);
  expect(customer).toMatchObject({ email: person.email, account_no: person.account, full_name: person.name });
  expect(orders).toEqual([`order of ${person.account} #1`, `order of ${person.account} #2`]);
  expect(crmContact(person)).toMatchObject({ email: person.email, name: person.name, erased: false });
}

async function expectOwnRightDone(right: Right, person: Person, reference: string) {
  if (right === "access" || right === "portability") {
    const files = await downloadPackage(catcher(), person.email, reference);
    const everything = [...files.values()].join("\n");
    expect(everything).toContain(person.email);
    expect(everything).toContain(`order of ${person.account} #1`);
    return everything;
  }
  const { customer, orders } = await shopRows(person);
  if (right === "erasure") {
    // Masked (email and account hashed, name redacted) and the orders deleted.
    expect(customer).toBeNull();
    expect(orders).toEqual([]);
    expect(crmContact(person).erased).toBe(true);
  } else {
    expect(customer).toMatchObject({ email: person.email, full_name: `${person.name} corrected` });
    expect(crmContact(person).name).toBe(`${person.name} corrected`);
  }
  return "";
}

describe("an account number typed on the form reaches no one else's data", () => {
  for (const channel of channels) {
    for (const right of rights) {
      it(`${right} through the ${channel}: A typed B's account number and B typed A's; each gets, loses or changes only their own rows`, async () => {
        const [a, b] = pair(right, channel);
        // One after the other, so what A's request did is seen before B's runs.
        for (const [me, other] of [
          [a, b],
          [b, a],
        ] as const) {
          const sentBefore = received.length;
          const reference = await file(channel, right, me, other.account);
          await verifyAndApprove(me, reference);
          const [done] = await waitForRequests([reference], "COMPLETED", 90_000);
          expect(done.tasks.map((task) => task.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
          const delivered = await expectOwnRightDone(right, me, reference);
          if (delivered) {
            expect(delivered).not.toContain(other.email);
            expect(delivered).not.toContain(other.account);
            expect(delivered).not.toContain(other.name);
            // Nobody confirmed the number, so the table found by account number alone gives nothing.
            expect(delivered).not.toContain("card of");
          }
          // The other person, whose account number was typed, is as they were (A's own erasure
          // or correction stays visible while B's request runs, so B is checked only before).
          if (me === a) await expectUntouched(other);
          // The typed number was never confirmed: it is not sent to the http source at all.
          const calls = received.slice(sentBefore).filter((call) => call.subject);
          expect(calls.length).toBeGreaterThan(0);
          for (const call of calls) expect(call.subject).toEqual({ email: me.email });
        }
        // B's own request did not undo or repeat anything on A beyond A's own right.
        if (right === "access" || right === "portability") await expectUntouched(a);
      }, 240_000);
    }
  }
});

describe("an account number staff confirmed", () => {
  for (const right of rights) {
    it(`${right}: is given to the http source and finds the table mapped by account number alone`, async () => {
      const me = confirmedPerson(right);
      const others = pair(right, "form");
      const sentBefore = received.length;
      const reference = await file("api", right, me, me.account);
      const message = await waitForEmail(catcher(), me.email, (m) => m.text.includes(reference), 30_000);
      await verifyByCode(reference, codeIn(message));
      const agent = await db().staffUser.create({
        data: { email: `agent-${right}@example.test`, role: "AGENT", passwordHash: "not-used", mustChangePassword: false },
      });
      await confirmAccountId({ reference, confirmed: true, actor: { type: "STAFF", id: agent.id } });
      await approveRequest({ reference, actor: system });
      await waitForRequests([reference], "COMPLETED", 90_000);
      const calls = received.slice(sentBefore).filter((call) => call.subject);
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call.subject).toEqual({ email: me.email, accountId: me.account });
      const delivered = await expectOwnRightDone(right, me, reference);
      const { cards } = await shopRows(me);
      if (right === "access" || right === "portability") {
        expect(delivered).toContain(`card of ${me.account}`);
        expect(delivered).not.toMatch(/ACC-[AB]-/);
      } else if (right === "erasure") {
        expect(cards).toEqual([]);
      } else {
        expect(cards).toEqual([`card of ${me.account}`]);
      }
      // Earlier scenarios' people keep their cards whatever happened to their other rows.
      for (const other of others) expect((await shopRows(other)).cards).toEqual([`card of ${other.account}`]);
    }, 120_000);
  }
});
