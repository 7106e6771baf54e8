import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

Object.assign(process.env, {
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  DATABASE_URL: "postgresql://127.0.0.1/x",
  SMTP_URL: "smtp://127.0.0.1:1025",
  MAIL_FROM: "a@b.test",
  APP_URL: "http://localhost:3000",
  REDIS_URL: "redis://127.0.0.1:6379",
});
const { readConnectorsFile } = await import("./read-connectors-file.ts");
const { correctableFieldsNobodyMaps } = await import("./connectors-file.schema.ts");

const valid = `connectors:
  - key: crm
    name: CRM
    type: http
    actions: [access, erasure]
    config:
      url: https://crm.example.com/dsar
      secret: \${CRM_SECRET}
  - key: paper-archive
    name: Paper archive
    type: manual
    actions: [erasure]
    config:
      instructions: Shred the person's forms in cabinet 2.
`;

const env = { CRM_SECRET: "s".repeat(40) };

describe("reading a connectors file", () => {
  it("accepts a valid file and fills $-variables from the environment", async () => {
    const { entries, problems } = await readConnectorsFile(valid, env, { liveChecks: false });
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.key)).toEqual(["crm", "paper-archive"]);
    expect((entries[0].config as { secret: string }).secret).toBe(env.CRM_SECRET);
    expect(entries[0]).toMatchObject({ enabled: true, maxAttempts: 5, concurrency: 2 });
  });

  it("accepts the same connectors written as JSON", async () => {
    const json = JSON.stringify({
      connectors: [
        {
          key: "paper-archive",
          name: "Paper",
          type: "manual",
          actions: ["erasure"],
          config: { instructions: "Shred the forms in cabinet 2." },
        },
      ],
    });
    const { entries, problems } = await readConnectorsFile(json, {}, { liveChecks: false });
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
  });

  it("names a variable that is not set, with its line", async () => {
    const { problems } = await readConnectorsFile(valid, {}, { liveChecks: false });
    expect(problems).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining("CRM_SECRET is not set") })]);
  });

  it("reports an unknown type, a bad action and a duplicate key where they are", async () => {
    const badAction = await readConnectorsFile(valid.replace("actions: [access, erasure]", "actions: [access, shredding]"), env, {
      liveChecks: false,
    });
    expect(badAction.problems.map((p) => [p.line, p.path])).toEqual([[5, "connectors[0].actions[1]"]]);
    const duplicate = await readConnectorsFile(valid.replace("key: paper-archive", "key: crm"), env, { liveChecks: false });
    expect(duplicate.problems).toEqual([
      expect.objectContaining({ line: 9, path: "connectors[1].key", message: expect.stringContaining("used twice") }),
    ]);
    const again = await readConnectorsFile(valid.replace("type: manual", "type: ftp"), env, { liveChecks: false });
    expect(again.problems).toEqual([
      expect.objectContaining({ line: 11, path: "connectors[1].type", message: expect.stringContaining('unknown connector type "ftp"') }),
    ]);
  });

  it("reports a mistake inside a connector's config at its line, and a missing field at its parent", async () => {
    const file = valid
      .replace("url: https://crm.example.com/dsar", "url: http://crm.example.com/dsar")
      .replace("      instructions: Shred the person's forms in cabinet 2.\n", "      owner: Office\n");
    const { problems } = await readConnectorsFile(file, env, { liveChecks: false });
    expect(problems).toEqual([
      expect.objectContaining({ line: 7, path: "connectors[0].config.url" }),
      // Missing: at the line of its parent's key, `config:`.
      expect.objectContaining({ line: 13, path: "connectors[1].config.instructions" }),
    ]);
  });

  it("reports a suppression table's unknown placeholder at its line", async () => {
    const file = `connectors:
  - key: shop
    name: Shop
    type: postgres
    actions: [opt_out]
    config:
      url: postgresql://127.0.0.1/shop
      tables:
        - { table: customers, identity: { email: email } }
      suppressions:
        - table: suppression
          rights: [opt_out]
          columns:
            email: "{email}"
            reason: "{reason}"
`;
    const { problems } = await readConnectorsFile(file, env, { liveChecks: false });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 15,
        path: "connectors[0].config.suppressions[0].columns.reason",
        message: expect.stringContaining('"{reason}" is not a value the portal fills in'),
      }),
    ]);
  });

  it("reports YAML syntax errors with their line, and nothing else", async () => {
    const { entries, problems } = await readConnectorsFile("connectors:\n  - key: [unclosed\n", env, { liveChecks: false });
    expect(entries).toEqual([]);
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
  });
});

describe("a connectors file whose postgres table is found by the account number alone", () => {
  const file = (identity: string) => `connectors:
  - key: shop
    name: Shop
    type: postgres
    actions: [access]
    config:
      url: postgresql://shop@127.0.0.1/shop
      tables:
        - table: customers
          identity: { email: email }
        - table: loyalty_cards
          identity: ${identity}
`;

  it("is refused at the table's identity, with its line, naming the table and the fixes", async () => {
    const { problems } = await readConnectorsFile(file("{ accountId: card_no }"), {}, { liveChecks: false });
    expect(problems).toEqual([
      {
        line: 12,
        column: expect.any(Number),
        path: "connectors[0].config.tables[1].identity",
        message: expect.stringMatching(/^Table "loyalty_cards" is found by the account number alone.*accountIdConfirmedByStaff: true/),
      },
    ]);
  });

  it("is accepted once the file states that staff confirm account numbers", async () => {
    const { problems } = await readConnectorsFile(
      file("{ accountId: card_no, accountIdConfirmedByStaff: true }"),
      {},
      { liveChecks: false },
    );
    expect(problems).toEqual([]);
  });
});

describe("a connectors file that declares its correctable fields", () => {
  const file = (rectify: string) => `correctableFields:
  lastName:
    label: { en: Surname, fr: Nom de famille }
  postalAddress:
    label: Postal address
    multiline: true
connectors:
  - key: shop
    name: Shop
    type: postgres
    actions: [rectification]
    config:
      url: postgresql://shop@127.0.0.1/shop
      tables:
        - table: customers
          identity: { email: email }
          rectify: ${rectify}
`;

  it("refuses a rectify key it does not declare, at its line, listing the declared names", async () => {
    const { problems } = await readConnectorsFile(file("{ lastName: last_name, adress: address }"), {}, { liveChecks: false });
    expect(problems).toEqual([
      {
        line: 17,
        column: expect.any(Number),
        path: "connectors[0].config.tables[0].rectify.adress",
        message: expect.stringMatching(/"adress" is not a correctable field of this file; declared: lastName, postalAddress/),
      },
    ]);
  });

  it("accepts the declared names, and says which declared field no enabled source maps", async () => {
    const { problems, entries, shared } = await readConnectorsFile(file("{ lastName: last_name }"), {}, { liveChecks: false });
    expect(problems).toEqual([]);
    expect(shared.correctableFields?.lastName.label).toEqual({ en: "Surname", fr: "Nom de famille" });
    expect(correctableFieldsNobodyMaps({ ...shared, connectors: entries })).toEqual(["postalAddress"]);
    const disabled = entries.map((entry) => ({ ...entry, enabled: false }));
    expect(correctableFieldsNobodyMaps({ ...shared, connectors: disabled })).toEqual(["lastName", "postalAddress"]);
  });

  it("leaves rectify keys alone when the file declares no correctable fields", async () => {
    const { problems } = await readConnectorsFile(
      file("{ lastName: last_name }").replace(/^correctableFields:[\s\S]*?connectors:/, "connectors:"),
      {},
      { liveChecks: false },
    );
    expect(problems).toEqual([]);
  });
});

describe("a connectors file's data map", () => {
  const category = (indent: string) =>
    [
      "dataCategories: [identity, contact]",
      "purposes: [Keep your account]",
      "legalBasis: [contract]",
      "retention: Until the account is closed",
      "origin: person",
    ]
      .map((line) => `${indent}${line}`)
      .join("\n");
  // Lines: 1 connectors, 2 key, … 12 dataMap, 13 customers, 14-18 its fields, 19 rentals, 20-24 its fields.
  const shop = (dataMap: string) => `connectors:
  - key: rental-db
    name: Rental shop
    type: postgres
    actions: [access]
    config:
      url: postgresql://shop@127.0.0.1/shop
      tables:
        - { table: customers, identity: { email: email } }
        - { table: rentals, via: { parent: customers, column: customer_id, parentColumn: id } }
        - { table: films, reference: true, via: { parent: rentals, column: id, parentColumn: film_id } }
${dataMap}`;
  const both = `    dataMap:
      customers:
${category("        ")}
      rentals:
${category("        ")}
`;

  it("is accepted when it describes every mapped table, the reference table left out", async () => {
    const { entries, problems, warnings } = await readConnectorsFile(shop(both), {}, { liveChecks: false });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(Object.keys(entries[0].dataMap ?? {})).toEqual(["customers", "rentals"]);
  });

  it("names a key that is not a mapped table, at its line", async () => {
    const { problems } = await readConnectorsFile(shop(both.replace("      rentals:", "      rental:")), {}, { liveChecks: false });
    expect(problems).toEqual([
      {
        line: 12,
        column: expect.any(Number),
        path: "connectors[0].dataMap.rentals",
        message:
          'table "rentals" is mapped but the data map does not describe it: the answer would not say why this data is kept: add dataMap.rentals',
      },
      {
        line: 19,
        column: expect.any(Number),
        path: "connectors[0].dataMap.rental",
        message: '"rental" is not a category of this source: the data map describes its mapped tables (customers, rentals)',
      },
    ]);
  });

  it("accepts a description of a reference table without requiring one", async () => {
    const withFilms = `${both}      films:\n${category("        ")}\n`;
    expect((await readConnectorsFile(shop(withFilms), {}, { liveChecks: false })).problems).toEqual([]);
  });

  it("brings the schema's own messages to the line of the category", async () => {
    const noPurposes = both.replace("        purposes: [Keep your account]\n", "");
    const { problems } = await readConnectorsFile(shop(noPurposes), {}, { liveChecks: false });
    expect(problems).toEqual([
      {
        line: 13,
        column: expect.any(Number),
        path: "connectors[0].dataMap.customers.purposes",
        message: "purposes: say why this data is used (at least one purpose)",
      },
    ]);
    const noRetention = both.replace("        retention: Until the account is closed\n", "");
    expect((await readConnectorsFile(shop(noRetention), {}, { liveChecks: false })).problems).toEqual([
      expect.objectContaining({ line: 13, path: "connectors[0].dataMap.customers.retention" }),
    ]);
    const badBasis = both.replace("legalBasis: [contract]", "legalBasis: [because]");
    expect((await readConnectorsFile(shop(badBasis), {}, { liveChecks: false })).problems).toEqual([
      expect.objectContaining({ line: 16, path: "connectors[0].dataMap.customers.legalBasis[0]" }),
    ]);
  });

  it("accepts any category name for sources that name their own (http, manual), and warns of sources with no data map", async () => {
    const file = valid.replace(
      "    config:\n      instructions",
      `    dataMap:\n      paper-forms:\n${category("        ")}\n    config:\n      instructions`,
    );
    const { problems, warnings } = await readConnectorsFile(file, env, { liveChecks: false });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      {
        line: 2,
        column: expect.any(Number),
        path: "connectors[0]",
        message: expect.stringContaining('connector "crm" has no dataMap: the record of processing shows it as not described'),
      },
    ]);
  });
});
