// The record of processing from one state of the map: grouped by purpose over the enabled sources,
// every code in words, third countries marked; compared with an earlier state in words; as CSV.
import { describe, expect, it } from "vitest";
import { buildProcessingRecord } from "./build-processing-record.ts";
import { compareDataMaps } from "./compare-data-maps.ts";
import { dataMapSchema } from "./data-map.schema.ts";
import { newsletterCategory, ordersCategory, organisation } from "./data-map-fixtures.test-support.ts";
import type { ParsedDataMap } from "./data-map-snapshot.ts";
import { processingRecordCsv, processingRecordCsvColumns } from "./processing-record-csv.ts";

const accounts = {
  ...newsletterCategory,
  label: "Your account",
  dataCategories: ["identity", "contact", "health"],
  specialCategoryCondition: "explicit-consent",
  purposes: ["Keep your account", { en: "Deliver your orders", fr: "Livrer vos commandes" }],
  legalBasis: ["contract", "legitimate-interests"],
  legitimateInterests: "Preventing fraud",
  retention: "Until the account is closed",
};

function map(overrides: Partial<ParsedDataMap> = {}): ParsedDataMap {
  return {
    organisation,
    sources: [
      {
        key: "shop",
        name: "Shop database",
        type: "postgres",
        enabled: true,
        dataMap: dataMapSchema.parse({ orders: ordersCategory, customers: accounts }),
      },
      { key: "mailer", name: "Newsletter", type: "http", enabled: true, dataMap: dataMapSchema.parse({ subscribers: newsletterCategory }) },
      { key: "old-crm", name: "Old CRM", type: "http", enabled: false, dataMap: dataMapSchema.parse({ contacts: newsletterCategory }) },
      { key: "archive", name: "Paper archive", type: "manual", enabled: true, dataMap: null },
    ],
    ...overrides,
  };
}

describe("the record of processing", () => {
  it("names the controller, its DPO, the data subjects and the security measures in the language asked for", () => {
    const record = buildProcessingRecord(map(), "fr");
    expect(record.controller).toEqual({
      name: "Example Shop SAS",
      address: "1 rue de la Paix, 75002 Paris",
      contactEmail: "privacy@shop.example",
      dataProtectionOfficer: { name: "Dana Officer", email: "dpo@shop.example" },
      representative: null,
      supervisoryAuthority: { name: "CNIL", url: "https://www.cnil.fr" },
    });
    expect(record.dataSubjects).toEqual(["Clients", "Newsletter subscribers"]);
    expect(record.securityMeasures).toBe("Chiffrement au repos ; accès limité");
  });

  it("has one activity per purpose, listing every enabled source and category that serves it, and leaves disabled sources out", () => {
    const record = buildProcessingRecord(map(), "en");
    expect(record.activities.map((activity) => activity.purpose)).toEqual([
      "Deliver your orders",
      "Keep your account",
      "Send the newsletter",
    ]);
    const delivery = record.activities[0];
    expect(delivery.sources).toEqual([
      { key: "shop", name: "Shop database", category: "orders", label: "Your orders" },
      { key: "shop", name: "Shop database", category: "customers", label: "Your account" },
    ]);
    expect(delivery.legalBasis.map((basis) => basis.label)).toEqual([
      "Performance of a contract (Art. 6(1)(b))",
      "Legitimate interests (Art. 6(1)(f))",
    ]);
    // In the taxonomy's order, each once.
    expect(delivery.dataCategories.map((category) => category.code)).toEqual(["identity", "contact", "transactions", "health"]);
    expect(delivery.specialCategoryConditions).toEqual([{ code: "explicit-consent", label: "Explicit consent (Art. 9(2)(a))" }]);
    expect(delivery.retention.map((rule) => rule.retention.replace(/\u00a0/g, " "))).toEqual([
      "10 years from the date of the invoice",
      "Until the account is closed",
    ]);
    expect(delivery.recipients).toEqual([
      expect.objectContaining({ name: "Parcel Co", thirdCountry: false, country: { code: "FR", label: "France" }, safeguard: null }),
      expect.objectContaining({
        name: "Mail Cloud Inc.",
        thirdCountry: true,
        country: { code: "US", label: "United States" },
        safeguard: { code: "standard-contractual-clauses", label: "Standard contractual clauses (Art. 46(2)(c))" },
      }),
    ]);
    const newsletter = record.activities[2];
    expect(newsletter.sources.map((source) => source.key)).toEqual(["mailer"]);
  });

  it("lists every source by itself, saying which are disabled and which are not described", () => {
    const record = buildProcessingRecord(map(), "en");
    expect(record.sources.map(({ key, enabled, described }) => ({ key, enabled, described }))).toEqual([
      { key: "shop", enabled: true, described: true },
      { key: "mailer", enabled: true, described: true },
      { key: "old-crm", enabled: false, described: true },
      { key: "archive", enabled: true, described: false },
    ]);
    const customers = record.sources[0].categories[1];
    expect(customers).toMatchObject({ legitimateInterests: "Preventing fraud", origin: { code: "person", label: "Given by the person" } });
  });

  it("is empty but valid without a controller or sources", () => {
    expect(buildProcessingRecord({ organisation: null, sources: [] }, "en")).toEqual({
      locale: "en",
      controller: null,
      dataSubjects: [],
      securityMeasures: null,
      activities: [],
      sources: [],
    });
  });
});

describe("the changes between two states of the map", () => {
  it("lists sources added, removed, enabled, disabled and renamed, categories added and removed, and fields changed in words", () => {
    const before = map();
    const [shop, mailer, oldCrm] = before.sources;
    const after = map({
      organisation: { ...organisation, dataProtectionOfficer: { email: "new-dpo@shop.example" } },
      sources: [
        {
          ...shop,
          name: "Shop DB",
          dataMap: dataMapSchema.parse({
            orders: { ...ordersCategory, retention: { period: "P6Y", from: "the date of the invoice" }, recipients: [] },
            returns: newsletterCategory,
          }),
        },
        { ...mailer, enabled: false },
        { ...oldCrm, enabled: true },
        { key: "crm", name: "CRM", type: "http", enabled: true, dataMap: null },
      ],
    });
    const changes = compareDataMaps(before, after, "en");
    const brief = changes.map((change) => [change.kind, change.source?.key ?? null, change.category, change.field]);
    expect(brief).toEqual([
      ["controller-changed", null, null, "dataProtectionOfficer"],
      ["source-renamed", "shop", null, null],
      ["category-changed", "shop", "orders", "retention"],
      ["category-changed", "shop", "orders", "recipients"],
      ["category-added", "shop", "returns", null],
      ["category-removed", "shop", "customers", null],
      ["source-disabled", "mailer", null, null],
      ["source-enabled", "old-crm", null, null],
      ["source-added", "crm", null, null],
      ["source-removed", "archive", null, null],
    ]);
    const retention = changes[2];
    expect([retention.fieldLabel, retention.before, retention.after].map((text) => text?.replace(/\u00a0/g, " "))).toEqual([
      "retention",
      "10 years from the date of the invoice",
      "6 years from the date of the invoice",
    ]);
    expect(changes[3]).toMatchObject({
      before:
        "Parcel Co (Processor (acts on our instructions), France); Mail Cloud Inc. (Processor (acts on our instructions), United States, Standard contractual clauses (Art. 46(2)(c)))",
      after: "—",
    });
    expect(changes[1]).toMatchObject({ before: "Shop database", after: "Shop DB" });
  });

  it("lists legal basis and purposes changes, a text changed only in French, and nothing for an equal map", () => {
    const before = map();
    expect(compareDataMaps(before, map(), "en")).toEqual([]);
    const [shop, ...rest] = before.sources;
    const changed = {
      ...shop,
      dataMap: dataMapSchema.parse({
        orders: { ...ordersCategory, legalBasis: ["consent"], purposes: [{ en: "Deliver your orders", fr: "Expédier vos commandes" }] },
        customers: accounts,
      }),
    };
    const changes = compareDataMaps(before, map({ sources: [changed, ...rest] }), "en");
    expect(changes.map((change) => change.field)).toEqual(["purposes", "legalBasis"]);
    expect(changes[1]).toMatchObject({ before: "Performance of a contract (Art. 6(1)(b))", after: "Consent (GDPR Art. 6(1)(a))" });
  });

  it("lists everything as added when no earlier version existed", () => {
    const changes = compareDataMaps(null, map(), "en");
    expect(changes.map((change) => change.kind)).toEqual([
      "controller-changed",
      "source-added",
      "source-added",
      "source-added",
      "source-added",
    ]);
  });
});

describe("the record as CSV", () => {
  it("has one row per source and category, a row for a source not described, and guards formulas", () => {
    const hostile = map({
      sources: [
        {
          key: "shop",
          name: '=HYPERLINK("http://x")',
          type: "postgres",
          enabled: true,
          dataMap: dataMapSchema.parse({ orders: ordersCategory }),
        },
        { key: "archive", name: "Paper archive", type: "manual", enabled: true, dataMap: null },
      ],
    });
    const csv = processingRecordCsv(buildProcessingRecord(hostile, "en"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(processingRecordCsvColumns.join(","));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`shop,"'=HYPERLINK(""http://x"")",postgres,yes,yes,orders,Your orders,transactions; contact,`);
    expect(lines[1]).toContain(
      "Mail Cloud Inc. (Processor (acts on our instructions), United States, Standard contractual clauses (Art. 46(2)(c)))",
    );
    expect(lines[2]).toBe(`archive,Paper archive,manual,yes,no${",".repeat(processingRecordCsvColumns.length - 5)}`);
    expect(lines[3]).toBe("");
  });
});
