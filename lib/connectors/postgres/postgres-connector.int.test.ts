// The postgres connector against a real shop database of its own on the local server: mixed-case
// names, a three-level join path (customer → orders → order items) and a second root (newsletter).
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccessRecord, EraseReceipt, PreferenceReceipt, Subject } from "../connector.ts";
import { closePostgresConnectorPools, type PostgresConfig, postgresConfigSchema, postgresConnector } from "./index.ts";

const adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseName = `src_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const sourceUrl = `postgresql://postgres@127.0.0.1:5432/${databaseName}`;
const task = { taskId: "task-1", requestId: "request-1", reference: "DSAR-TEST" };
const accessContext = { ...task, action: "access" as const };
const erasureContext = { ...task, action: "erasure" as const };
const rectificationContext = { ...task, action: "rectification" as const };
const jane: Subject = { email: "jane@example.test", accountId: "1" };
const RETAIN_REASON = "Invoices are kept 10 years for tax law";
let source: pg.Client;

const SCHEMA = `
  CREATE SCHEMA "Shop";
  CREATE TABLE "Shop"."Customers" ("CustomerId" serial PRIMARY KEY, "eMail" text NOT NULL, first_name text,
    last_name varchar(5), phone text, password_hash text);
  CREATE TABLE "Shop".orders (order_id serial PRIMARY KEY, "CustomerId" int NOT NULL REFERENCES "Shop"."Customers",
    total numeric(10, 2), created_at timestamptz, placed_on date, invoice bytea, note text);
  CREATE TABLE "Shop".order_items (item_id serial PRIMARY KEY, order_id int NOT NULL REFERENCES "Shop".orders, sku text, qty int);
  CREATE TABLE "Shop".newsletter (email text, subscribed_at timestamptz);
  CREATE TABLE "Shop".suppression_list ("Email" text NOT NULL, reason text, listed_at timestamptz, by_portal boolean);
  CREATE INDEX ON "Shop"."Customers" (lower("eMail"));
  CREATE INDEX ON "Shop".newsletter (lower(email));`;

// Jane (stored with capitals) has two orders, one with 1,100 lines to cross several cursor batches.
const SEED = `
  TRUNCATE "Shop".order_items, "Shop".orders, "Shop"."Customers", "Shop".newsletter, "Shop".suppression_list RESTART IDENTITY;
  INSERT INTO "Shop"."Customers" ("eMail", first_name, last_name, phone, password_hash) VALUES
    ('Jane@Example.test', 'Jane', 'Doe', '+33 1 00', 'argon2-jane'),
    ('bob@example.test', 'Bob', 'Roe', '+33 1 01', 'argon2-bob'),
    ('carol@example.test', 'Carol', 'Poe', NULL, 'argon2-carol');
  INSERT INTO "Shop".orders ("CustomerId", total, created_at, placed_on, invoice) VALUES
    (1, 19.90, '2026-01-05T10:00:00Z', '2026-01-05', '\\x25504446'), (1, 1234567.89, '2026-02-01T08:30:00Z', '2026-02-01', NULL),
    (2, 5.00, '2026-01-10T12:00:00Z', '2026-01-10', NULL), (3, 7.50, '2026-03-01T09:00:00Z', '2026-03-01', NULL);
  INSERT INTO "Shop".order_items (order_id, sku, qty) VALUES (1, 'MUG', 1), (1, 'TEA', 3), (3, 'PEN', 2), (4, 'INK', 1);
  INSERT INTO "Shop".order_items (order_id, sku, qty) SELECT 2, 'BOLT-' || n, n FROM generate_series(1, 1100) AS n;
  INSERT INTO "Shop".newsletter VALUES ('jane@example.test', '2025-12-01T00:00:00Z'), ('bob@example.test', '2025-12-02T00:00:00Z');`;

const JANE_ITEMS = 2 + 1100;

function mapping(overrides: Partial<Record<string, unknown>> = {}, tables?: unknown[]): PostgresConfig {
  return postgresConfigSchema.parse({
    url: sourceUrl,
    schema: "Shop",
    tables: tables ?? [
      {
        table: "Customers",
        identity: { email: "eMail", accountId: "CustomerId" },
        columns: ["CustomerId", "eMail", "first_name", "last_name", "phone"],
        erase: { strategy: "mask", columns: { eMail: "hash", first_name: "redact", last_name: "null", phone: "null" } },
        rectify: { fullName: "first_name", email: "eMail", phone: "phone" },
      },
      {
        table: "orders",
        via: { parent: "Customers", column: "CustomerId", parentColumn: "CustomerId" },
        erase: { strategy: "retain", reason: RETAIN_REASON },
        rectify: { deliveryNote: "note" },
      },
      { table: "order_items", via: { parent: "orders", column: "order_id", parentColumn: "order_id" }, erase: { strategy: "delete" } },
      { table: "newsletter", identity: { email: "email" } },
    ],
    ...overrides,
  });
}

async function collect(config: PostgresConfig, subject: Subject): Promise<AccessRecord[]> {
  const records: AccessRecord[] = [];
  for await (const record of (await postgresConnector.access(config, subject, accessContext)) as AsyncIterable<AccessRecord>)
    records.push(record);
  return records;
}

const byCategory = (records: AccessRecord[], category: string) => records.filter((record) => record.category === category);
const othersSnapshot = async () =>
  (
    await source.query(`SELECT c.*, (SELECT json_agg(o ORDER BY o.order_id) FROM "Shop".orders o WHERE o."CustomerId" = c."CustomerId") AS orders,
       (SELECT count(*) FROM "Shop".order_items i JOIN "Shop".orders o USING (order_id) WHERE o."CustomerId" = c."CustomerId") AS items
       FROM "Shop"."Customers" c WHERE c."CustomerId" <> 1 ORDER BY 1`)
  ).rows;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  await source.query(SCHEMA);
});

beforeEach(async () => {
  await source.query(SEED);
});

afterAll(async () => {
  await closePostgresConnectorPools();
  await source?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();
});

describe("checking a mapping against the database", () => {
  it("finds nothing wrong with a correct mapping, and the test says how many tables are mapped", async () => {
    expect(await postgresConnector.check!(mapping())).toEqual([]);
    expect(await postgresConnector.test(mapping())).toEqual({ ok: true, message: "Connected; 4 tables mapped" });
  });

  it("names the table, the column and where in the config each mistake is", async () => {
    const config = mapping({}, [
      { table: "Customers", identity: { email: "email", accountId: "CustomerId" }, columns: ["CustomerId", "firstName"] },
      { table: "orders", via: { parent: "Customers", column: "customer_id", parentColumn: "id" } },
      { table: "order_items", via: { parent: "orders", column: "order_id", parentColumn: "created_at" } },
      { table: "custmers", identity: { email: "eMail" } },
      {
        table: "newsletter",
        identity: { email: "email" },
        erase: { strategy: "mask", columns: { phone: "null" } },
        rectify: { email: "e_mail" },
      },
    ]);
    const problems = await postgresConnector.check!(config);
    expect(problems).toEqual([
      {
        path: ["tables", 0, "identity", "email"],
        message: expect.stringMatching(/^Table "Customers" has no column "email"; it has: "CustomerId", "eMail",/),
      },
      { path: ["tables", 0, "columns", 1], message: expect.stringContaining('Table "Customers" has no column "firstName"') },
      { path: ["tables", 1, "via", "column"], message: expect.stringContaining('Table "orders" has no column "customer_id"') },
      { path: ["tables", 1, "via", "parentColumn"], message: expect.stringContaining('Parent table "Customers" has no column "id"') },
      {
        path: ["tables", 2, "via", "column"],
        message: 'Cannot join "order_items"."order_id" (integer) to "orders"."created_at" (timestamp with time zone): their types differ',
      },
      {
        path: ["tables", 3, "table"],
        message: expect.stringMatching(/^Schema "Shop" has no table "custmers"; it has: "Customers", "newsletter"/),
      },
      { path: ["tables", 4, "erase", "columns", "phone"], message: expect.stringContaining('Table "newsletter" has no column "phone"') },
      { path: ["tables", 4, "rectify", "email"], message: expect.stringContaining('Table "newsletter" has no column "e_mail"') },
    ]);
    const tested = await postgresConnector.test(config);
    expect(tested.ok).toBe(false);
    expect(tested.message).toMatch(
      /^Connected, but the mapping does not match the database: tables\.0\.identity\.email: .* \(and 5 more\)$/,
    );
  });

  it("reports an unknown schema at its path", async () => {
    expect(await postgresConnector.check!(mapping({ schema: "shop" }))).toEqual([
      { path: ["schema"], message: 'There is no schema "shop" in this database (or this user cannot see it)' },
    ]);
  });

  it("reports a database it cannot reach once, at the url, without the password", async () => {
    const unreachable = mapping({ url: "postgresql://shop:hunter2@127.0.0.1:1/shop" });
    const problems = await postgresConnector.check!(unreachable);
    expect(problems).toEqual([
      { path: ["url"], message: expect.stringMatching(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused/) },
    ]);
    const tested = await postgresConnector.test(unreachable);
    expect(tested).toEqual({ ok: false, message: problems[0].message });
    expect(JSON.stringify([problems, tested])).not.toContain("hunter2");
    const missing = await postgresConnector.check!(mapping({ url: "postgresql://postgres:hunter2@127.0.0.1:5432/no_such_shop" }));
    expect(missing).toEqual([{ path: ["url"], message: expect.stringContaining('There is no database "no_such_shop" on 127.0.0.1:5432') }]);
  });

  it("refuses SQL in a table or column name as unknown, and never runs it", async () => {
    const config = mapping({}, [
      { table: 'x"; DROP TABLE "Shop".orders; --', identity: { email: "eMail" } },
      { table: "Customers", identity: { email: `eMail" = '' OR 1=1; --` } },
    ]);
    expect(await postgresConnector.check!(config)).toEqual([
      { path: ["tables", 0, "table"], message: expect.stringContaining(`no table "x"; DROP TABLE "Shop".orders; --"`) },
      { path: ["tables", 1, "identity", "email"], message: expect.stringContaining(`no column "eMail" = '' OR 1=1; --"`) },
    ]);
    await expect(collect(config, jane)).rejects.toThrow(/is not in schema "Shop"/);
    await expect(postgresConnector.erase(config, jane, erasureContext)).rejects.toThrow(/is not in schema "Shop"/);
    expect((await source.query(`SELECT count(*)::int AS n FROM "Shop".orders`)).rows[0].n).toBe(4);
  });
});

describe("access: everything the shop holds about the person", () => {
  it("returns exactly the person's rows at every depth, and nobody else's", async () => {
    const records = await collect(mapping(), jane);
    expect(records.every((record) => record.source === "")).toBe(true);
    expect(byCategory(records, "Customers").map((record) => record.fields)).toEqual([
      { CustomerId: 1, eMail: "Jane@Example.test", first_name: "Jane", last_name: "Doe", phone: "+33 1 00" },
    ]);
    expect(byCategory(records, "orders").map((record) => record.fields["order_id"])).toEqual([1, 2]);
    const items = byCategory(records, "order_items");
    expect(items).toHaveLength(JANE_ITEMS);
    expect(new Set(items.map((record) => record.fields["order_id"]))).toEqual(new Set([1, 2]));
    expect(byCategory(records, "newsletter")).toEqual([
      {
        source: "",
        category: "newsletter",
        fields: { email: "jane@example.test", subscribed_at: "2025-12-01T00:00:00Z" },
        formats: { subscribed_at: "date-time" },
      },
    ]);
    expect(records).toHaveLength(1 + 2 + JANE_ITEMS + 1);
  });

  it("gives only the configured columns, as JSON-safe values", async () => {
    const records = await collect(mapping(), jane);
    expect(JSON.stringify(records)).not.toContain("argon2");
    expect(byCategory(records, "orders")[0].fields).toEqual({
      order_id: 1,
      CustomerId: 1,
      total: "19.90",
      created_at: "2026-01-05T10:00:00Z",
      placed_on: "2026-01-05",
      invoice: Buffer.from("%PDF").toString("base64"),
      note: null,
    });
    expect(byCategory(records, "orders")[1].fields["total"]).toBe("1234567.89");
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });

  it("finds the person by a confirmed account id alone where the config says staff confirm them, and no one for an id that cannot be one", async () => {
    const byAccount = mapping({}, [
      { table: "Customers", identity: { accountId: "CustomerId", accountIdConfirmedByStaff: true }, columns: ["CustomerId", "first_name"] },
      { table: "orders", via: { parent: "Customers", column: "CustomerId", parentColumn: "CustomerId" }, columns: ["order_id"] },
    ]);
    const records = await collect(byAccount, { email: "someone.else@example.test", accountId: "2" });
    expect(records.map((record) => [record.category, record.fields])).toEqual([
      ["Customers", { CustomerId: 2, first_name: "Bob" }],
      ["orders", { order_id: 3 }],
    ]);
    expect(await collect(byAccount, { email: "bob@example.test", accountId: "2' OR '1'='1" })).toEqual([]);
    expect(await collect(byAccount, { email: "bob@example.test" })).toEqual([]);
  });

  it("never widens a match with an account id: someone else's number finds nothing, their own narrows the email", async () => {
    // Jane (customer 1) with Bob's account number (2): no customer row is both hers and his, so
    // nothing below one either; her newsletter row (found by email alone) is still hers.
    const swapped = await collect(mapping(), { email: "jane@example.test", accountId: "2" });
    expect(swapped.map((record) => [record.category, record.fields["email"]])).toEqual([["newsletter", "jane@example.test"]]);
    // Bob's number with Bob's email: only Bob's rows; the newsletter (email only) still by email.
    const bob = await collect(mapping(), { email: "bob@example.test", accountId: "2" });
    expect(byCategory(bob, "Customers").map((record) => record.fields["CustomerId"])).toEqual([2]);
    expect(byCategory(bob, "orders").map((record) => record.fields["order_id"])).toEqual([3]);
    expect(byCategory(bob, "newsletter")).toHaveLength(1);
    // A table mapped by account id alone finds nothing without a confirmed account id.
    const byAccount = mapping({}, [
      { table: "Customers", identity: { accountId: "CustomerId", accountIdConfirmedByStaff: true }, columns: ["CustomerId"] },
    ]);
    expect(await collect(byAccount, { email: "jane@example.test", accountId: null })).toEqual([]);
  });

  it("erases and corrects nothing of another person whose account number is given", async () => {
    const before = await othersSnapshot();
    const mallory: Subject = { email: "mallory@example.test", accountId: "2" };
    const erased = await postgresConnector.erase(mapping(), mallory, erasureContext);
    expect(erased).toMatchObject({ affected: 0 });
    const corrected = await postgresConnector.rectify(
      mapping(),
      mallory,
      [{ field: "fullName", correctValue: "Mallory" }],
      rectificationContext,
    );
    expect(corrected).toMatchObject({ applied: [{ field: "fullName", category: "Customers", column: "first_name", rows: 0 }] });
    expect(await othersSnapshot()).toEqual(before);
  });

  it("releases its connection when the reader stops early", async () => {
    for (let i = 0; i < 5; i++) {
      for await (const _record of (await postgresConnector.access(mapping(), jane, accessContext)) as AsyncIterable<AccessRecord>) break;
    }
    expect(await collect(mapping(), { email: "carol@example.test" })).toHaveLength(1 + 1 + 1);
  });
});

describe("erase", () => {
  it("masks the customer, keeps the orders with the reason, deletes the rest, and touches no one else", async () => {
    const before = await othersSnapshot();
    const receipt = await postgresConnector.erase(mapping(), jane, erasureContext);
    expect(receipt).toEqual({
      affected: JANE_ITEMS + 1 + 1,
      details: [
        { category: "order_items", strategy: "delete", rows: JANE_ITEMS },
        { category: "orders", strategy: "retain", rows: 2, reason: RETAIN_REASON },
        {
          category: "Customers",
          strategy: "mask",
          rows: 1,
          columns: {
            eMail: "hash",
            first_name: "redact",
            last_name: "null",
            phone: "null",
          },
        },
        { category: "newsletter", strategy: "delete", rows: 1 },
      ],
    });
    const hashed = createHash("sha256").update("Customers.eMailJane@Example.test").digest("hex");
    const row = (await source.query(`SELECT * FROM "Shop"."Customers" WHERE "CustomerId" = 1`)).rows[0];
    expect(row).toMatchObject({ eMail: hashed, first_name: "[erased]", last_name: null, phone: null, password_hash: "argon2-jane" });
    expect(await othersSnapshot()).toEqual(before);
    expect((await source.query(`SELECT email FROM "Shop".newsletter`)).rows).toEqual([{ email: "bob@example.test" }]);

    // The masked row no longer holds her email, and an account id only narrows a match on the
    // email: nothing, not even the retained orders below it, is found as hers any more.
    expect(await collect(mapping(), jane)).toEqual([]);
    expect(await collect(mapping(), { email: jane.email })).toEqual([]);
  });

  it("is idempotent: a second run deletes and masks nothing", async () => {
    await postgresConnector.erase(mapping(), jane, erasureContext);
    const masked = (await source.query(`SELECT * FROM "Shop"."Customers" WHERE "CustomerId" = 1`)).rows[0];
    const second = await postgresConnector.erase(mapping(), jane, erasureContext);
    expect(second).toMatchObject({
      affected: 0,
      details: [
        { category: "order_items", strategy: "delete", rows: 0 },
        // Her customer row is no longer found by her email, so neither are the orders kept below it.
        { category: "orders", strategy: "retain", rows: 0, reason: RETAIN_REASON },
        { category: "Customers", strategy: "mask", rows: 0 },
        { category: "newsletter", strategy: "delete", rows: 0 },
      ],
    });
    expect((await source.query(`SELECT * FROM "Shop"."Customers" WHERE "CustomerId" = 1`)).rows[0]).toEqual(masked);
  });

  it("rolls everything back when one table fails midway", async () => {
    await source.query(`ALTER TABLE "Shop"."Customers" ADD CONSTRAINT first_name_not_erased CHECK (first_name <> '[erased]')`);
    try {
      await expect(postgresConnector.erase(mapping(), jane, erasureContext)).rejects.toThrow(/first_name_not_erased/);
    } finally {
      await source.query(`ALTER TABLE "Shop"."Customers" DROP CONSTRAINT first_name_not_erased`);
    }
    const counts = await source.query(
      `SELECT (SELECT count(*)::int FROM "Shop".order_items) AS items, (SELECT count(*)::int FROM "Shop".newsletter) AS newsletter,
              (SELECT "eMail" FROM "Shop"."Customers" WHERE "CustomerId" = 1) AS email`,
    );
    expect(counts.rows[0]).toEqual({ items: JANE_ITEMS + 2, newsletter: 2, email: "Jane@Example.test" });
  });
});

describe("a join on several columns", () => {
  // Order numbers repeat across shops: only (ShopId, OrderId) names an order, so the lines of Bob's
  // order 10 in shop 2 and Carol's order 11 in shop 1 never come with Jane's orders 10 (shop 1) and 11 (shop 2).
  const composite = (erase: Record<string, unknown> = { strategy: "delete" }) =>
    mapping({ schema: "Multi" }, [
      { table: "ShopOrder", identity: { email: "Email" }, erase: { strategy: "mask", columns: { Email: "unique-hash" } } },
      {
        table: "LineItem",
        via: { parent: "ShopOrder", column: ["ShopId", "OrderId"], parentColumn: ["ShopId", "Id"] },
        columns: ["LineId", "Sku"],
        erase,
      },
    ]);

  beforeAll(async () => {
    await source.query(`
      CREATE SCHEMA "Multi";
      CREATE TABLE "Multi"."ShopOrder" ("ShopId" int, "Id" int, "Email" text NOT NULL, PRIMARY KEY ("ShopId", "Id"));
      CREATE INDEX ON "Multi"."ShopOrder" (lower("Email"));
      CREATE TABLE "Multi"."LineItem" ("LineId" int PRIMARY KEY, "ShopId" int NOT NULL, "OrderId" int NOT NULL, "Sku" text,
        CONSTRAINT "LineItem_order_fkey" FOREIGN KEY ("ShopId", "OrderId") REFERENCES "Multi"."ShopOrder" ("ShopId", "Id"));`);
  });

  beforeEach(async () => {
    await source.query(`
      TRUNCATE "Multi"."LineItem", "Multi"."ShopOrder";
      INSERT INTO "Multi"."ShopOrder" VALUES
        (1, 10, 'Jane@Example.test'), (2, 10, 'bob@example.test'), (2, 11, 'jane@example.test'), (1, 11, 'carol@example.test');
      INSERT INTO "Multi"."LineItem" VALUES (1, 1, 10, 'MUG'), (2, 2, 10, 'PEN'), (3, 2, 11, 'INK'), (4, 1, 11, 'TEA');`);
  });

  it("reads only the lines of the person's orders, by every column of the key", async () => {
    expect(await postgresConnector.check!(composite())).toEqual([]);
    const lines = byCategory(await collect(composite(), { email: jane.email }), "LineItem").map((record) => record.fields);
    expect(lines).toEqual([
      { LineId: 1, Sku: "MUG" },
      { LineId: 3, Sku: "INK" },
    ]);
  });

  it("deletes only those lines, and leaves the other person's order and lines as they were", async () => {
    const receipt = (await postgresConnector.erase(composite(), { email: jane.email }, erasureContext)) as EraseReceipt;
    expect(receipt.details).toEqual([
      { category: "LineItem", strategy: "delete", rows: 2 },
      { category: "ShopOrder", strategy: "mask", rows: 2, columns: { Email: "unique-hash" } },
    ]);
    expect((await source.query(`SELECT "LineId" FROM "Multi"."LineItem" ORDER BY 1`)).rows).toEqual([{ LineId: 2 }, { LineId: 4 }]);
    expect(
      (await source.query(`SELECT "Email" FROM "Multi"."ShopOrder" WHERE ("ShopId", "Id") IN ((2, 10), (1, 11)) ORDER BY 1`)).rows,
    ).toEqual([{ Email: "bob@example.test" }, { Email: "carol@example.test" }]);
  });
});

describe("rectify", () => {
  it("applies the mapped corrections, even below a corrected email, and reports the unmapped ones", async () => {
    const before = await othersSnapshot();
    const receipt = await postgresConnector.rectify(
      mapping(),
      jane,
      [
        { field: "fullName", correctValue: "Janet", currentValue: "Jane" },
        { field: "email", correctValue: "janet@example.test" },
        { field: "deliveryNote", correctValue: "Leave at the door" },
        { field: "postalAddress", correctValue: "1 rue de Rivoli" },
      ],
      rectificationContext,
    );
    expect(receipt).toEqual({
      applied: [
        { field: "fullName", category: "Customers", column: "first_name", rows: 1 },
        { field: "email", category: "Customers", column: "eMail", rows: 1 },
        { field: "deliveryNote", category: "orders", column: "note", rows: 2 },
      ],
      unmapped: ["postalAddress"],
    });
    const row = (await source.query(`SELECT "eMail", first_name FROM "Shop"."Customers" WHERE "CustomerId" = 1`)).rows[0];
    expect(row).toEqual({ eMail: "janet@example.test", first_name: "Janet" });
    expect((await source.query(`SELECT DISTINCT note FROM "Shop".orders WHERE "CustomerId" = 1`)).rows).toEqual([
      { note: "Leave at the door" },
    ]);
    expect(await othersSnapshot()).toEqual(before);
  });

  it("reports every correction as unmapped when no table maps it, without connecting", async () => {
    const receipt = await postgresConnector.rectify(
      mapping({ url: "postgresql://nobody@127.0.0.1:1/none" }),
      jane,
      [{ field: "nickname", correctValue: "JJ" }],
      rectificationContext,
    );
    expect(receipt).toEqual({ applied: [], unmapped: ["nickname"] });
  });
});

describe("suppression tables", () => {
  const optOutContext = { ...task, action: "opt_out" as const };
  const suppressions = [
    {
      table: "suppression_list",
      rights: ["opt_out", "objection"],
      columns: { Email: "{email}", reason: "{right}", listed_at: "{now}", by_portal: true },
    },
  ];
  const listed = async () =>
    (await source.query(`SELECT "Email", reason, by_portal, listed_at IS NOT NULL AS dated FROM "Shop".suppression_list ORDER BY 1`)).rows;

  it("adds the person's email once, whatever its case, and names the table, not the email, in the receipt", async () => {
    const config = mapping({ suppressions });
    expect(await postgresConnector.check!(config)).toEqual([]);
    const first = await postgresConnector.applyPreference!(config, jane, "opt_out", optOutContext);
    expect(first).toEqual({
      kind: "opt_out",
      switchedOff: [{ category: "suppression_list", settings: suppressions[0].columns, rows: 1 }],
    });
    expect(JSON.stringify(first)).not.toContain(jane.email);
    const again = await postgresConnector.applyPreference!(config, { email: "JANE@example.test" }, "objection", optOutContext);
    expect((again as PreferenceReceipt).switchedOff).toEqual([
      { category: "suppression_list", settings: suppressions[0].columns, rows: 0 },
    ]);
    expect(await listed()).toEqual([{ Email: "jane@example.test", reason: "opt_out", by_portal: true, dated: true }]);
    await postgresConnector.applyPreference!(config, { email: "bob@example.test" }, "opt_out", optOutContext);
    expect((await listed()).map((row) => row.Email)).toEqual(["bob@example.test", "jane@example.test"]);
  });

  it("leaves the table alone for a right it does not list", async () => {
    const receipt = await postgresConnector.applyPreference!(mapping({ suppressions }), jane, "limit_sensitive", optOutContext);
    expect(receipt).toEqual({ kind: "limit_sensitive", switchedOff: [] });
    expect(await listed()).toEqual([]);
  });

  it("names an unknown suppression table or column at its place in the config", async () => {
    const problems = await postgresConnector.check!(
      mapping({
        suppressions: [
          { table: "Suppressed", rights: ["opt_out"], columns: { email: "{email}" } },
          { table: "suppression_list", rights: ["opt_out"], columns: { Email: "{email}", origin: "gpc" } },
        ],
      }),
    );
    expect(problems).toEqual([
      {
        path: ["suppressions", 0, "table"],
        message: expect.stringMatching(/^Schema "Shop" has no table "Suppressed"; it has: .*"suppression_list"/),
      },
      {
        path: ["suppressions", 1, "columns", "origin"],
        message: expect.stringMatching(/^Suppression table "suppression_list" has no column "origin"/),
      },
    ]);
  });

  it("refuses a config without the person's email, with an unknown placeholder, or matching on a column it does not fill", () => {
    const parsed = postgresConfigSchema.safeParse({
      url: sourceUrl,
      tables: [{ table: "Customers", identity: { email: "eMail" } }],
      suppressions: [{ table: "suppression_list", rights: ["opt_out"], columns: { Email: "{mail}" }, match: ["phone"] }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      [
        "suppressions.0.columns.Email",
        '"{mail}" is not a value the portal fills in: use one of {email}, {right}, {now} as the whole value, or text without braces',
      ],
      ["suppressions.0.columns", 'Suppression table "suppression_list" must hold the person\'s email: set one column to "{email}"'],
      ["suppressions.0.match.0", 'match names "phone", which columns does not fill: list only columns given under columns'],
    ]);
  });
});
