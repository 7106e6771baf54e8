// Access, erasure and rectification end to end through the portal's workers, with rest connectors
// made from the shipped Stripe and HubSpot templates, against a server that follows their
// documented shapes. The package holds exactly what the API answered (big numbers exact); an
// erasure that fails half-way leaves the truth on the task and nothing personal in the queue.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HUBSPOT_TOKEN, RawNumber, STRIPE_KEY, startSaasServer } from "../support/saas-server.ts";

const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { openDownload } = await import("../../lib/fulfilment/open-download.ts");
const { retryConnectorTask } = await import("../../lib/fulfilment/retry-connector-task.ts");
const { waitForEmail } = await import("../support/mailbox.ts");
const { unzipStream } = await import("../support/package-files.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { getQueue } = await import("../../lib/queue/enqueue.ts");
const { connectorQueueName } = await import("../../lib/queue/jobs.ts");
const { fileVerifiedRequest, waitForRequests } = await import("../support/fulfilment-requests.ts");

const saas = await startSaasServer();
const system = { type: "SYSTEM" as const, id: "test" };

/** A shipped template as the `config:` of a connectors-file entry, its address and secret from the environment. */
function entry(key: string, template: string, secretLine: string, actions: string) {
  const text = readFileSync(new URL(`../../lib/connectors/rest/templates/${template}.yaml`, import.meta.url), "utf8")
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the connectors file's own ${VAR} substitution
    .replace(/^baseUrl: .*$/m, "baseUrl: ${SAAS_URL}")
    .replace(/^ {2}type: bearer$/m, `  type: bearer\n  ${secretLine}`)
    .replace(/^requestsPerSecond: .*$/m, "retries: { max: 1, baseDelayMs: 10 }");
  const config = text
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
  return `  - key: ${key}\n    name: ${key}\n    type: rest\n    actions: [${actions}]\n    maxAttempts: 1\n    config:\n${config}\n`;
}

beforeAll(async () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the connectors file's own ${VAR} substitution
  const file = `connectors:\n${entry("billing", "stripe", "token: ${STRIPE_KEY}", "access, erasure, rectification")}${entry("crm", "hubspot", "token: ${HUBSPOT_TOKEN}", "access, erasure, rectification")}`;
  const { entries, problems } = await readConnectorsFile(file, { SAAS_URL: saas.url, STRIPE_KEY, HUBSPOT_TOKEN });
  expect(problems).toEqual([]);
  await applyConnectors(entries, system);
}, 60_000);
runWorkersDuringTests();
afterAll(() => saas.close());

function seedPerson(email: string, n: number) {
  const id = `cus_${n}`;
  saas.state.stripe.customers.set(id, { id, object: "customer", email, name: "Léa Martin", phone: null, metadata: {} });
  for (let i = 1; i <= 3; i++) {
    saas.state.stripe.charges.push({
      id: `ch_${n}_${i}`,
      object: "charge",
      customer: id,
      amount: i === 3 ? (new RawNumber("90071992547409930") as unknown as number) : i * 1000,
      currency: "eur",
      description: "Order",
    });
  }
  const contact = String(700 + n);
  saas.state.hubspot.contacts.set(contact, {
    id: contact,
    properties: { email, firstname: "Léa", lastname: "Martin", phone: null },
    createdAt: "2026-01-05T10:00:00.000Z",
    updatedAt: "2026-01-05T10:00:00.000Z",
    archived: false,
  });
  return { customer: id, contact };
}

const catcher = () => process.env.MAIL_CATCHER_URL as string;

describe("rest connectors through the workers", () => {
  it("answers an access request with what each API holds about the person, values exact", async () => {
    const email = "lea.martin.access@example.com";
    seedPerson(email, 1);
    seedPerson("someone.else@example.com", 2);
    const reference = await fileVerifiedRequest(email, "access");
    await approveRequest({ reference, actor: system });
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.tasks.map((t) => [t.connector.key, t.status, t.receipt])).toEqual(
      expect.arrayContaining([
        ["billing", "SUCCEEDED", expect.objectContaining({ records: 4 })],
        ["crm", "SUCCEEDED", expect.objectContaining({ records: 1 })],
      ]),
    );
    const ready = await waitForEmail(catcher(), email, (m) => m.text.includes(reference) && /download/i.test(m.subject));
    const token = (ready.text.match(/\/en\/download\/([A-Za-z0-9_-]+)/) as RegExpMatchArray)[1];
    const files = await unzipStream((await openDownload(token, "127.0.0.1")).stream);
    const charges = [...files.entries()].find(([path]) => /billing\/charges\.json$/.test(path))?.[1] ?? "";
    expect(charges).toContain('"90071992547409930"');
    expect([...files.values()].join("\n")).not.toContain("someone.else@example.com");
  });

  it("erases in each API, keeps the charges with their reason, and tells the person", async () => {
    const email = "lea.martin.erase@example.com";
    const { customer, contact } = seedPerson(email, 3);
    const reference = await fileVerifiedRequest(email, "erasure");
    await approveRequest({ reference, actor: system });
    const [done] = await waitForRequests([reference], "COMPLETED");
    const billing = done.tasks.find((t) => t.connector.key === "billing");
    expect(billing?.receipt).toMatchObject({
      affected: 1,
      details: [
        { category: "charges", strategy: "retain", rows: 3 },
        { category: "customer", strategy: "delete", rows: 1 },
      ],
    });
    expect(saas.state.stripe.customers.has(customer)).toBe(false);
    expect(saas.state.hubspot.contacts.has(contact)).toBe(false);
    const receipt = await waitForEmail(
      catcher(),
      email,
      (m) => m.text.includes(reference) && /^Your erasure request is done, and some data is kept/.test(m.subject),
    );
    expect(receipt.text).toContain("Payment records are kept as accounting and tax law requires");
  });

  it("keeps the truth on the task when one API fails the erasure, nothing personal in the queue, and a retry finishes", async () => {
    const email = "lea.martin.fault@example.com";
    const { customer, contact } = seedPerson(email, 4);
    saas.fail({ method: "POST", path: /gdpr-delete$/, status: 500, times: 2, body: `{"message":"cannot delete ${email}"}` });
    const reference = await fileVerifiedRequest(email, "erasure");
    await approveRequest({ reference, actor: system });
    const deadline = Date.now() + 30_000;
    let task = await db().connectorTask.findFirst({ where: { request: { reference }, connector: { key: "crm" } } });
    while (task?.status !== "FAILED" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      task = await db().connectorTask.findFirst({ where: { request: { reference }, connector: { key: "crm" } } });
    }
    expect(task?.status).toBe("FAILED");
    expect(task?.lastError).toMatch(/answered 500 \(2 tries\) at contact 1 of 1 \(id \d+\)\. Nothing was erased before the failure\./);
    expect(saas.state.hubspot.contacts.has(contact)).toBe(true);
    expect(task?.lastError).toContain(email);
    // The queue gets the kind of failure only (lib/fulfilment/task-failure-message.ts).
    const queue = getQueue(connectorQueueName("crm"));
    for (let tries = 0; tries < 100 && (await queue.getJobState(`task-${task?.id}`)) !== "failed"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const job = await queue.getJob(`task-${task?.id}`);
    expect(job?.failedReason).toBe(`Connector task ${task?.id} failed: RestConnectorError (status 500); the full message is on the task`);

    await retryConnectorTask(task?.id as string, system);
    await waitForRequests([reference], "COMPLETED");
    expect(saas.state.hubspot.contacts.has(contact)).toBe(false);
    expect(saas.state.stripe.customers.has(customer)).toBe(false);
  });

  it("corrects the mapped fields and reports the others", async () => {
    const email = "lea.martin.rectify@example.com";
    const { customer, contact } = seedPerson(email, 5);
    const reference = await fileVerifiedRequest(email, "rectification", [
      { field: "phone", correctValue: "+33 6 12 34 56 78" },
      { field: "fullName", correctValue: "Léa Martin-Dubois" },
    ]);
    await approveRequest({ reference, actor: system });
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.tasks.find((t) => t.connector.key === "crm")?.receipt).toMatchObject({
      applied: [{ field: "phone", category: "contact", column: "properties.phone", rows: 1 }],
      unmapped: ["fullName"],
    });
    expect(saas.state.stripe.customers.get(customer)).toMatchObject({ phone: "+33 6 12 34 56 78", name: "Léa Martin-Dubois" });
    expect(saas.state.hubspot.contacts.get(contact)?.properties.phone).toBe("+33 6 12 34 56 78");
  });
});
