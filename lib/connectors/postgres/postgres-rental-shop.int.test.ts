// The postgres connector against a rental shop it was not written for: an address shared by a
// customer, staff and a store, a couple sharing one address, payments in a partitioned table,
// NOT NULL and UNIQUE constraints, foreign keys without cascades, mixed-case names.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccessRecord, EraseReceipt, Subject } from "../connector.ts";
import { readConnectorsFile } from "../read-connectors-file.ts";
import {
  bobPaysForJanesRental,
  insertRows,
  literal,
  paymentByBoth,
  paymentByRental,
  rentalConnectorsFile,
} from "../sql/rental-shop.test-support.ts";
import { readPostgresCatalog } from "./catalog.ts";
import { postgresSession } from "./dialect.ts";
import { closePostgresConnectorPools, type PostgresConfig, postgresConfigSchema, postgresConnector } from "./index.ts";
import { identityPredicate, Params, qualified, quoteIdent } from "./sql.ts";

/** The postgres connector always answers at once. */
const erase = async (config: PostgresConfig, subject: Subject): Promise<EraseReceipt> =>
  (await postgresConnector.erase(config, subject, erasureContext)) as EraseReceipt;

const adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseName = `rental_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const sourceUrl = `postgresql://postgres@127.0.0.1:5432/${databaseName}`;
const erasureContext = { taskId: "task-1", requestId: "request-1", reference: "DSAR-TEST", action: "erasure" as const };
const jane: Subject = { email: "jane@example.test", accountId: null };
let source: pg.Client;

const SCHEMA = `
  CREATE EXTENSION citext;
  CREATE SCHEMA "Rental";
  CREATE TABLE "Rental".member (member_id serial PRIMARY KEY, email citext NOT NULL);
  CREATE INDEX member_email ON "Rental".member (email);
  INSERT INTO "Rental".member (email) SELECT 'member' || n || '@example.test' FROM generate_series(1, 5000) AS n;
  INSERT INTO "Rental".member (email) VALUES ('Jane@Example.test');
  ANALYZE "Rental".member;
  CREATE TABLE "Rental".city (city_id serial PRIMARY KEY, city text NOT NULL);
  CREATE TABLE "Rental".address (address_id serial PRIMARY KEY, "Address" varchar(50) NOT NULL, postal_code varchar(10),
    phone varchar(20) NOT NULL, city_id int NOT NULL REFERENCES "Rental".city);
  CREATE TABLE "Rental".store (store_id serial PRIMARY KEY, address_id int NOT NULL REFERENCES "Rental".address);
  CREATE TABLE "Rental".staff (staff_id serial PRIMARY KEY, first_name text NOT NULL, address_id int NOT NULL REFERENCES "Rental".address);
  CREATE TABLE "Rental"."Customer" (customer_id serial PRIMARY KEY, "Email" varchar(100) NOT NULL CONSTRAINT customer_email_key UNIQUE,
    first_name varchar(45) NOT NULL, "lastName" varchar(45) NOT NULL, login varchar(20) NOT NULL CONSTRAINT customer_login_key UNIQUE, address_id int REFERENCES "Rental".address,
    store_id int NOT NULL REFERENCES "Rental".store);
  CREATE TABLE "Rental".film (film_id serial PRIMARY KEY, title text NOT NULL);
  CREATE TABLE "Rental".rental (rental_id serial PRIMARY KEY, rental_date timestamptz NOT NULL, film_id int NOT NULL REFERENCES "Rental".film,
    customer_id int NOT NULL REFERENCES "Rental"."Customer", staff_id int NOT NULL REFERENCES "Rental".staff);
  CREATE TABLE "Rental".payment (payment_id serial, customer_id int NOT NULL REFERENCES "Rental"."Customer",
    rental_id int REFERENCES "Rental".rental, amount numeric(5, 2) NOT NULL, payment_date timestamptz NOT NULL,
    PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);
  CREATE TABLE "Rental".payment_2026_01 PARTITION OF "Rental".payment FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
  CREATE TABLE "Rental".kinds (email text, at_tz timestamptz, at_local timestamp, on_day date, at_time time, at_timetz timetz,
    amount numeric, big bigint, ratio double precision, took interval, raw bytea, doc jsonb, tz_list timestamptz[], amounts numeric[],
    tooks interval[], flag boolean);
  CREATE TABLE "Rental".payment_2026_02 PARTITION OF "Rental".payment FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');`;

// Jane lives at the address of store 1 and of staff member Mike; Bob lives alone at address 2;
// Carol and Dave share address 3.
const SEED = `
  TRUNCATE "Rental".payment, "Rental".rental, "Rental".film, "Rental"."Customer", "Rental".staff, "Rental".store,
    "Rental".address, "Rental".city RESTART IDENTITY;
  INSERT INTO "Rental".city (city) VALUES ('Lyon'), ('Nantes');
  INSERT INTO "Rental".address ("Address", postal_code, phone, city_id) VALUES
    ('1 place Bellecour', '69002', '+33 4 00', 1), ('2 rue Crébillon', '44000', '+33 2 01', 2), ('3 quai de la Fosse', '44000', '+33 2 02', 2);
  INSERT INTO "Rental".store (address_id) VALUES (1);
  INSERT INTO "Rental".staff (first_name, address_id) VALUES ('Mike', 1);
  INSERT INTO "Rental"."Customer" ("Email", first_name, "lastName", login, address_id, store_id) VALUES
    ('Jane@Example.test', 'Jane', 'Doe', 'jdoe', 1, 1), ('bob@example.test', 'Bob', 'Roe', 'broe', 2, 1),
    ('carol@example.test', 'Carol', 'Poe', 'cpoe', 3, 1), ('dave@example.test', 'Dave', 'Poe', 'dpoe', 3, 1);
  INSERT INTO "Rental".film (title) VALUES ('Alien'), ('Brazil');
  INSERT INTO "Rental".rental (rental_date, film_id, customer_id, staff_id) VALUES
    ('2026-01-05T10:00:00.123456Z', 1, 1, 1), ('2026-02-01T08:30:00Z', 2, 2, 1);
  INSERT INTO "Rental".payment (customer_id, rental_id, amount, payment_date) VALUES
    (1, 1, 2.99, '2026-01-05T10:00:00.123456Z'), (2, 2, 4.99, '2026-02-01T08:30:00Z');`;

const customer = {
  table: "Customer",
  identity: { email: "Email" },
  erase: { strategy: "mask", columns: { Email: "hash", first_name: "redact", lastName: "redact" } },
};
const address = (erase: Record<string, unknown> = {}) => ({
  table: "address",
  via: { parent: "Customer", column: "address_id", parentColumn: "address_id" },
  erase: { strategy: "mask", columns: { Address: "redact", phone: "redact", postal_code: "null" }, ...erase },
});

function mapping(tables: unknown[]): PostgresConfig {
  return postgresConfigSchema.parse({ url: sourceUrl, schema: "Rental", tables });
}

const addresses = async () => (await source.query(`SELECT * FROM "Rental".address ORDER BY address_id`)).rows;
const customerRow = async (id: number) => (await source.query(`SELECT * FROM "Rental"."Customer" WHERE customer_id = $1`, [id])).rows[0];

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

describe("erasure of rows other people's rows also point to", () => {
  it("keeps an address shared with staff and a store, says so on the receipt, and masks the person's own row", async () => {
    const before = await addresses();
    const receipt = await erase(mapping([customer, address()]), jane);
    expect(receipt.details).toEqual([
      { category: "address", strategy: "mask", rows: 0, columns: { Address: "redact", phone: "redact", postal_code: "null" } },
      { category: "address", strategy: "retain", rows: 1, reason: "shared with other records" },
      { category: "Customer", strategy: "mask", rows: 1, columns: { Email: "hash", first_name: "redact", lastName: "redact" } },
    ]);
    expect(receipt.affected).toBe(1);
    expect(await addresses()).toEqual(before);
    expect(await customerRow(1)).toMatchObject({ first_name: "[erased]", address_id: 1 });
  });

  it("masks an address the person alone has, and keeps one shared with another customer", async () => {
    const config = mapping([customer, address()]);
    const bob = await erase(config, { email: "bob@example.test", accountId: null });
    expect(bob.details.filter((detail) => detail.category === "address")).toEqual([
      { category: "address", strategy: "mask", rows: 1, columns: { Address: "redact", phone: "redact", postal_code: "null" } },
    ]);
    const carol = await erase(config, { email: "carol@example.test", accountId: null });
    expect(carol.details.filter((detail) => detail.category === "address")).toEqual([
      { category: "address", strategy: "mask", rows: 0, columns: { Address: "redact", phone: "redact", postal_code: "null" } },
      { category: "address", strategy: "retain", rows: 1, reason: "shared with other records" },
    ]);
    const after = await addresses();
    expect(after.map((row) => row.Address)).toEqual(["1 place Bellecour", "[erased]", "3 quai de la Fosse"]);
    expect(await customerRow(4)).toMatchObject({ first_name: "Dave", address_id: 3 });
  });

  it("unlinks the person from a shared address when the map says so, leaving the address to the others", async () => {
    const before = await addresses();
    const receipt = await erase(mapping([customer, address({ shared: "unlink" })]), jane);
    expect(receipt.details[1]).toEqual({
      category: "address",
      strategy: "retain",
      rows: 1,
      reason: 'shared with other records; unlinked from the person ("Customer"."address_id" set to NULL in 1 row)',
    });
    expect(await addresses()).toEqual(before);
    expect(await customerRow(1)).toMatchObject({ first_name: "[erased]", address_id: null });
    expect(await customerRow(2)).toMatchObject({ first_name: "Bob", address_id: 2 });
  });

  it("does not delete a shared address, which would fail on the others' foreign keys", async () => {
    const config = mapping([customer, { ...address(), erase: { strategy: "delete" } }]);
    const receipt = await erase(config, jane);
    expect(receipt.details.slice(0, 2)).toEqual([
      { category: "address", strategy: "delete", rows: 0 },
      { category: "address", strategy: "retain", rows: 1, reason: "shared with other records" },
    ]);
    expect(await addresses()).toHaveLength(3);
  });
});

describe("checking erasure against the database's constraints before the mapping is applied", () => {
  it("finds nothing wrong with masks the columns can take", async () => {
    expect(await postgresConnector.check!(mapping([customer, address()]))).toEqual([]);
  });

  it("refuses a null mask on a NOT NULL column, a mask the column cannot hold, and a constant mask on a unique column, with a fix", async () => {
    const config = mapping([
      {
        ...customer,
        erase: { strategy: "mask", columns: { Email: "redact", first_name: "hash", login: "redact", lastName: "null" } },
      },
      address({ columns: { phone: "null", postal_code: "hash", Address: "redact" } }),
    ]);
    expect(await postgresConnector.check!(config)).toEqual([
      {
        path: ["tables", 0, "erase", "columns", "Email"],
        message:
          'Masking "Customer"."Email" with redact writes the same "[erased]" in every row, but customer_email_key makes it unique: ' +
          "the second erasure would fail. Use hash instead",
      },
      {
        path: ["tables", 0, "erase", "columns", "first_name"],
        message:
          'Masking "Customer"."first_name" with hash cannot work: the column is character varying(45), which cannot hold a 64-character hash. ' +
          "Use unique-hash (a salted hash cut to the column's length, different per row) or redact instead",
      },
      {
        path: ["tables", 0, "erase", "columns", "login"],
        message:
          'Masking "Customer"."login" with redact writes the same "[erased]" in every row, but customer_login_key makes it unique: ' +
          "the second erasure would fail. Use unique-hash (a salted hash cut to the column's length, different per row) instead",
      },
      {
        path: ["tables", 0, "erase", "columns", "lastName"],
        message:
          'Masking "Customer"."lastName" with null would fail every erasure: the column is NOT NULL. ' +
          "Use unique-hash (a salted hash cut to the column's length, different per row) or redact instead",
      },
      {
        path: ["tables", 1, "erase", "columns", "phone"],
        message: expect.stringMatching(
          /^Masking "address"\."phone" with null would fail every erasure: the column is NOT NULL\. Use unique-hash/,
        ),
      },
      {
        path: ["tables", 1, "erase", "columns", "postal_code"],
        message:
          'Masking "address"."postal_code" with hash cannot work: the column is character varying(10), which cannot hold a 64-character hash. ' +
          "Use redact or null instead",
      },
    ]);
  });

  it("refuses unlinking through a link that cannot be NULL, or from a table found by identity", async () => {
    await source.query(`ALTER TABLE "Rental"."Customer" ALTER COLUMN address_id SET NOT NULL`);
    try {
      const config = mapping([{ ...customer, erase: { ...customer.erase, shared: "unlink" } }, address({ shared: "unlink" })]);
      expect(await postgresConnector.check!(config)).toEqual([
        {
          path: ["tables", 0, "erase", "shared"],
          message: 'Table "Customer" is found by identity, so it has no link to clear: use shared: keep (or leave it out)',
        },
        {
          path: ["tables", 1, "erase", "shared"],
          message:
            'Unlinking a shared row of "address" sets "Customer"."address_id" to NULL, but that column is NOT NULL: ' +
            "every erasure that meets a shared row would fail. Use shared: keep, or allow NULL in that column",
        },
      ]);
    } finally {
      await source.query(`ALTER TABLE "Rental"."Customer" ALTER COLUMN address_id DROP NOT NULL`);
    }
  });

  it("refuses deleting rows that foreign keys without a cascade point to from tables whose rows stay", async () => {
    const config = mapping([customer, { ...address(), erase: { strategy: "delete" } }]);
    const problems = await postgresConnector.check!(config);
    expect(problems.map((problem) => problem.path)).toEqual([
      ["tables", 1, "erase", "strategy"],
      ["tables", 1, "erase", "strategy"],
      ["tables", 1, "erase", "strategy"],
    ]);
    expect(problems[0].message).toBe(
      'Deleting the person\'s rows of "address" would fail: foreign key Customer_address_id_fkey (ON DELETE NO ACTION) from "Rental"."Customer" (address_id) ' +
        'points to them, and "Customer" is mapped with erase strategy "mask", so its rows stay. Mask "address" instead (erase: { strategy: mask, columns: … }), ' +
        'map "Customer" with erase strategy "delete", or give the foreign key ON DELETE CASCADE or SET NULL',
    );
    expect(problems[1].message).toMatch(/foreign key staff_address_id_fkey .* "staff" is not mapped, so its rows stay/);
    expect(problems[2].message).toMatch(/foreign key store_address_id_fkey .* "store" is not mapped, so its rows stay/);
  });

  it("erases a unique column with unique-hash, fitting its length, for one person after another", async () => {
    const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { login: "unique-hash", first_name: "unique-hash" } } }]);
    expect(await postgresConnector.check!(config)).toEqual([]);
    const first = await erase(config, jane);
    const second = await erase(config, { email: "bob@example.test", accountId: null });
    expect([first.details[0], second.details[0]]).toEqual([
      { category: "Customer", strategy: "mask", rows: 1, columns: { login: "unique-hash", first_name: "unique-hash" } },
      { category: "Customer", strategy: "mask", rows: 1, columns: { login: "unique-hash", first_name: "unique-hash" } },
    ]);
    const [janeRow, bobRow] = [await customerRow(1), await customerRow(2)];
    expect(janeRow.login).toMatch(/^[0-9a-f]{20}$/);
    expect(janeRow.first_name).toMatch(/^[0-9a-f]{45}$/);
    expect(bobRow.login).toMatch(/^[0-9a-f]{20}$/);
    expect(bobRow.login).not.toBe(janeRow.login);
    // Idempotent: the row keeps its hashed values on a second run.
    expect((await erase(config, jane)).details[0]).toMatchObject({ rows: 0 });
    expect(await customerRow(1)).toEqual(janeRow);
  });
});

describe("access values: one lossless format for every type", () => {
  it("keeps microseconds, exact numerics and ISO 8601 dates, times and durations", async () => {
    await source.query(`TRUNCATE "Rental".kinds`);
    // A session in another zone and date style must not change what the person gets.
    await source.query(`ALTER DATABASE "${databaseName}" SET TimeZone = 'America/New_York'`);
    await source.query(`ALTER DATABASE "${databaseName}" SET DateStyle = 'SQL, DMY'`);
    await closePostgresConnectorPools();
    await source.query(`INSERT INTO "Rental".kinds VALUES ('jane@example.test', '2026-01-05T10:00:00.123456Z', '2026-01-05 10:00:00.000001',
      '2026-01-05', '23:59:59.999999', '10:00:00.5+02', 12345678901234567890.123456789, 9223372036854775807, 0.1,
      '1 year 2 months 3 days 04:05:06.789', '\\x00ff', '{"a": [1, "x"], "id": 12345678901234567890, "price": 0.1000000000000000055511}', ARRAY['2026-01-05T10:00:00.123456Z'::timestamptz, NULL],
      ARRAY[12345678901234567890.5, 0.1]::numeric[], ARRAY['PT1S'::interval], true)`);
    const config = mapping([{ table: "kinds", identity: { email: "email" } }]);
    const records: AccessRecord[] = [];
    const context = { ...erasureContext, action: "access" as const };
    for await (const record of (await postgresConnector.access(config, jane, context)) as AsyncIterable<AccessRecord>) records.push(record);
    expect(records.map((record) => record.fields)).toEqual([
      {
        email: "jane@example.test",
        at_tz: "2026-01-05T10:00:00.123456Z",
        at_local: "2026-01-05T10:00:00.000001",
        on_day: "2026-01-05",
        at_time: "23:59:59.999999",
        at_timetz: "10:00:00.5+02:00",
        amount: "12345678901234567890.123456789",
        big: "9223372036854775807",
        ratio: 0.1,
        took: "P1Y2M3DT4H5M6.789S",
        raw: "AP8=",
        // JSON numbers a JavaScript number would change stay their exact text.
        doc: { a: [1, "x"], id: "12345678901234567890", price: "0.1000000000000000055511" },
        tz_list: ["2026-01-05T10:00:00.123456Z", null],
        amounts: ["12345678901234567890.5", "0.1"],
        tooks: ["PT1S"],
        flag: true,
      },
    ]);
    // Each record declares how the fields written as text are to be read: their type's format.
    expect(records[0].formats).toEqual({
      at_tz: "date-time",
      at_local: "local-date-time",
      on_day: "date",
      at_time: "time",
      at_timetz: "time-with-offset",
      amount: "exact-number",
      big: "exact-number",
      took: "duration",
      raw: "base64",
      doc: "json",
      tz_list: "date-time[]",
      amounts: "exact-number[]",
      tooks: "duration[]",
    });
    await source.query(`ALTER DATABASE "${databaseName}" RESET TimeZone`);
    await source.query(`ALTER DATABASE "${databaseName}" RESET DateStyle`);
  });
});

describe("finding the person through an index", () => {
  /** The plan of the lookup the connector runs for `table`, with sequential scans priced out. */
  async function planOf(config: PostgresConfig, table: string): Promise<string> {
    const catalog = await readPostgresCatalog(postgresSession(source), config.schema, [table]);
    const params = new Params();
    const entry = config.tables.find((candidate) => candidate.table === table)!;
    const where = identityPredicate({ config, catalog, subject: jane, params }, entry, "t");
    await source.query("BEGIN");
    try {
      await source.query("SET LOCAL enable_seqscan = off");
      const plan = await source.query(`EXPLAIN SELECT * FROM ${qualified("Rental", table)} AS t WHERE ${where}`, params.values);
      return plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
    } finally {
      await source.query("ROLLBACK");
    }
  }

  it("compares a citext email as it is, so its plain index is used, and still finds it whatever the case", async () => {
    const config = mapping([{ table: "member", identity: { email: "email" } }]);
    expect(await planOf(config, "member")).toMatch(/Index .*member_email/);
    const records: AccessRecord[] = [];
    const context = { ...erasureContext, action: "access" as const };
    for await (const record of (await postgresConnector.access(config, jane, context)) as AsyncIterable<AccessRecord>) records.push(record);
    expect(records.map((record) => record.fields["email"])).toEqual(["Jane@Example.test"]);
  });

  it("says which index to create when a lookup would read the whole table, and the lookup uses it once created", async () => {
    const config = mapping([customer]);
    expect(await postgresConnector.test(config)).toMatchObject({
      ok: true,
      message:
        'Connected; 1 table mapped. To consider: finding a person in "Customer" reads the whole table (no index on lower("Email")); ' +
        'create one: CREATE INDEX ON "Rental"."Customer" (lower("Email"))',
    });
    expect(await planOf(config, "Customer")).toContain("Seq Scan");
    await source.query(`CREATE INDEX customer_email_lower ON "Rental"."Customer" (lower("Email"))`);
    try {
      expect(await planOf(config, "Customer")).toMatch(/Index .*customer_email_lower/);
      expect(await postgresConnector.test(config)).toEqual({ ok: true, message: "Connected; 1 table mapped" });
    } finally {
      await source.query(`DROP INDEX "Rental".customer_email_lower`);
    }
  });
});

describe("a partitioned table and deletes in foreign-key order", () => {
  const rental = {
    table: "rental",
    via: { parent: "Customer", column: "customer_id", parentColumn: "customer_id" },
    erase: { strategy: "delete" },
  };
  const payment = {
    table: "payment",
    via: { parent: "rental", column: "rental_id", parentColumn: "rental_id" },
    erase: { strategy: "delete" },
  };
  const byCustomer = {
    table: "payment",
    via: { parent: "Customer", column: "customer_id", parentColumn: "customer_id" },
    erase: { strategy: "delete" },
  };

  it("warns in the connector test that payments reached through rentals may be another customer's", async () => {
    await source.query(`CREATE INDEX customer_email_lower ON "Rental"."Customer" (lower("Email"))`);
    try {
      const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { Email: "hash" } } }, rental, payment]);
      expect(await postgresConnector.test(config)).toMatchObject({
        ok: true,
        message:
          'Connected; 3 tables mapped. To consider: "payment" is reached through "rental", but its rows also name a "Customer" row ' +
          '(payment_customer_id_fkey): rows of the person\'s "rental" that belong to another "Customer" are included too; ' +
          "to keep only rows that are theirs by both, list both paths: via: [{ parent: rental, column: rental_id, parentColumn: rental_id }, " +
          "{ parent: Customer, column: customer_id, parentColumn: customer_id }] (viaMatch: all, the default)",
      });
      const direct = mapping([{ ...customer, erase: { strategy: "mask", columns: { Email: "hash" } } }, byCustomer, rental]);
      expect(await postgresConnector.test(direct)).toEqual({ ok: true, message: "Connected; 3 tables mapped" });
    } finally {
      await source.query(`DROP INDEX "Rental".customer_email_lower`);
    }
  });

  it("reaches payments through the customer AND the rental: another person's payment for the person's rental is neither read nor erased", async () => {
    // Bob pays for the film Jane rented (the rows both engines are tested on).
    await source.query(
      insertRows(
        (table) => qualified("Rental", table),
        quoteIdent,
        "payment",
        [bobPaysForJanesRental],
        (at) => literal(`${at}+00`),
      ),
    );
    const masked = { ...customer, erase: { strategy: "mask", columns: { Email: "hash" } } };
    const paymentsOf = async (config: PostgresConfig) => {
      const records: AccessRecord[] = [];
      const context = { ...erasureContext, action: "access" as const };
      for await (const record of (await postgresConnector.access(config, jane, context)) as AsyncIterable<AccessRecord>)
        records.push(record);
      return records
        .filter((record) => record.category === "payment")
        .map((record) => [record.fields["customer_id"], record.fields["amount"]]);
    };
    // Through the rental alone, Bob's payment comes along as if it were Jane's.
    expect(await paymentsOf(mapping([masked, rental, paymentByRental]))).toEqual([
      [1, "2.99"],
      [2, "1.50"],
    ]);
    const config = mapping([masked, rental, paymentByBoth]);
    expect(await paymentsOf(config)).toEqual([[1, "2.99"]]);
    expect(await postgresConnector.check!(config)).toEqual([]);
    const receipt = await erase(config, jane);
    expect(receipt.details.slice(0, 3)).toEqual([
      { category: "payment", strategy: "delete", rows: 1 },
      { category: "rental", strategy: "delete", rows: 0 },
      { category: "rental", strategy: "retain", rows: 1, reason: "shared with other records" },
    ]);
    expect((await source.query(`SELECT customer_id, rental_id FROM "Rental".payment ORDER BY payment_date`)).rows).toEqual([
      { customer_id: 2, rental_id: 1 },
      { customer_id: 2, rental_id: 2 },
    ]);
  });

  it("deletes the person's payments across partitions, then their rentals, and nobody else's", async () => {
    const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { Email: "hash" } } }, rental, payment]);
    expect(await postgresConnector.check!(config)).toEqual([]);
    const receipt = await erase(config, jane);
    expect(receipt.details.slice(0, 2)).toEqual([
      { category: "payment", strategy: "delete", rows: 1 },
      { category: "rental", strategy: "delete", rows: 1 },
    ]);
    expect((await source.query(`SELECT customer_id FROM "Rental".payment`)).rows).toEqual([{ customer_id: 2 }]);
    expect((await source.query(`SELECT customer_id FROM "Rental".rental`)).rows).toEqual([{ customer_id: 2 }]);
  });

  it("refuses a delete that a mapped table still pointing to it would reach only afterwards, saying which to list first", async () => {
    const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { Email: "hash" } } }, rental, byCustomer]);
    const problems = await postgresConnector.check!(config);
    expect(problems).toEqual([
      {
        path: ["tables", 1, "erase", "strategy"],
        message: expect.stringContaining(
          'foreign key payment_rental_id_fkey (ON DELETE NO ACTION) from "Rental"."payment" (rental_id) points to them, and "payment" is deleted only after "rental"',
        ),
      },
    ]);
    await expect(erase(config, jane)).rejects.toThrow(/payment_rental_id_fkey/);
  });
});

describe("the connectors file", () => {
  it("points at the line of the mask the constraints refuse, naming the constraint and a fix", async () => {
    const text = rentalConnectorsFile("postgres", "access, erasure", ["Email: hash", "login: redact"], "Rental");
    const { problems } = await readConnectorsFile(text, { RENTAL_URL: sourceUrl });
    expect(problems).toEqual([
      {
        line: 16,
        column: expect.any(Number),
        path: expect.stringContaining("erase.columns.login"),
        message: expect.stringContaining("customer_login_key makes it unique: the second erasure would fail. Use unique-hash"),
      },
    ]);
  });
});

describe("a source that does not erase", () => {
  it("is not refused for an erasure it never performs, and is once erasure is among its actions", async () => {
    const file = (actions: string) => rentalConnectorsFile("postgres", actions, ["login: redact"], "Rental");
    expect((await readConnectorsFile(file("access, portability"), { RENTAL_URL: sourceUrl })).problems).toEqual([]);
    expect((await readConnectorsFile(file("access, erasure"), { RENTAL_URL: sourceUrl })).problems).toEqual([
      expect.objectContaining({ path: expect.stringContaining("erase.columns.login") }),
    ]);
  });
});

describe("reference tables", () => {
  const rentals = {
    table: "rental",
    via: { parent: "Customer", column: "customer_id", parentColumn: "customer_id" },
    erase: { strategy: "retain", reason: "Kept 3 years for disputes" },
  };
  const film = {
    table: "film",
    via: { parent: "rental", column: "film_id", parentColumn: "film_id" },
    reference: true,
    columns: ["title"],
  };

  it("shows the titles the person rented beside their rentals, and never erases or counts them", async () => {
    const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { first_name: "redact" } } }, rentals, film]);
    expect(await postgresConnector.check!(config)).toEqual([]);
    const records: AccessRecord[] = [];
    const context = { ...erasureContext, action: "access" as const };
    for await (const record of (await postgresConnector.access(config, jane, context)) as AsyncIterable<AccessRecord>) records.push(record);
    expect(records.filter((record) => record.category === "film").map((record) => record.fields)).toEqual([{ title: "Alien" }]);
    const receipt = await erase(config, jane);
    expect(receipt).toEqual({
      affected: 1,
      details: [
        { category: "rental", strategy: "retain", rows: 1, reason: "Kept 3 years for disputes" },
        { category: "Customer", strategy: "mask", rows: 1, columns: { first_name: "redact" } },
      ],
    });
    expect((await source.query(`SELECT title FROM "Rental".film ORDER BY film_id`)).rows).toEqual([
      { title: "Alien" },
      { title: "Brazil" },
    ]);
  });

  it("refuses a reference table found by identity or given corrections", () => {
    const parsed = postgresConfigSchema.safeParse({
      url: sourceUrl,
      schema: "Rental",
      tables: [customer, { table: "film", identity: { email: "title" }, reference: true, rectify: { title: "title" } }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["tables.1.reference", 'Reference table "film" must be reached through via (e.g. from the rows that name it), not found by identity'],
      ["tables.1.rectify", 'Reference table "film" is read-only: corrections cannot go to it; leave out rectify'],
    ]);
  });
});
