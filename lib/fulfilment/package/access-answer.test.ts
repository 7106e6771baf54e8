// The access answer in the package: every Art. 15(1)-(2) element in index.html and in the JSON files'
// metadata, in the request's language, escaped; what the map leaves out said plainly; portability
// left without any of it.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccessRecord } from "../../connectors/connector.ts";
import { type DataMap, dataMapSchema, type Organisation } from "../../data-map/data-map.schema.ts";
import { type BuildPackageOptions, buildPackage, INDEX_PREVIEW } from "./build-package.ts";
import { createPackageKey } from "./encrypted-file.ts";
import { readPackageEntries, recordsOf } from "./package.test-support.ts";

process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

const organisation: Organisation = {
  name: "Lumière <SAS>",
  address: { en: "1 Lamp Street, Paris", fr: "1 rue des Lampes, Paris" },
  contactEmail: "privacy@lumiere.example",
  dataProtectionOfficer: { name: "Claire Moreau", email: "dpo@lumiere.example" },
  supervisoryAuthority: { name: "CNIL", url: "https://www.cnil.fr" },
  dataSubjects: ["Customers"],
  securityMeasures: "Encryption",
};

const dataMap: DataMap = dataMapSchema.parse({
  orders: {
    label: { en: "Your orders", fr: "Vos commandes" },
    dataCategories: ["transactions", "health"],
    specialCategoryCondition: "explicit-consent",
    purposes: [{ en: "Delivering <b>orders</b>", fr: "Livrer les commandes" }],
    legalBasis: ["contract", "legitimate-interests"],
    legitimateInterests: { en: "Preventing fraud", fr: "Prévenir la fraude" },
    retention: { period: "P10Y", from: { en: "the invoice date", fr: "la date de la facture" } },
    recipients: [
      { name: "Carrier", kind: "processor", country: "FR" },
      { name: "Cloud Inc.", kind: "processor", country: "US", safeguard: "standard-contractual-clauses", soldOrShared: true },
    ],
    origin: "third-party",
    originDetail: { en: "Our marketplace partner", fr: "Notre partenaire place de marché" },
    automatedDecisions: { logic: { en: "A fraud score", fr: "Un score de fraude" }, significance: "Orders may be held" },
  },
});

// The source says that total is an exact number written as text (as the SQL connectors say of numeric columns).
const orderFormats = { total: "exact-number" } as const;
const orders: AccessRecord[] = [
  {
    source: "shop",
    category: "orders",
    fields: { invoice: "INV-1", total: "19.90", gift: true, note: "<script>alert(1)</script>" },
    formats: orderFormats,
  },
  { source: "shop", category: "orders", fields: { invoice: "INV-2", total: "5.00", gift: false, tags: ["a", "b"] }, formats: orderFormats },
];

describe("the access answer", () => {
  let dir: string;
  let key: Buffer;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "access-answer-"));
    key = createPackageKey();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function build(overrides: Partial<BuildPackageOptions> = {}) {
    await buildPackage({
      outputPath: join(dir, "package.zip.enc"),
      key,
      locale: "en",
      companyName: "Lumière",
      reference: "DSR-7K3M-Q9PX",
      requestType: "access",
      generatedAt: new Date("2026-03-14T09:30:00Z"),
      timeZone: "Europe/Paris",
      sources: [
        {
          key: "shop",
          name: "Shop",
          records: recordsOf(orders),
          dataMap,
          fieldDescriptions: { orders: { invoice: "Invoice number", total: "Amount paid" } },
        },
        { key: "crm", name: "CRM", records: recordsOf([{ source: "crm", category: "contacts", fields: { email: "a@b.test" } }]) },
      ],
      answer: {
        organisation,
        complaint: {
          authority: "Autoriteit Persoonsgegevens",
          url: "https://autoriteitpersoonsgegevens.nl",
          kind: "supervisory-authority",
          appeal: false,
        },
        california: false,
      },
      ...overrides,
    });
    return new Map((await readPackageEntries(join(dir, "package.zip.enc"), key)).map((entry) => [entry.path, entry.text]));
  }

  it("shows the data and every Art. 15 element of the map in index.html, escaped", async () => {
    const html = (await build()).get("index.html") as string;
    // The data itself, and what each field means.
    expect(html).toContain("<td>INV-1</td>");
    expect(html).toContain("<td>INV-2</td>");
    expect(html).toContain("<td>yes</td>");
    expect(html).toContain("<li>a</li><li>b</li>");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("Invoice number");
    expect(html).toContain("All 2 records we hold:");
    // The label, the table name only as a technical note.
    expect(html).toContain('<h4 id="c-0-0">Your orders</h4>');
    expect(html).toContain("Technical name: orders");
    // Art. 15(1)(a)-(h) and 15(2).
    expect(html).toContain("Purchases and transactions");
    expect(html).toContain("Delivering &#60;b&#62;orders&#60;/b&#62;");
    expect(html).toContain("Performance of a contract (Art. 6(1)(b))");
    expect(html).toContain("Explicit consent (Art. 9(2)(a))");
    expect(html).toContain("Preventing fraud");
    expect(html).toContain("10 years from the invoice date");
    expect(html).toContain("<strong>Carrier</strong><br>Processor (acts on our instructions) · in France</li>");
    expect(html).toContain(
      "in United States · transfer outside the European Economic Area protected by standard contractual clauses (Art. 46(2)(c))",
    );
    expect(html).toContain("Received from a third party: Our marketplace partner");
    expect(html).toContain("A fraud score");
    expect(html).toContain("Orders may be held");
    // A category without a map says so; nothing is invented for it.
    const crm = html.slice(html.indexOf("<h3>CRM</h3>"));
    expect(crm).toContain("Lumière has not described this data");
    expect(crm).not.toContain("Why we use it");
    expect(crm).toContain("No description");
    // The general part: controller, DPO, rights, both authorities, judicial remedy.
    expect(html).toContain("Lumière &#60;SAS&#62; decides why and how your personal data is used");
    expect(html).toContain('<a href="mailto:dpo@lumiere.example">dpo@lumiere.example</a>');
    for (const right of ["Rectification:", "Erasure:", "Restriction:", "Objection:"]) expect(html).toContain(right);
    expect(html).toContain('the supervisory authority responsible for us: CNIL, <a href="https://www.cnil.fr">');
    expect(html).toContain("where you live or work: Autoriteit Persoonsgegevens.");
    expect(html).toContain("judicial remedy");
    expect(html).not.toContain("For California residents");
    expect(html).not.toMatch(/<script|<b>/i);
  });

  it("writes it in French, with the taxonomy and the durations in French", async () => {
    const files = await build({ locale: "fr" });
    const html = files.get("index.html") as string;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Vos commandes");
    expect(html).toContain("Nom technique\u00a0: orders");
    expect(html).toContain("Achats et transactions");
    expect(html).toContain("Exécution d&#39;un contrat (art. 6(1)(b))");
    expect(html).toContain("10 ans à compter de la date de la facture");
    expect(html).toContain("pays\u00a0: États-Unis");
    expect(html).toContain("clauses contractuelles types");
    expect(html).toContain("Reçues d&#39;un tiers\u00a0: Notre partenaire place de marché");
    expect(html).toContain("Lumière n’a pas décrit ces données");
    expect(html).toContain("Vous avez aussi le droit de former un recours juridictionnel.");
    expect(html).not.toMatch(/Why we use it|Your orders|How long we keep it/);
    // A column reads by what it means, its technical name beneath.
    expect(html).toContain('<th scope="col">Amount paid<br><code class="technical">total</code></th>');
    const about = JSON.parse(files.get("data/shop/orders.json") as string).about;
    expect(about.retention).toBe("10 ans à compter de la date de la facture");
  });

  it("shows a moment or a day in words, in the controller's zone and the request's language, keeping the exact value", async () => {
    const visits: AccessRecord[] = [
      {
        source: "shop",
        category: "visits",
        fields: { at: "2026-03-14T09:30:00.123456Z", day: "2026-03-15" },
        formats: { at: "date-time", day: "date" },
      },
    ];
    const files = await build({ locale: "fr", sources: [{ key: "shop", name: "Boutique", records: recordsOf(visits) }] });
    const html = files.get("index.html") as string;
    expect(html).toMatch(/<time datetime="2026-03-14T09:30:00.123456Z">14 mars 2026[^<]*10:30:00<\/time>/);
    expect(html).toContain('<time datetime="2026-03-15">15 mars 2026</time>');
    expect(JSON.parse(files.get("data/shop/visits.json") as string).records[0].at).toBe("2026-03-14T09:30:00.123456Z");
  });

  it("carries the map in the JSON files beside the records, and leaves the CSV data only", async () => {
    const files = await build();
    const json = JSON.parse(files.get("data/shop/orders.json") as string);
    expect(json.records.map((record: { invoice: string }) => record.invoice)).toEqual(["INV-1", "INV-2"]);
    expect(json.about).toEqual({
      source: "Shop",
      category: "orders",
      described: true,
      label: "Your orders",
      dataCategories: ["Purchases and transactions", "Health data"],
      purposes: ["Delivering <b>orders</b>"],
      legalBasis: ["Performance of a contract (Art. 6(1)(b))", "Legitimate interests (Art. 6(1)(f))"],
      specialCategoryCondition: "Explicit consent (Art. 9(2)(a))",
      legitimateInterests: "Preventing fraud",
      retention: "10 years from the invoice date",
      recipients: [
        { name: "Carrier", kind: "Processor (acts on our instructions)", country: "France", soldOrShared: false },
        {
          name: "Cloud Inc.",
          kind: "Processor (acts on our instructions)",
          country: "United States",
          safeguard: "Standard contractual clauses (Art. 46(2)(c))",
          soldOrShared: true,
        },
      ],
      origin: "Received from a third party: Our marketplace partner",
      automatedDecisions: { logic: "A fraud score", significance: "Orders may be held" },
      fieldDescriptions: { invoice: "Invoice number", total: "Amount paid" },
      fieldFormats: { total: "exact-number" },
    });
    expect(JSON.parse(files.get("data/crm/contacts.json") as string).about).toMatchObject({ described: false, fieldFormats: {} });
    expect((files.get("data/shop/orders.csv") as string).split("\r\n")[0]).toBe("\uFEFFinvoice,total,gift,note,tags");
    expect(files.get("data/shop/orders.csv")).not.toContain("Delivering");
  });

  it("adds the §1798.110 list for a California resident", async () => {
    const html = (await build({ answer: { organisation, california: true } })).get("index.html") as string;
    expect(html).toContain("For California residents");
    expect(html).toContain("Commercial information");
    expect(html).toContain("Characteristics of protected classifications");
    expect(html).toContain("We sold or shared personal information with: Cloud Inc..");
    expect(html).toContain("Some of the data above is not yet described");
  });

  it("shows the first rows of a large category and says how many are not shown", async () => {
    const many = Array.from({ length: INDEX_PREVIEW.rowsPerCategory + 5 }, (_, index) => ({
      source: "shop",
      category: "orders",
      fields: { invoice: `INV-${index}` },
    }));
    const html = (await build({ sources: [{ key: "shop", name: "Shop", records: recordsOf(many), dataMap }] })).get("index.html") as string;
    expect(html).toContain(`<td>INV-${INDEX_PREVIEW.rowsPerCategory - 1}</td>`);
    expect(html).not.toContain(`<td>INV-${INDEX_PREVIEW.rowsPerCategory}</td>`);
    expect(html).toContain(
      `The first ${INDEX_PREVIEW.rowsPerCategory} of ${INDEX_PREVIEW.rowsPerCategory + 5} records; 5 more are not shown here.`,
    );
    expect(html).toContain('<a href="data/shop/orders.csv">CSV</a>');
  });

  it("declares in manifest.json the format of each field written as text, for access and portability alike", async () => {
    for (const requestType of ["access", "portability"] as const) {
      const manifest = JSON.parse((await build({ requestType })).get("manifest.json") as string);
      expect(manifest.valueFormats).toEqual({ "exact-number": expect.stringContaining("every digit the source stored") });
      const filesOf = (path: string) => manifest.files.find((file: { path: string }) => file.path === path);
      expect(filesOf("data/shop/orders.json").fieldFormats).toEqual({ total: "exact-number" });
      expect(filesOf("data/shop/orders.csv").fieldFormats).toEqual({ total: "exact-number" });
      expect(filesOf("data/crm/contacts.json").fieldFormats).toBeUndefined();
    }
  });

  it("keeps portability machine-readable: plain arrays, and no Art. 15 texts", async () => {
    const files = await build({ requestType: "portability" });
    expect(JSON.parse(files.get("data/shop/orders.json") as string)).toEqual(orders.map((record) => record.fields));
    const everything = [...files.values()].join("\n");
    for (const text of ["Your orders", "Why we use it", "GDPR Art. 6", "10 years", "Carrier", "CNIL", "INV-1</td>"]) {
      expect(everything).not.toContain(text);
    }
  });
});
