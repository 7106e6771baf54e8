// From approval to the person's inbox, on the real stack: a PostgreSQL shop database, a CRM
// behind the http connector that answers through a signed callback, and a manual task.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadPackage, unzipStream } from "../support/package-files.ts";

// This file receives the CRM's callbacks on a small server of its own that hands them to the route.
const callbackServer: Server = createServer();
await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
process.env.APP_URL = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
// Portability requests are approved as soon as they are verified, in this file.
process.env.AUTO_APPROVE_RIGHTS = "portability";

const { POST: callbackRoute } = await import("../../app/api/v1/connector-callbacks/[taskId]/route.ts");
const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { completeManualTask } = await import("../../lib/fulfilment/complete-manual-task.ts");
const { openDownload, getDownloadInfo } = await import("../../lib/fulfilment/open-download.ts");
const { purgeExpiredPackages } = await import("../../lib/fulfilment/purge-expired-packages.ts");
const { resumeStalledFulfilment } = await import("../../lib/fulfilment/resume-stalled-fulfilment.ts");
const { runConnectorTask } = await import("../../lib/fulfilment/run-connector-task.ts");
const { completeCorrectionTask } = await import("../../lib/corrections/complete-correction-task.ts");
const { getSubmissionStatus } = await import("../../lib/requests/get-submission-status.ts");
const { testConnectors } = await import("../../lib/connectors/test-connectors.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { startDemoCrm } = await import("../../scripts/dev/demo-crm.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { waitForEmail } = await import("../support/mailbox.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { fileVerifiedRequest, waitForRequests } = await import("../support/fulfilment-requests.ts");

const { serveCallbackRoute } = await import("../support/callback-server.ts");
serveCallbackRoute(callbackServer, callbackRoute);

const shopName = `shop_${randomBytes(4).toString("hex")}`;
const crmSecret = randomBytes(24).toString("hex");
let shopUrl = "";
let crm: Awaited<ReturnType<typeof startDemoCrm>>;
const catcher = () => process.env.MAIL_CATCHER_URL as string;
let appliedEntries: Awaited<ReturnType<typeof readConnectorsFile>>["entries"] = [];
let appliedShared: Awaited<ReturnType<typeof readConnectorsFile>>["shared"] = {};

beforeAll(async () => {
  shopUrl = await ensureDemoShop(adminDatabaseUrl, shopName, 20);
  crm = await startDemoCrm({ port: 0, secret: crmSecret, callbackDelayMs: 300 });
  const { readFileSync } = await import("node:fs");
  // The demo's sources, plus a manual access task whose answer is a document staff upload.
  const yaml = `${readFileSync(new URL("../../scripts/dev/demo-connectors.yaml", import.meta.url), "utf8")}
  - key: scanned-forms
    name: Scanned paper forms
    type: manual
    actions: [access]
    config:
      instructions: "Scan the person's signed paper forms and upload the scan."
`;
  const { entries, shared, problems } = await readConnectorsFile(yaml, {
    DEMO_SHOP_DATABASE_URL: shopUrl,
    DEMO_CRM_URL: crm.url,
    DEMO_CRM_SECRET: crmSecret,
  });
  expect(problems).toEqual([]);
  appliedEntries = entries;
  appliedShared = shared;
  await applyConnectors(entries, { type: "SYSTEM", id: "test" }, shared);
}, 120_000);
// Started after the connectors exist, so each gets its worker at once.
runWorkersDuringTests();
afterAll(async () => {
  await crm?.close();
  await new Promise((resolve) => callbackServer.close(resolve));
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
});

const staffActor = { type: "SYSTEM" as const, id: "test" };

async function shopRow(email: string) {
  const shop = new pg.Client({ connectionString: shopUrl });
  await shop.connect();
  try {
    return (await shop.query("SELECT first_name, last_name, address FROM customers WHERE email = $1", [email])).rows[0];
  } finally {
    await shop.end();
  }
}

/** The person's status page data for one request, through the status link of an email they got. */
async function statusOf(emailText: string, reference: string) {
  const token = /\/status\/([A-Za-z0-9_-]+)/.exec(emailText)?.[1] as string;
  const status = await getSubmissionStatus(token);
  return status.requests.find((r) => r.reference === reference) as (typeof status.requests)[number];
}

async function waitForCorrectionTask(reference: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await db().correctionTask.findFirst({ where: { request: { reference } } });
    if (task) return task;
    const request = await db().dsarRequest.findUnique({ where: { reference } });
    if (Date.now() > deadline || request?.status === "COMPLETED")
      throw new Error(`no correction task for ${reference} (${request?.status})`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function waitForTaskStatus(reference: string, connectorKey: string, status: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await db().connectorTask.findFirst({ where: { request: { reference }, connector: { key: connectorKey } } });
    if (task?.status === status) return task;
    if (Date.now() > deadline) throw new Error(`task ${connectorKey} of ${reference} is ${task?.status}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe("fulfilment", () => {
  it("answers an approved access request with a package whose files match the shop database and the CRM", async () => {
    const email = "camille.durand@example.com";
    const reference = await fileVerifiedRequest(email, "access");
    await approveRequest({ reference, actor: { type: "SYSTEM", id: "test" } });
    const manual = await waitForTaskStatus(reference, "scanned-forms", "AWAITING_STAFF");
    const scan = Buffer.from("%PDF-1.4 scanned form of Camille Durand\n");
    await completeManualTask(
      manual.id,
      { note: "Found 1 signed form, scanned", file: { name: "signed form.pdf", content: scan } },
      { type: "SYSTEM", id: "test" },
    );
    const done = await waitForRequests([reference], "COMPLETED").then(([row]) => row);
    expect(done.outcome).toBe("FULFILLED");
    expect(done.tasks.map((t) => [t.connector.key, t.status]).sort()).toEqual([
      ["crm", "SUCCEEDED"],
      ["scanned-forms", "SUCCEEDED"],
      ["shop-db", "SUCCEEDED"],
    ]);

    const ready = await waitForEmail(catcher(), email, (m) => m.text.includes(reference) && /download/i.test(m.subject));
    const link = ready.text.match(/https?:\/\/\S+\/en\/download\/([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const { stream, filename } = await openDownload((link as RegExpMatchArray)[1], "127.0.0.1");
    expect(filename).toBe(`${reference}.zip`);
    const files = await unzipStream(stream);
    expect([...files.keys()]).toEqual(expect.arrayContaining(["index.html", "manifest.json"]));

    const shop = new pg.Client({ connectionString: shopUrl });
    await shop.connect();
    const orders = await shop.query("SELECT o.invoice_number FROM orders o JOIN customers c USING (customer_id) WHERE c.email = $1", [
      email,
    ]);
    await shop.end();
    const ordersFile = [...files.entries()].find(([path]) => /shop-db\/orders\.json$/.test(path));
    expect(ordersFile).toBeDefined();
    const exported = JSON.parse((ordersFile as [string, string])[1]) as {
      about: Record<string, unknown>;
      records: Array<{ invoice_number: string }>;
    };
    expect(exported.records.map((o) => o.invoice_number).sort()).toEqual(orders.rows.map((o) => o.invoice_number).sort());
    // Beside the records, what the data map says of them, in the request's language.
    expect(exported.about).toMatchObject({
      source: "Our online shop",
      category: "orders",
      described: true,
      label: "Your orders and invoices",
      dataCategories: ["Purchases and transactions"],
      legalBasis: ["Performance of a contract (Art. 6(1)(b))", "Legal obligation (Art. 6(1)(c))"],
      retention: "10 years from the end of the financial year of the invoice",
      origin: "Given by the person",
      automatedDecisions: null,
      // How the values written as text are to be read: the amount is exact, the time a UTC moment.
      fieldFormats: { placed_at: "date-time", total: "exact-number" },
    });
    // The answer itself: the person's invoices, the map's texts, the controller, rights and complaints.
    const html = files.get("index.html") as string;
    for (const order of orders.rows) expect(html).toContain(`<td>${order.invoice_number}</td>`);
    expect(html).toContain("Your orders and invoices");
    expect(html).toContain("Keeping our accounts as the law requires");
    expect(html).toContain("3 years from your last order or your last contact with us");
    expect(html).toContain("Nuage Hosting Inc. (cloud hosting)");
    expect(html).toContain("in United States · transfer outside the European Economic Area protected by standard contractual clauses");
    expect(html).toContain("A program places you in a customer group");
    expect(html).toContain("No automated decision is made with this data.");
    expect(html).toContain("Maison Lumière SAS");
    expect(html).toContain("dpo@maison-lumiere.example");
    expect(html).toContain('href="https://www.cnil.fr"');
    expect(html).toContain("Rectification: if some of this data is wrong");
    // The manual source's document has no map: nothing is made up for it, and no California list here.
    expect(html).not.toContain("For California residents");
    expect(html).not.toContain("No description");
    const crmFile = [...files.entries()].find(([path]) => /crm\/contacts\.json$/.test(path));
    expect((crmFile as [string, string])[1]).toContain(email);
    expect(files.get("data/scanned-forms/files/signed_form.pdf")).toBe(scan.toString("utf8"));
    expect(files.get("index.html")).toContain("signed form.pdf");
    // What each field means, as the connectors file declares it, in the request's language.
    expect(files.get("index.html")).toContain("The number on your invoice");
    const manifest = JSON.parse(files.get("manifest.json") as string) as {
      valueFormats: Record<string, string>;
      files: Array<{ path: string; sha256: string; fieldFormats?: Record<string, string> }>;
    };
    expect(Object.keys(manifest.valueFormats)).toEqual(expect.arrayContaining(["date-time", "exact-number"]));
    expect(manifest.files.find((file) => file.path === "data/shop-db/orders.json")?.fieldFormats).toMatchObject({
      total: "exact-number",
    });
    const { createHash } = await import("node:crypto");
    for (const file of manifest.files)
      expect(
        createHash("sha256")
          .update(files.get(file.path) as string)
          .digest("hex"),
      ).toBe(file.sha256);
    // Nobody else's data is in it.
    expect([...files.values()].join("\n")).not.toMatch(/oliver\.smith@example\.co\.uk/);
    // The staging files are gone once packaged; the package itself is encrypted at rest.
    const { readFileSync, existsSync } = await import("node:fs");
    const artifact = await db().exportArtifact.findFirstOrThrow({ where: { request: { reference } } });
    expect(readFileSync(artifact.storagePath).includes(Buffer.from(email))).toBe(false);
    const tasks = await db().connectorTask.findMany({ where: { request: { reference } } });
    expect(tasks.every((t) => t.resultPath === null)).toBe(true);

    // Downloads are counted; past the limit, or once the package expired, the file is gone.
    const token = (link as RegExpMatchArray)[1];
    expect((await getDownloadInfo(token)).downloadsLeft).toBe(artifact.maxDownloads - 1);
    for (let i = 1; i < artifact.maxDownloads; i++) (await openDownload(token, "127.0.0.1")).stream.destroy();
    await expect(openDownload(token, "127.0.0.1")).rejects.toMatchObject({ code: "GONE" });
    expect((await purgeExpiredPackages()).deleted).toBeGreaterThanOrEqual(1);
    expect(existsSync(artifact.storagePath)).toBe(false);
    const purged = await db().exportArtifact.findUniqueOrThrow({ where: { id: artifact.id } });
    expect(purged.wrappedKey).toBeNull();
    expect(await db().artifactDownload.count({ where: { artifactId: artifact.id } })).toBe(artifact.maxDownloads);
  }, 120_000);

  it("answers a French access request in French, and a Californian one with the §1798.110 list", async () => {
    const french = await fileVerifiedRequest("camille.durand@example.com", "access", undefined, { locale: "fr" });
    const californian = await fileVerifiedRequest("maria.garcia@example.com", "access", undefined, { country: "US", region: "CA" });
    for (const reference of [french, californian]) await approveRequest({ reference, actor: { type: "SYSTEM", id: "test" } });
    for (const reference of [french, californian]) {
      const manual = await waitForTaskStatus(reference, "scanned-forms", "AWAITING_STAFF");
      await completeManualTask(manual.id, { note: "Nothing on paper" }, { type: "SYSTEM", id: "test" });
    }
    await waitForRequests([french, californian], "COMPLETED");

    const frFiles = await downloadPackage(catcher(), "camille.durand@example.com", french);
    // The email sums the answer up in French: kinds of data, why, how long, who receives it.
    const frEmail = await waitForEmail(
      catcher(),
      "camille.durand@example.com",
      (m) => m.text.includes(french) && m.text.includes("/download/"),
    );
    expect(frEmail.text).toContain("Vos commandes et factures");
    expect(frEmail.text).toContain("Conservation\u00a0: 10 ans à compter de la clôture de l’exercice de la facture");
    expect(frEmail.text).toContain("Nuage Hosting Inc. (hébergement) (États-Unis)");
    // The status page says the same per source and category, and downloads the package from its own button.
    const statusToken = (frEmail.text.match(/\/fr\/status\/([A-Za-z0-9_-]+)/) as RegExpMatchArray)[1];
    const { getSubmissionStatus } = await import("../../lib/requests/get-submission-status.ts");
    const status = (await getSubmissionStatus(statusToken)).requests[0];
    // The system is named as the person reads it, in their language.
    expect(status.answerSources?.find((source) => source.name === "Notre boutique en ligne")?.categories).toEqual(
      expect.arrayContaining(["customers", "orders", "order_items"]),
    );
    expect(status.download?.downloadsLeft).toBeGreaterThan(0);
    // Told as the data map said when the answer was given: a purpose changed afterwards (a new
    // version of the map) does not rewrite what the person was told.
    const shopSource = () => status.answerSources?.find((source) => source.name === "Notre boutique en ligne");
    const purposesThen = JSON.stringify((shopSource()?.dataMap as Record<string, { purposes: unknown }> | null)?.orders?.purposes);
    expect(purposesThen).toContain("Vendre et livrer");
    const { recordDataMapVersion } = await import("../../lib/data-map/record-data-map-version.ts");
    const shopDb = await db().connector.findUniqueOrThrow({ where: { key: "shop-db" } });
    const changed = structuredClone(shopDb.dataMap) as Record<string, { purposes: unknown }>;
    changed.orders.purposes = [{ en: "Profiling for advertising", fr: "Profilage publicitaire" }];
    await db().$transaction(async (tx) => {
      await tx.connector.update({ where: { key: "shop-db" }, data: { dataMap: JSON.parse(JSON.stringify(changed)) } });
      await recordDataMapVersion(tx, { type: "SYSTEM", id: "test" });
    });
    try {
      const later = (await getSubmissionStatus(statusToken)).requests[0];
      const shopLater = later.answerSources?.find((source) => source.name === "Notre boutique en ligne");
      expect(JSON.stringify((shopLater?.dataMap as Record<string, { purposes: unknown }> | null)?.orders?.purposes)).toBe(purposesThen);
    } finally {
      await db().$transaction(async (tx) => {
        await tx.connector.update({ where: { key: "shop-db" }, data: { dataMap: JSON.parse(JSON.stringify(shopDb.dataMap)) } });
        await recordDataMapVersion(tx, { type: "SYSTEM", id: "test" });
      });
    }
    const { openStatusDownload } = await import("../../lib/fulfilment/open-status-download.ts");
    const fromStatus = await unzipStream((await openStatusDownload(statusToken, french, "127.0.0.1")).stream);
    expect(fromStatus.get("index.html")).toContain("Vos commandes et factures");
    expect((await getSubmissionStatus(statusToken)).requests[0].download?.downloadsLeft).toBe((status.download?.downloadsLeft ?? 0) - 1);
    await expect(openStatusDownload(statusToken, "DSR-0000-0000", "127.0.0.1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const frHtml = frFiles.get("index.html") as string;
    expect(frHtml).toContain('<html lang="fr">');
    expect(frHtml).toContain("Vos commandes et factures");
    expect(frHtml).toContain("Notre boutique en ligne");
    expect(frHtml).not.toContain("Shop database");
    expect(frEmail.text).toContain("Notre boutique en ligne");
    expect(frHtml).toContain("Nom technique\u00a0: orders");
    expect(frHtml).toContain("10 ans à compter de la clôture de l’exercice de la facture");
    expect(frHtml).toContain("Exécution d&#39;un contrat (art. 6(1)(b))");
    expect(frHtml).toContain("clauses contractuelles types");
    expect(frHtml).toContain("Le numéro de votre facture");
    expect(frHtml).toContain("Vous avez aussi le droit de former un recours juridictionnel.");
    expect(frHtml).not.toMatch(/Pas de description|Your orders|Why we use it/);
    const frOrders = JSON.parse(frFiles.get("data/shop-db/orders.json") as string);
    expect(frOrders.about).toMatchObject({ label: "Vos commandes et factures", origin: "Fournies par la personne" });
    expect(frOrders.about.retention).toBe("10 ans à compter de la clôture de l’exercice de la facture");

    const caHtml = (await downloadPackage(catcher(), "maria.garcia@example.com", californian)).get("index.html") as string;
    expect(caHtml).toContain("For California residents");
    expect(caHtml).toContain("Commercial information");
    expect(caHtml).toContain("We have not sold or shared your personal information.");
    expect(caHtml).toContain("the California Privacy Protection Agency");
  }, 180_000);

  it("erases everywhere, keeps what the law requires with its reason, and waits for the manual task", async () => {
    const email = "oliver.smith@example.co.uk";
    const reference = await fileVerifiedRequest(email, "erasure");
    await approveRequest({ reference, actor: { type: "SYSTEM", id: "test" } });
    const deadline = Date.now() + 60_000;
    let manual = await db().connectorTask.findFirst({ where: { request: { reference }, connector: { key: "paper-archive" } } });
    while (manual?.status !== "AWAITING_STAFF" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      manual = await db().connectorTask.findFirst({ where: { request: { reference }, connector: { key: "paper-archive" } } });
    }
    expect(manual?.status).toBe("AWAITING_STAFF");
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("IN_PROGRESS");
    await completeManualTask(
      (manual as { id: string }).id,
      { note: "Shredded 3 pages from cabinet 2", erased: 3 },
      { type: "STAFF", id: "00000000-0000-4000-8000-000000000009" },
    );
    const done = await waitForRequests([reference], "COMPLETED", 120_000).then(([row]) => row);
    expect(done.outcome).toBe("FULFILLED");

    const shop = new pg.Client({ connectionString: shopUrl });
    await shop.connect();
    const left = await shop.query("SELECT count(*)::int AS n FROM customers WHERE email = $1", [email]);
    const newsletter = await shop.query("SELECT count(*)::int AS n FROM newsletter_subscriptions WHERE email = $1", [email]);
    const invoices = await shop.query("SELECT count(*)::int AS n FROM orders");
    await shop.end();
    expect(left.rows[0].n).toBe(0);
    expect(newsletter.rows[0].n).toBe(0);
    expect(invoices.rows[0].n).toBeGreaterThan(0);

    const receipt = await waitForEmail(
      catcher(),
      email,
      (m) => m.text.includes(reference) && /^Your erasure request is done, and some data is kept/.test(m.subject),
    );
    expect(receipt.text).toContain("Invoices are kept 10 years as tax law requires");
    // The kept data is named as the person reads it: the system's public name, the category's label.
    expect(receipt.text).toContain("Our online shop");
    expect(receipt.text).toMatch(/Data kept: Your orders and invoices \(\d+ records?\)/);
    const shopTask = done.tasks.find((t) => t.connector.key === "shop-db");
    expect(JSON.stringify(shopTask?.receipt)).not.toContain(email);
  }, 180_000);

  it("approves a verified portability request by itself when the rule says so, and delivers it", async () => {
    const email = "maria.garcia@example.com";
    const reference = await fileVerifiedRequest(email, "portability");
    const done = await waitForRequests([reference], "COMPLETED").then(([row]) => row);
    const approval = await db().auditEvent.findFirstOrThrow({ where: { requestId: done.id, action: "request.approved" } });
    expect(approval.actorId).toBe("auto-approval");
    // The status page offers the download too, not only the email (no Art. 15 summary for this right).
    const ready = await waitForEmail(catcher(), email, (m) => m.text.includes(reference) && /download/i.test(m.subject));
    const onStatus = await statusOf(ready.text, reference);
    expect(onStatus.download).toMatchObject({ downloadsLeft: 5 });
    expect(onStatus.answerSources).toBeNull();
    // Data only, for reuse (Art. 20): plain arrays of records, and no Art. 15 texts anywhere.
    const files = await downloadPackage(catcher(), email, reference);
    const customers = JSON.parse(files.get("data/shop-db/customers.json") as string);
    expect(Array.isArray(customers)).toBe(true);
    expect(customers[0].email).toBe(email);
    const everything = [...files.values()].join("\n");
    for (const art15 of [
      "What we do with this data",
      "Why we use it",
      "Legal basis",
      "How long we keep it",
      "GDPR Art. 6",
      "Maison Lumière",
      "Your customer account",
    ])
      expect(everything).not.toContain(art15);
  }, 120_000);

  it("leaves other rights waiting for a person", async () => {
    const reference = await fileVerifiedRequest("jean.tremblay@example.ca", "access");
    // Auto-approval runs inside verifyByCode, before it returns (lib/requests/verify-by-code.ts):
    // what is read now is final, no wait needed for "nothing happened".
    const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference }, include: { tasks: true } });
    expect(request.status).toBe("VERIFIED");
    expect(request.tasks).toEqual([]);
    expect(await db().auditEvent.count({ where: { requestId: request.id, action: "request.approved" } })).toBe(0);
  });

  it("adds again the flow of an approved request that never reached the queue", async () => {
    // As if the process had died between the approval's commit and the enqueue.
    const reference = await fileVerifiedRequest("lucas.silva@example.com.br", "access");
    const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    const shopDb = await db().connector.findUniqueOrThrow({ where: { key: "shop-db" } });
    await db().dsarRequest.update({
      where: { id: request.id },
      data: { status: "IN_PROGRESS", decidedAt: new Date(Date.now() - 3_600_000) },
    });
    await db().connectorTask.create({ data: { requestId: request.id, connectorId: shopDb.id, action: "ACCESS" } });
    expect((await resumeStalledFulfilment()).resumed).toBe(1);
    await waitForRequests([reference], "COMPLETED").then(([row]) => row);
    // Once the flow exists, the sweep leaves it alone.
    expect((await resumeStalledFulfilment()).resumed).toBe(0);
  }, 120_000);

  it("tests every connector against its system", async () => {
    const results = await testConnectors();
    expect(results.map((r) => [r.key, r.ok])).toEqual(
      expect.arrayContaining([
        ["crm", true],
        ["shop-db", true],
        ["paper-archive", true],
      ]),
    );
    expect(results.find((r) => r.key === "shop-db")?.message).toMatch(/Connected; 5 tables mapped/);
  });

  it("corrects the fields the shop maps in the shop database, completes the request and says where", async () => {
    const email = "jean.tremblay@example.ca";
    const reference = await fileVerifiedRequest(email, "rectification", [
      { field: "lastName", correctValue: "Tremblay-Roy", currentValue: "Tremblay" },
      { field: "postalAddress", correctValue: "12 rue Saint-Paul, Montréal" },
    ]);
    await approveRequest({ reference, actor: { type: "SYSTEM", id: "test" } });
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.outcome).toBe("FULFILLED");
    expect(done.tasks.map((t) => t.connector.key)).toEqual(["shop-db"]);
    expect(await db().correctionTask.count({ where: { requestId: done.id } })).toBe(0);
    const row = await shopRow(email);
    expect(row).toMatchObject({ last_name: "Tremblay-Roy", address: "12 rue Saint-Paul, Montréal" });
    const receipt = await waitForEmail(catcher(), email, (m) => m.text.includes(reference) && /corrected/i.test(m.subject));
    expect(receipt.subject).toMatch(/^Your data has been corrected/);
    // The demo's data map labels the table: the person reads that label, not the table name.
    expect(receipt.text).toContain("Surname: in Our online shop (Your customer account)");
    expect(receipt.text).toContain("Postal address: in Our online shop (Your customer account)");
    expect(receipt.text).not.toMatch(/write back|could not/i);
    const status = await statusOf(receipt.text, reference);
    expect(status.corrections.map((c) => [c.label, c.state])).toEqual([
      ["Surname", "corrected"],
      ["Postal address", "corrected"],
    ]);
    // The audit log names where (source, category, field), never the values.
    const completed = await db().auditEvent.findFirstOrThrow({ where: { requestId: done.id, action: "request.completed" } });
    expect(JSON.stringify(completed.data)).toContain('"field":"lastName"');
    expect(JSON.stringify(completed.data)).toContain('"category":"customers"');
    const events = await db().auditEvent.findMany({ where: { requestId: done.id } });
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/Tremblay-Roy|Saint-Paul/);
  }, 120_000);

  it("leaves corrections described in words to staff: the request stays in progress until they say what they corrected", async () => {
    const email = "lucas.martin@example.fr";
    const reference = await fileVerifiedRequest(email, "rectification", [
      { field: "Surname", correctValue: "Martin-Dubois", currentValue: "Martin" },
      { field: "Postal address", correctValue: "4 place Bellecour, Lyon" },
    ]);
    await approveRequest({ reference, actor: { type: "SYSTEM", id: "test" } });
    const task = await waitForCorrectionTask(reference);
    expect(task.items).toEqual([
      { index: 0, reason: "free-text" },
      { index: 1, reason: "free-text" },
    ]);
    const waiting = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    expect(waiting.status).toBe("IN_PROGRESS");
    expect(await db().emailMessage.count({ where: { requestId: waiting.id, template: "rectification-completed" } })).toBe(0);
    const verification = await waitForEmail(catcher(), email, (m) => m.text.includes(reference));
    const during = await statusOf(verification.text, reference);
    expect(during.status).toBe("IN_PROGRESS");
    expect(during.corrections.map((c) => c.state)).toEqual(["with-staff", "with-staff"]);

    await expect(
      completeCorrectionTask({ reference, input: { corrected: [0], note: "Surname changed in the shop back office" }, actor: staffActor }),
    ).rejects.toThrow(/tell the person why/i);
    await completeCorrectionTask({
      reference,
      input: {
        corrected: [0],
        note: "Surname changed in the shop back office",
        message: "Your address is the one your last order was sent to; change it in your account.",
      },
      actor: staffActor,
    });
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.outcome).toBe("PARTIALLY_FULFILLED");
    const receipt = await waitForEmail(catcher(), email, (m) => m.text.includes(reference) && /corrected/i.test(m.subject));
    expect(receipt.subject).toMatch(/^Your data has been partly corrected/);
    expect(receipt.text).toContain("Surname: corrected by our privacy team");
    expect(receipt.text).toContain("Postal address: not corrected");
    expect(receipt.text).toContain("change it in your account");
    expect(receipt.text).not.toMatch(/write back/i);
    const after = await statusOf(receipt.text, reference);
    expect(after.corrections.map((c) => c.state)).toEqual(["corrected-by-staff", "not-corrected"]);
    const staffDone = await db().auditEvent.findFirstOrThrow({
      where: { requestId: done.id, action: "request.corrections-completed-by-staff" },
    });
    expect(staffDone.data).toMatchObject({ corrected: 1, notCorrected: 1 });
    expect(JSON.stringify(staffDone.data)).not.toMatch(/Martin|Bellecour|back office|account/);
  }, 120_000);

  it("fails a task whose callback did not come in time, and ignores the late callback", async () => {
    const reference = await fileVerifiedRequest("noah.johnson@example.com", "access");
    const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
    const crmConnector = await db().connector.findUniqueOrThrow({ where: { key: "crm" } });
    await db().dsarRequest.update({ where: { id: request.id }, data: { status: "IN_PROGRESS", decidedAt: new Date() } });
    const task = await db().connectorTask.create({
      data: {
        requestId: request.id,
        connectorId: crmConnector.id,
        action: "ACCESS",
        status: "WAITING_CALLBACK",
        callbackDeadline: new Date(Date.now() - 1000),
      },
    });
    await expect(runConnectorTask(task.id)).rejects.toThrow(/No callback/);
    const failed = await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/No callback from Customer relationship management \(CRM\) by /);
    // A callback arriving now, correctly signed, changes nothing.
    const { signPayload } = await import("../../lib/connectors/http/index.ts");
    const body = JSON.stringify({ records: [] });
    const { timestamp, signature } = signPayload(crmSecret, body);
    const late = await callbackRoute(
      new Request(`http://localhost/api/v1/connector-callbacks/${task.id}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-dsar-timestamp": timestamp, "x-dsar-signature": signature },
      }),
      { params: Promise.resolve({ taskId: task.id }) },
    );
    expect(late.status).toBe(409);
    const forged = await callbackRoute(
      new Request(`http://localhost/api/v1/connector-callbacks/${task.id}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-dsar-timestamp": timestamp, "x-dsar-signature": `v1=${"0".repeat(64)}` },
      }),
      { params: Promise.resolve({ taskId: task.id }) },
    );
    expect(forged.status).toBe(401);
    expect((await db().connectorTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("FAILED");
  });

  it("changes nothing when the same connectors file is applied again", async () => {
    const outcome = await applyConnectors(appliedEntries, { type: "SYSTEM", id: "test" }, appliedShared);
    expect(outcome).toEqual({
      created: [],
      updated: [],
      disabled: [],
      unchanged: appliedEntries.map((e) => e.key),
      settings: [],
      dataMapVersion: null,
    });
  });
});
