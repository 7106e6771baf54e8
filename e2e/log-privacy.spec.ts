// No log line of the web app or the workers holds a person's details, whatever path they take.
// One person's canary values (name, email, phone, account id, postal address, free text) go
// through the public API, the web form, staff actions (API and page), erasures that fail on two sources whose
// errors quote them (an HTTP system and a PostgreSQL trigger), and callbacks with bad bodies; then
// every line the stack printed (test-results/e2e-logs/, written by support/server.ts) is searched.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from "../lib/connectors/http/signature.ts";
import { runAdmin } from "./support/admin-cli.ts";
import { codeIn, inbox, sql, waitForEmail } from "./support/fixtures.ts";
import { e2eLogDir } from "./support/ports.ts";
import { apiKeyFor, createStaff, signIn } from "./support/staff.ts";

test.describe.configure({ mode: "serial" });

const digits = String(100_000 + (randomBytes(3).readUIntBE(0, 3) % 900_000));
const person = {
  name: `Quillon Canarywright${digits}`,
  email: `quillon.canary${digits}@example.test`,
  phone: `+3367155${digits}`,
  accountId: `ACCT-CANARY-${digits}`,
  address: `${digits} Rue des Canaris, 69002 Lyon`,
  freeText: `My loyalty card Canaryfree${digits} was stolen`,
};
/** What must appear in no log line (case ignored): each value, and the parts a log could cut out of it. */
const canaries = [
  ...Object.values(person),
  `Canarywright${digits}`,
  `quillon.canary${digits}`,
  `7155${digits}`,
  `CANARY-${digits}`,
  `${digits} Rue des Canaris`,
  `Canaryfree${digits}`,
];
const corrections = [
  { field: "phone", correctValue: person.phone, currentValue: "+33600000000" },
  { field: "postal address", correctValue: person.address },
];

const secret = randomBytes(24).toString("hex");
let crm: Server;
let apiKey = "";
const references: Record<string, string> = {};

/** The company's CRM: it accepts the test call, answers access later, and fails erasures and corrections quoting the person. */
async function startCrm(): Promise<string> {
  crm = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        action: string;
        subject: { email: string } | null;
        corrections?: unknown[];
      };
      if (body.action === "test") return void response.writeHead(204).end();
      if (body.action === "access" || body.action === "portability") return void response.writeHead(202).end();
      // Its error quotes its own record of the person, found by the address it was sent.
      const record = body.subject?.email === person.email ? person : { name: "?", accountId: "?" };
      response
        .writeHead(500, { "content-type": "text/plain" })
        .end(
          `Customer ${record.name} <${body.subject?.email}> (account ${record.accountId}) is locked; pending ${JSON.stringify(body.corrections ?? [])}`,
        );
    });
  });
  await new Promise<void>((resolve) => crm.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(crm.address() as AddressInfo).port}/dsar`;
}

async function api(request: APIRequestContext, path: string, data: unknown, options: { staff?: boolean } = {}) {
  return request.post(path, {
    data,
    headers: options.staff ? { authorization: `Bearer ${apiKey}`, "idempotency-key": randomBytes(8).toString("hex") } : {},
  });
}

async function verifyByApi(request: APIRequestContext, reference: string) {
  const code = codeIn(await waitForEmail(inbox, person.email, (m) => m.text.includes(reference)));
  const verified = await api(request, `/api/v1/requests/${reference}/verify`, { code });
  expect(verified.status()).toBe(200);
}

async function waitForTasks(reference: string, status: string, count: number) {
  await expect
    .poll(
      async () => {
        const rows = await sql<{ status: string }>(
          `SELECT t.status FROM connector_tasks t JOIN requests r ON r.id = t."requestId" WHERE r.reference = $1`,
          [reference],
        );
        return rows.filter((row) => row.status === status).length;
      },
      { timeout: 45_000 },
    )
    .toBe(count);
}

test.beforeAll(async () => {
  const crmUrl = await startCrm();
  // The shop's database refuses to delete a customer on legal hold, quoting the row (as triggers often do).
  await sql(`CREATE TABLE IF NOT EXISTS canary_customers (id serial PRIMARY KEY, email text NOT NULL, name text, account text)`);
  await sql(`CREATE OR REPLACE FUNCTION canary_hold() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'customer % (account %, %) is on legal hold', OLD.name, OLD.account, OLD.email; END $$`);
  await sql(`DROP TRIGGER IF EXISTS canary_hold ON canary_customers`);
  await sql(`CREATE TRIGGER canary_hold BEFORE DELETE ON canary_customers FOR EACH ROW EXECUTE FUNCTION canary_hold()`);
  await sql(`INSERT INTO canary_customers (email, name, account) VALUES ($1, $2, $3)`, [person.email, person.name, person.accountId]);
  const [{ url: shopUrl }] = await sql<{ url: string }>(
    "SELECT 'postgres://' || current_user || '@127.0.0.1:5432/' || current_database() AS url",
  );
  const file = join(mkdtempSync(join(tmpdir(), "dsar-e2e-canary-")), "connectors.yaml");
  writeFileSync(
    file,
    `connectors:
  - key: canary-crm
    name: Canary CRM
    type: http
    actions: [access, erasure, rectification]
    maxAttempts: 1
    config: { url: "\${CANARY_CRM_URL}", secret: "\${CANARY_CRM_SECRET}", timeoutSeconds: 10 }
  - key: canary-shop
    name: Canary shop
    type: postgres
    actions: [erasure]
    maxAttempts: 1
    config:
      url: \${CANARY_SHOP_URL}
      tables:
        - table: canary_customers
          identity: { email: email }
          erase: { strategy: delete }
`,
  );
  runAdmin(["apply-connectors", file], { CANARY_CRM_URL: crmUrl, CANARY_CRM_SECRET: secret, CANARY_SHOP_URL: shopUrl });
  apiKey = await apiKeyFor("admin");
});

test.afterAll(async () => {
  // Later specs approve requests of their own: these sources must not get their tasks.
  await sql(`UPDATE connectors SET enabled = false WHERE key IN ('canary-crm', 'canary-shop')`);
  crm?.closeAllConnections();
  await new Promise((resolve) => crm?.close(resolve));
});

test("the public API takes the person's details, and refuses a malformed or invalid body that carries them", async ({ request }) => {
  const common = { email: person.email, fullName: person.name, accountId: person.accountId, country: "FR", details: person.freeText };
  const rectification = await api(request, "/api/v1/requests", { type: "rectification", ...common, corrections });
  expect(rectification.status()).toBe(202);
  references.rectification = ((await rectification.json()) as { reference: string }).reference;
  await verifyByApi(request, references.rectification);

  const erasure = await api(request, "/api/v1/requests", { type: "erasure", ...common });
  expect(erasure.status()).toBe(202);
  references.erasure = ((await erasure.json()) as { reference: string }).reference;
  await verifyByApi(request, references.erasure);

  const invalid = await api(request, "/api/v1/requests", { type: "access", ...common, country: "ZZ", region: person.address });
  expect(invalid.status()).toBe(400);
  const malformed = await request.post("/api/v1/requests", {
    data: `{"type":"access","email":"${person.email}","fullName":"${person.name}",`,
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
});

test("the web form takes them too, and the person confirms with the emailed code", async ({ page }) => {
  await page.goto("/en");
  for (const right of ["Access", "Erasure"]) await page.getByRole("checkbox", { name: right, exact: true }).check();
  await page.getByLabel("Country where you live").selectOption("FR");
  await page.getByLabel("Email address").fill(person.email);
  await page.locator("#fullName").fill(person.name);
  await page.locator("#accountId").fill(person.accountId);
  await page.locator("#details").fill(`${person.freeText}. Write to ${person.address} or call ${person.phone}.`);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/en\/submitted\?ref=DSR-/);
  const shown = (await page.getByText(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/).allTextContents()).join(" ");
  const first = shown.match(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0] ?? "no reference shown";
  const code = codeIn(await waitForEmail(inbox, person.email, (m) => m.text.includes(first)));
  await page.getByLabel("6-digit code from the email").fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  const rows = await sql<{ reference: string; type: string }>(
    `SELECT reference, type FROM requests WHERE email = $1 AND channel = 'WEB' ORDER BY type`,
    [person.email],
  );
  for (const row of rows) references[`form-${row.type.toLowerCase()}`] = row.reference;
  expect(Object.keys(references)).toEqual(expect.arrayContaining(["form-access", "form-erasure"]));
});

test("staff ask, extend and approve with messages that name the person; the erasures fail on both sources", async ({ request }) => {
  const ask = await api(
    request,
    `/api/v1/requests/${references["form-erasure"]}/request-information`,
    { message: `Please confirm that ${person.name} lives at ${person.address} (phone ${person.phone}).` },
    { staff: true },
  );
  expect(ask.status()).toBe(200);
  const extend = await api(
    request,
    `/api/v1/requests/${references.rectification}/extend`,
    { reason: `Account ${person.accountId} of ${person.name} is spread over many systems.` },
    { staff: true },
  );
  expect(extend.status()).toBe(200);
  for (const key of ["erasure", "rectification", "form-access"]) {
    const approved = await api(request, `/api/v1/requests/${references[key]}/approve`, {}, { staff: true });
    expect(approved.status(), key).toBe(200);
  }
  // Both sources failed, and their text quoting the person is on the task rows staff read.
  await waitForTasks(references.erasure, "FAILED", 2);
  await waitForTasks(references.rectification, "FAILED", 1);
  const errors = await sql<{ lastError: string }>(
    `SELECT t."lastError" FROM connector_tasks t JOIN requests r ON r.id = t."requestId" WHERE r.reference = $1`,
    [references.erasure],
  );
  expect(errors.map((row) => row.lastError).join("\n")).toContain(person.name);

  const denied = await api(
    request,
    `/api/v1/requests/${references["form-erasure"]}/deny`,
    { reason: "other", message: `${person.name}: we found no account ${person.accountId}.` },
    { staff: true },
  );
  expect(denied.status()).toBe(200);
  const closed = await api(
    request,
    `/api/v1/requests/${references.erasure}/close`,
    { outcome: "partially_fulfilled", message: `${person.name}, the shop keeps ${person.accountId} on legal hold.` },
    { staff: true },
  );
  expect(closed.status()).toBe(200);
});

test("an agent writes a note naming the person on the request's page", async ({ page }) => {
  const agent = await createStaff("agent");
  await signIn(page, agent);
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM requests WHERE reference = $1`, [references.rectification]);
  await page.goto(`/staff/requests/${id}`);
  const note = `Called ${person.name} on ${person.phone}; account ${person.accountId}, ${person.address}.`;
  await page.getByLabel("New note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("region", { name: "Internal notes" })).toContainText(person.phone);
});

test("callbacks with a bad body or a bad signature are refused", async ({ request }) => {
  await waitForTasks(references["form-access"], "WAITING_CALLBACK", 1);
  const [{ id: taskId }] = await sql<{ id: string }>(
    `SELECT t.id FROM connector_tasks t JOIN requests r ON r.id = t."requestId" WHERE r.reference = $1`,
    [references["form-access"]],
  );
  const post = (raw: string, signed: boolean) => {
    const { timestamp, signature } = signPayload(signed ? secret : "not-the-secret-0123456789abcdef", raw);
    return request.post(`/api/v1/connector-callbacks/${taskId}`, {
      data: Buffer.from(raw), // as bytes: Playwright would quote a string that is not valid JSON
      headers: { "content-type": "application/json", [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
    });
  };
  const wrongShape = JSON.stringify({ records: [{ category: person.name, fields: `${person.email} ${person.phone}` }] });
  expect((await post(wrongShape, true)).status()).toBe(400);
  expect((await post(`{"records": [${JSON.stringify(person)}`, true)).status()).toBe(400);
  expect((await post(JSON.stringify({ records: [{ category: "x", fields: person }] }), false)).status()).toBe(401);
});

test("no line the web app or the workers logged holds any of the person's details", async () => {
  // The workers logged the failures (so these are the right files), by task id and status.
  await expect
    .poll(() => readFileSync(join(e2eLogDir, "workers.log"), "utf8").includes('"msg":"job failed"'), { timeout: 15_000 })
    .toBe(true);
  // Staff reading the logs still learn what failed: the HTTP status, PostgreSQL's SQLSTATE (P0001: raised by the trigger).
  const workersLog = readFileSync(join(e2eLogDir, "workers.log"), "utf8");
  expect(workersLog).toMatch(/"queue":"connector-canary-crm".*"err":\{"type":"HttpConnectorError","status":500\}/);
  expect(workersLog).toMatch(/"queue":"connector-canary-shop".*"errorCode":"P0001"/);
  const found: string[] = [];
  for (const name of ["web", "workers"]) {
    const lines = readFileSync(join(e2eLogDir, `${name}.log`), "utf8").split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const lower = line.toLowerCase();
      const hits = canaries.filter((canary) => lower.includes(canary.toLowerCase()));
      if (hits.length > 0) found.push(`${name}.log: ${line.slice(0, 400)}`);
    }
  }
  expect(found).toEqual([]);
});
