// The mysql connector against a real MariaDB (127.0.0.1:3306), on a database of its own: the
// rental shop both SQL engines are tested on (../sql/rental-shop.test-support.ts), mixed-case and
// odd names, a composite key, a case-sensitive collation, and every value type.
import { createHash, randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccessRecord, EraseReceipt, PreferenceReceipt, Subject } from "../connector.ts";
import { readConnectorsFile } from "../read-connectors-file.ts";
import {
  address,
  bobPaysForJanesRental,
  customer,
  insertRows,
  paymentByBoth,
  paymentByRental,
  rental,
  rentalConnectorsFile,
  rentalRows,
  rentalTables,
} from "../sql/rental-shop.test-support.ts";
import { closeMysqlConnectorPools, type MysqlConfig, mysqlConfigSchema, mysqlConnector } from "./index.ts";

const database = `rental_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const sourceUrl = `mysql://root@127.0.0.1:3306/${database}`;
const task = { taskId: "task-1", requestId: "request-1", reference: "DSAR-TEST" };
const jane: Subject = { email: "jane@example.test", accountId: null };
const bob: Subject = { email: "bob@example.test", accountId: null };
let source: mysql.Connection;

const q = (name: string) => `\`${name.replaceAll("`", "``")}\``;
const SCHEMA = [
  "CREATE TABLE city (city_id int AUTO_INCREMENT PRIMARY KEY, city varchar(50) NOT NULL)",
  `CREATE TABLE address (address_id int AUTO_INCREMENT PRIMARY KEY, \`Address\` varchar(50) NOT NULL, postal_code varchar(10),
    phone varchar(20) NOT NULL, city_id int NOT NULL, CONSTRAINT address_city_id_fkey FOREIGN KEY (city_id) REFERENCES city (city_id))`,
  `CREATE TABLE store (store_id int AUTO_INCREMENT PRIMARY KEY, address_id int NOT NULL,
    CONSTRAINT store_address_id_fkey FOREIGN KEY (address_id) REFERENCES address (address_id))`,
  `CREATE TABLE staff (staff_id int AUTO_INCREMENT PRIMARY KEY, first_name varchar(45) NOT NULL, address_id int NOT NULL,
    CONSTRAINT staff_address_id_fkey FOREIGN KEY (address_id) REFERENCES address (address_id))`,
  `CREATE TABLE \`Customer\` (customer_id int AUTO_INCREMENT PRIMARY KEY, \`Email\` varchar(100) NOT NULL, first_name varchar(45) NOT NULL,
    \`lastName\` varchar(45) NOT NULL, login varchar(20) NOT NULL, address_id int NULL, store_id int NOT NULL,
    CONSTRAINT customer_email_key UNIQUE (\`Email\`), CONSTRAINT customer_login_key UNIQUE (login),
    CONSTRAINT customer_address_id_fkey FOREIGN KEY (address_id) REFERENCES address (address_id),
    CONSTRAINT customer_store_id_fkey FOREIGN KEY (store_id) REFERENCES store (store_id))`,
  "CREATE TABLE film (film_id int AUTO_INCREMENT PRIMARY KEY, title varchar(100) NOT NULL)",
  `CREATE TABLE rental (rental_id int AUTO_INCREMENT PRIMARY KEY, rental_date DATETIME(6) NOT NULL, film_id int NOT NULL, customer_id int NOT NULL,
    staff_id int NOT NULL, CONSTRAINT rental_film_id_fkey FOREIGN KEY (film_id) REFERENCES film (film_id),
    CONSTRAINT rental_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES \`Customer\` (customer_id),
    CONSTRAINT rental_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff (staff_id))`,
  `CREATE TABLE payment (payment_id int AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL, rental_id int NULL, amount DECIMAL(5, 2) NOT NULL,
    payment_date TIMESTAMP(6) NOT NULL, CONSTRAINT payment_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES \`Customer\` (customer_id),
    CONSTRAINT payment_rental_id_fkey FOREIGN KEY (rental_id) REFERENCES rental (rental_id))`,
  `CREATE TABLE kinds (email varchar(100), at_ts TIMESTAMP(6) NULL, at_local DATETIME(6), at_second DATETIME, on_day DATE, at_time TIME(6),
    amount DECIMAL(30, 9), big BIGINT, ubig BIGINT UNSIGNED, ratio DOUBLE, raw VARBINARY(4), file BLOB, doc JSON, bits BIT(3), flag BOOLEAN)`,
  // A name with a backquote, a question mark and a dollar placeholder in it.
  "CREATE TABLE `Odd ``Names`` ?` (`id` int PRIMARY KEY, `e-Mail?` varchar(100) NOT NULL, `$1` varchar(20))",
  // A shop whose orders are keyed by (shop_id, id): its lines join on both columns.
  "CREATE TABLE shop_order (shop_id int, id int, email varchar(100) NOT NULL, PRIMARY KEY (shop_id, id))",
  `CREATE TABLE line_item (line_id int PRIMARY KEY, shop_id int NOT NULL, order_id int NOT NULL, sku varchar(10),
    CONSTRAINT line_item_order_fkey FOREIGN KEY (shop_id, order_id) REFERENCES shop_order (shop_id, id))`,
  "CREATE TABLE member (member_id int PRIMARY KEY, email varchar(100) COLLATE utf8mb4_bin NOT NULL, INDEX (email))",
  "CREATE TABLE `Suppression` (`Email` varchar(100) NOT NULL, reason varchar(20), listed_at DATETIME(6), by_portal BOOLEAN)",
];

async function seed() {
  await source.query("SET FOREIGN_KEY_CHECKS = 0");
  for (const table of [...rentalTables, "kinds", "Odd `Names` ?", "shop_order", "line_item", "member", "Suppression"])
    await source.query(`DELETE FROM ${q(table)}`);
  await source.query("SET FOREIGN_KEY_CHECKS = 1");
  for (const table of rentalTables) await source.query(insertRows(q, q, table, rentalRows[table]));
  await source.query("INSERT INTO `Odd ``Names`` ?` VALUES (1, 'Jane@Example.test', 'j'), (2, 'bob@example.test', 'b')");
  await source.query(
    "INSERT INTO shop_order VALUES (1, 10, 'jane@example.test'), (2, 10, 'bob@example.test'), (2, 11, 'jane@example.test')",
  );
  await source.query("INSERT INTO line_item VALUES (1, 1, 10, 'MUG'), (2, 2, 10, 'PEN'), (3, 2, 11, 'INK')");
  await source.query("INSERT INTO member VALUES (1, 'Jane@Example.test'), (2, 'bob@example.test')");
}

function mapping(tables: unknown[]): MysqlConfig {
  return mysqlConfigSchema.parse({ url: sourceUrl, tables });
}

async function collect(config: MysqlConfig, subject: Subject): Promise<AccessRecord[]> {
  const records: AccessRecord[] = [];
  const context = { ...task, action: "access" as const };
  for await (const record of (await mysqlConnector.access(config, subject, context)) as AsyncIterable<AccessRecord>) records.push(record);
  return records;
}

const erase = async (config: MysqlConfig, subject: Subject) =>
  (await mysqlConnector.erase(config, subject, { ...task, action: "erasure" })) as EraseReceipt;
const rows = async (sql: string) => (await source.query(sql))[0] as Array<Record<string, unknown>>;
const fields = (records: AccessRecord[], category: string) => records.filter((r) => r.category === category).map((r) => r.fields);

beforeAll(async () => {
  const admin = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root" });
  await admin.query(`CREATE DATABASE ${q(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await admin.end();
  source = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root", database, timezone: "Z", dateStrings: true });
  await source.query("SET time_zone = '+00:00'");
  for (const statement of SCHEMA) await source.query(statement);
});

beforeEach(seed);

afterAll(async () => {
  await closeMysqlConnectorPools();
  await source?.query(`DROP DATABASE IF EXISTS ${q(database)}`);
  await source?.end();
});

describe("checking a mapping against MariaDB", () => {
  it("finds nothing wrong with a correct mapping, and the test says how many tables are mapped", async () => {
    const config = mapping([customer, address(), rental, paymentByBoth]);
    expect(await mysqlConnector.check!(config)).toEqual([]);
    expect(await mysqlConnector.test(config)).toEqual({
      ok: true,
      message: "Connected; 4 tables mapped",
    });
    // Without its unique index, the email lookup reads the whole table: the test says which index to create.
    await source.query("ALTER TABLE `Customer` DROP INDEX customer_email_key");
    try {
      expect((await mysqlConnector.test(mapping([customer]))).message).toBe(
        `Connected; 1 table mapped. To consider: finding a person in "Customer" reads the whole table (no index on "Email"); create one: CREATE INDEX \`Customer_Email\` ON \`${database}\`.\`Customer\` (\`Email\`)`,
      );
    } finally {
      await source.query("ALTER TABLE `Customer` ADD CONSTRAINT customer_email_key UNIQUE (`Email`)");
    }
  });

  it("names the table, the column and where in the config each mistake is", async () => {
    const config = mapping([
      { table: "Customer", identity: { email: "email" }, columns: ["customer_id", "firstName"] },
      { table: "rental", via: { parent: "Customer", column: "customerId", parentColumn: "customer_id" } },
      { table: "payment", via: [{ parent: "rental", column: "rental_id", parentColumn: "rental_date" }] },
      { table: "custmers", identity: { email: "Email" } },
    ]);
    expect(await mysqlConnector.check!(config)).toEqual([
      {
        path: ["tables", 0, "identity", "email"],
        message: expect.stringMatching(/^Table "Customer" has no column "email"; it has: "customer_id", "Email",/),
      },
      { path: ["tables", 0, "columns", 1], message: expect.stringContaining('Table "Customer" has no column "firstName"') },
      { path: ["tables", 1, "via", "column"], message: expect.stringContaining('Table "rental" has no column "customerId"') },
      {
        path: ["tables", 2, "via", 0, "column"],
        message: 'Cannot join "payment"."rental_id" (int) to "rental"."rental_date" (datetime): their types differ',
      },
      {
        path: ["tables", 3, "table"],
        message: expect.stringMatching(
          new RegExp(`^Schema "${database}" has no table "custmers"; it has: "Customer", .*"address", "city",`),
        ),
      },
    ]);
  });

  it("reports a server or database it cannot reach once, at the url, without the password", async () => {
    const unreachable = mapping([customer]);
    unreachable.url = "mysql://shop:hunter2@127.0.0.1:1/shop";
    const problems = await mysqlConnector.check!(unreachable);
    expect(problems).toEqual([
      { path: ["url"], message: expect.stringMatching(/^Cannot connect to MySQL at 127\.0\.0\.1:1: connection refused/) },
    ]);
    expect(await mysqlConnector.test(unreachable)).toEqual({ ok: false, message: problems[0].message });
    const missing = mapping([customer]);
    missing.url = "mysql://root:hunter2x@127.0.0.1:3306/no_such_shop";
    const found = await mysqlConnector.check!(missing);
    expect(found).toEqual([{ path: ["url"], message: expect.any(String) }]);
    expect(JSON.stringify([problems, found])).not.toContain("hunter2");
  });

  it("refuses masks the columns cannot take and deletes foreign keys would block, at their paths with the constraint and a fix", async () => {
    const config = mapping([
      { ...customer, erase: { strategy: "mask", columns: { Email: "redact", first_name: "hash", login: "redact", lastName: "null" } } },
      { ...address(), erase: { strategy: "delete" } },
    ]);
    const problems = await mysqlConnector.check!(config);
    expect(problems).toEqual([
      {
        path: ["tables", 0, "erase", "columns", "Email"],
        message:
          'Masking "Customer"."Email" with redact writes the same "[erased]" in every row, but customer_email_key makes it unique: the second erasure would fail. Use hash instead',
      },
      {
        path: ["tables", 0, "erase", "columns", "first_name"],
        message:
          'Masking "Customer"."first_name" with hash cannot work: the column is varchar(45), which cannot hold a 64-character hash. ' +
          "Use unique-hash (a salted hash cut to the column's length, different per row) or redact instead",
      },
      { path: ["tables", 0, "erase", "columns", "login"], message: expect.stringContaining("customer_login_key makes it unique") },
      {
        path: ["tables", 0, "erase", "columns", "lastName"],
        message: expect.stringContaining("with null would fail every erasure: the column is NOT NULL"),
      },
      {
        path: ["tables", 1, "erase", "strategy"],
        message: expect.stringContaining(
          `foreign key customer_address_id_fkey (ON DELETE RESTRICT) from "${database}"."Customer" (address_id) points to them, and "Customer" is mapped with erase strategy "mask"`,
        ),
      },
      { path: ["tables", 1, "erase", "strategy"], message: expect.stringMatching(/staff_address_id_fkey .* "staff" is not mapped/) },
      { path: ["tables", 1, "erase", "strategy"], message: expect.stringMatching(/store_address_id_fkey .* "store" is not mapped/) },
    ]);
  });

  it("refuses unlinking through a NOT NULL link, and erasing shared rows of a table without a primary key", async () => {
    await source.query("ALTER TABLE `Customer` MODIFY address_id int NOT NULL");
    try {
      expect(await mysqlConnector.check!(mapping([customer, address({ shared: "unlink" })]))).toEqual([
        {
          path: ["tables", 1, "erase", "shared"],
          message:
            'Unlinking a shared row of "address" sets "Customer"."address_id" to NULL, but that column is NOT NULL: ' +
            "every erasure that meets a shared row would fail. Use shared: keep, or allow NULL in that column",
        },
      ]);
    } finally {
      await source.query("ALTER TABLE `Customer` MODIFY address_id int NULL");
    }
    const keyless = mapping([customer, { table: "kinds", via: { parent: "Customer", column: "email", parentColumn: "Email" } }]);
    expect(await mysqlConnector.check!(keyless)).toEqual([
      {
        path: ["tables", 1, "erase", "strategy"],
        message: expect.stringMatching(/^Table "kinds" has no primary key: .* Add a primary key, or retain these rows/),
      },
    ]);
  });

  it("points at the line of the connectors file the constraints refuse", async () => {
    const text = rentalConnectorsFile("mysql", "access, erasure", ["login: redact"]);
    const { problems } = await readConnectorsFile(text, { RENTAL_URL: sourceUrl });
    expect(problems).toEqual([
      {
        line: 14,
        column: expect.any(Number),
        path: expect.stringContaining("erase.columns.login"),
        message: expect.stringContaining("customer_login_key"),
      },
    ]);
  });
});

describe("access", () => {
  it("returns exactly the person's rows at every depth with the reference titles, and nobody else's", async () => {
    const film = {
      table: "film",
      via: { parent: "rental", column: "film_id", parentColumn: "film_id" },
      reference: true,
      columns: ["title"],
    };
    const records = await collect(
      mapping([{ ...customer, columns: ["customer_id", "Email", "first_name"] }, address(), rental, paymentByRental, film]),
      jane,
    );
    expect(records.map((record) => record.category)).toEqual(["Customer", "address", "rental", "payment", "film"]);
    expect(fields(records, "Customer")).toEqual([{ customer_id: 1, Email: "Jane@Example.test", first_name: "Jane" }]);
    expect(fields(records, "rental")).toEqual([
      { rental_id: 1, rental_date: "2026-01-05T10:00:00.123456", film_id: 1, customer_id: 1, staff_id: 1 },
    ]);
    expect(fields(records, "payment")).toEqual([
      { payment_id: 1, customer_id: 1, rental_id: 1, amount: "2.99", payment_date: "2026-01-05T10:00:00.123456Z" },
    ]);
    expect(fields(records, "film")).toEqual([{ title: "Alien" }]);
  });

  it("reaches payments through the customer AND the rental: another person's payment for the person's rental stays out", async () => {
    await source.query(insertRows(q, q, "payment", [bobPaysForJanesRental]));
    const byRental = await collect(mapping([customer, rental, paymentByRental]), jane);
    expect(fields(byRental, "payment").map((row) => row.payment_id)).toEqual([1, 3]);
    const byBoth = await collect(mapping([customer, rental, paymentByBoth]), jane);
    expect(fields(byBoth, "payment").map((row) => row.payment_id)).toEqual([1]);
    const either = await collect(mapping([customer, rental, { ...paymentByBoth, viaMatch: "any" }]), bob);
    expect(fields(either, "payment").map((row) => row.payment_id)).toEqual([2, 3]);
    const where = await collect(mapping([customer, rental, { ...paymentByBoth, where: { amount: "2.99" } }]), jane);
    expect(fields(where, "payment").map((row) => row.payment_id)).toEqual([1]);
    expect(fields(await collect(mapping([customer, rental, { ...paymentByBoth, where: { rental_id: null } }]), jane), "payment")).toEqual(
      [],
    );
  });

  it("never widens a match with an account id: someone else's number finds nothing, a value that cannot be one finds nothing", async () => {
    const config = mapping([customer, rental]);
    expect(await collect(config, { email: "jane@example.test", accountId: "2" })).toEqual([]);
    expect(fields(await collect(config, { email: "jane@example.test", accountId: "1" }), "rental")).toHaveLength(1);
    // MySQL would compare '1abc' with 1 as equal: such a value matches nothing instead.
    expect(await collect(config, { email: "jane@example.test", accountId: "1abc" })).toEqual([]);
    const byAccount = mapping([
      { table: "Customer", identity: { accountId: "customer_id", accountIdConfirmedByStaff: true }, columns: ["first_name"] },
    ]);
    expect(await collect(byAccount, { email: "someone@example.test", accountId: "2" })).toEqual([
      { source: "", category: "Customer", fields: { first_name: "Bob" } },
    ]);
    expect(await collect(byAccount, { email: "someone@example.test", accountId: "2' OR '1'='1" })).toEqual([]);
  });

  it("joins on several columns, and quotes odd names", async () => {
    const lines = await collect(
      mapping([
        { table: "shop_order", identity: { email: "email" } },
        {
          table: "line_item",
          via: { parent: "shop_order", column: ["shop_id", "order_id"], parentColumn: ["shop_id", "id"] },
          columns: ["sku"],
        },
        { table: "Odd `Names` ?", identity: { email: "e-Mail?" } },
      ]),
      jane,
    );
    expect(fields(lines, "line_item")).toEqual([{ sku: "MUG" }, { sku: "INK" }]);
    expect(fields(lines, "Odd `Names` ?")).toEqual([{ id: 1, "e-Mail?": "Jane@Example.test", $1: "j" }]);
  });

  it("finds an email in a case-sensitive column with LOWER(), and the test says no index serves it", async () => {
    const config = mapping([{ table: "member", identity: { email: "email" } }]);
    expect(fields(await collect(config, jane), "member")).toEqual([{ member_id: 1, email: "Jane@Example.test" }]);
    expect(await mysqlConnector.test(config)).toMatchObject({
      ok: true,
      message:
        'Connected; 1 table mapped. To consider: "member"."email" has collation utf8mb4_bin, which tells capitals apart: the email is compared with LOWER() on both sides, ' +
        "which no index serves; a case-insensitive collation (e.g. utf8mb4_unicode_ci) lets an index on the column find the person",
    });
  });

  it("gives every value losslessly in the documented format, whatever the session's zone", async () => {
    await source.query(
      `INSERT INTO kinds VALUES ('jane@example.test', '2026-01-05 10:00:00.123456', '2026-01-05 10:00:00.000001', '2026-01-05 10:00:00', '2026-01-05',
        '23:59:59.999999', 12345678901234567890.123456789, 9223372036854775807, 18446744073709551615, 0.1, X'00FF', X'25504446',
        '{"a": [1, "x"], "big": 12345678901234567890, "exact": 0.1}', b'101', TRUE)`,
    );
    await source.query("SET GLOBAL time_zone = '+05:00'");
    await closeMysqlConnectorPools();
    try {
      expect(fields(await collect(mapping([{ table: "kinds", identity: { email: "email" } }]), jane), "kinds")).toEqual([
        {
          email: "jane@example.test",
          at_ts: "2026-01-05T10:00:00.123456Z",
          at_local: "2026-01-05T10:00:00.000001",
          at_second: "2026-01-05T10:00:00",
          on_day: "2026-01-05",
          at_time: "23:59:59.999999",
          amount: "12345678901234567890.123456789",
          big: "9223372036854775807",
          ubig: "18446744073709551615",
          ratio: 0.1,
          raw: "AP8=",
          file: Buffer.from("%PDF").toString("base64"),
          doc: { a: [1, "x"], big: "12345678901234567890", exact: 0.1 },
          bits: "101",
          flag: 1,
        },
      ]);
      // Each record declares how the fields written as text are to be read: their type's format.
      const [record] = await collect(mapping([{ table: "kinds", identity: { email: "email" } }]), jane);
      expect(record.formats).toEqual({
        at_ts: "date-time",
        at_local: "local-date-time",
        at_second: "local-date-time",
        on_day: "date",
        at_time: "time",
        amount: "exact-number",
        big: "exact-number",
        ubig: "exact-number",
        raw: "base64",
        file: "base64",
        doc: "json",
        bits: "bits",
      });
    } finally {
      await source.query("SET GLOBAL time_zone = SYSTEM");
    }
  });

  it("releases its connection when the reader stops early", async () => {
    const config = mapping([customer, rental]);
    for (let i = 0; i < 5; i++) {
      for await (const _record of (await mysqlConnector.access(config, jane, { ...task, action: "access" })) as AsyncIterable<AccessRecord>)
        break;
    }
    expect(await collect(config, jane)).toHaveLength(2);
  });
});

describe("erase", () => {
  it("keeps an address shared with staff and a store, masks the person's own row, and touches no one else", async () => {
    const before = await rows("SELECT * FROM address ORDER BY address_id");
    const others = await rows("SELECT * FROM `Customer` WHERE customer_id <> 1 ORDER BY customer_id");
    const receipt = await erase(mapping([customer, address()]), jane);
    expect(receipt).toEqual({
      affected: 1,
      details: [
        { category: "address", strategy: "mask", rows: 0, columns: { Address: "redact", phone: "redact", postal_code: "null" } },
        { category: "address", strategy: "retain", rows: 1, reason: "shared with other records" },
        { category: "Customer", strategy: "mask", rows: 1, columns: { Email: "hash", first_name: "redact", lastName: "redact" } },
      ],
    });
    expect(await rows("SELECT * FROM address ORDER BY address_id")).toEqual(before);
    // The same salted SHA-256 as PostgreSQL's: the UTF-8 bytes of "<table>.<column>" + the value.
    const hashed = createHash("sha256").update("Customer.EmailJane@Example.test").digest("hex");
    expect((await rows("SELECT * FROM `Customer` WHERE customer_id = 1"))[0]).toMatchObject({
      Email: hashed,
      first_name: "[erased]",
      address_id: 1,
    });
    expect(await rows("SELECT * FROM `Customer` WHERE customer_id <> 1 ORDER BY customer_id")).toEqual(others);
    // Idempotent: nothing left to mask.
    expect((await erase(mapping([customer, address()]), jane)).affected).toBe(0);
  });

  it("masks an address the person alone has, keeps one shared with another customer, and unlinks when asked", async () => {
    const bobs = await erase(mapping([customer, address()]), bob);
    expect(bobs.details[0]).toMatchObject({ category: "address", strategy: "mask", rows: 1 });
    const carol = await erase(mapping([customer, address({ shared: "unlink" })]), { email: "carol@example.test", accountId: null });
    expect(carol.details[1]).toEqual({
      category: "address",
      strategy: "retain",
      rows: 1,
      reason: 'shared with other records; unlinked from the person ("Customer"."address_id" set to NULL in 1 row)',
    });
    expect((await rows("SELECT `Address` FROM address ORDER BY address_id")).map((row) => row.Address)).toEqual([
      "1 place Bellecour",
      "[erased]",
      "3 quai de la Fosse",
    ]);
    expect(await rows("SELECT customer_id, address_id FROM `Customer` WHERE customer_id IN (3, 4) ORDER BY 1")).toEqual([
      { customer_id: 3, address_id: null },
      { customer_id: 4, address_id: 3 },
    ]);
  });

  it("deletes the person's own payments, then keeps the rental another person's payment still names", async () => {
    await source.query(insertRows(q, q, "payment", [bobPaysForJanesRental]));
    const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { Email: "hash" } } }, rental, paymentByBoth]);
    expect(await mysqlConnector.check!(config)).toEqual([]);
    const receipt = await erase(config, jane);
    expect(receipt.details).toEqual([
      { category: "payment", strategy: "delete", rows: 1 },
      { category: "rental", strategy: "delete", rows: 0 },
      { category: "rental", strategy: "retain", rows: 1, reason: "shared with other records" },
      { category: "Customer", strategy: "mask", rows: 1, columns: { Email: "hash" } },
    ]);
    expect(await rows("SELECT payment_id, customer_id FROM payment ORDER BY 1")).toEqual([
      { payment_id: 2, customer_id: 2 },
      { payment_id: 3, customer_id: 2 },
    ]);
  });

  it("erases a unique column with unique-hash, and rolls everything back when one table fails midway", async () => {
    const config = mapping([{ ...customer, erase: { strategy: "mask", columns: { login: "unique-hash" } } }, rental]);
    await source.query("ALTER TABLE `Customer` ADD CONSTRAINT login_not_erased CHECK (login <> 'x')");
    // A trigger refuses the mask: the rental deleted before it must come back.
    await source.query(
      "CREATE TRIGGER no_mask BEFORE UPDATE ON `Customer` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'customers are read-only'",
    );
    try {
      await expect(erase(config, jane)).rejects.toThrow(/customers are read-only/);
      expect(await rows("SELECT rental_id FROM rental ORDER BY 1")).toEqual([{ rental_id: 1 }, { rental_id: 2 }]);
    } finally {
      await source.query("DROP TRIGGER no_mask");
      await source.query("ALTER TABLE `Customer` DROP CONSTRAINT login_not_erased");
    }
    await source.query("DELETE FROM payment");
    expect((await erase(config, jane)).details.map((detail) => detail.rows)).toEqual([1, 1]);
    expect((await erase(config, bob)).details.map((detail) => detail.rows)).toEqual([1, 1]);
    const logins = await rows("SELECT login FROM `Customer` WHERE customer_id IN (1, 2) ORDER BY customer_id");
    expect(logins.map((row) => row.login)).toEqual([expect.stringMatching(/^[0-9a-f]{20}$/), expect.stringMatching(/^[0-9a-f]{20}$/)]);
    expect(logins[0].login).not.toBe(logins[1].login);
  });
});

describe("rectify", () => {
  it("applies the mapped corrections, even after correcting the email that finds the person, and reports the unmapped ones", async () => {
    const config = mapping([customer, { ...rental, rectify: { rentalDate: "rental_date" } }]);
    const receipt = await mysqlConnector.rectify(
      config,
      jane,
      [
        { field: "email", correctValue: "janet@example.test" },
        { field: "fullName", correctValue: "Janet" },
        { field: "rentalDate", correctValue: "2026-01-06 11:00:00" },
        { field: "postalAddress", correctValue: "1 rue de Rivoli" },
      ],
      { ...task, action: "rectification" },
    );
    expect(receipt).toEqual({
      applied: [
        { field: "fullName", category: "Customer", column: "first_name", rows: 1 },
        { field: "email", category: "Customer", column: "Email", rows: 1 },
        { field: "rentalDate", category: "rental", column: "rental_date", rows: 1 },
      ],
      unmapped: ["postalAddress"],
    });
    expect(await rows("SELECT `Email`, first_name FROM `Customer` ORDER BY customer_id LIMIT 2")).toEqual([
      { Email: "janet@example.test", first_name: "Janet" },
      { Email: "bob@example.test", first_name: "Bob" },
    ]);
    await expect(
      mysqlConnector.rectify(config, { email: "janet@example.test" }, [{ field: "fullName", correctValue: "J".repeat(60) }], {
        ...task,
        action: "rectification",
      }),
    ).rejects.toThrow(/^Could not correct "first_name" of table "Customer": the value does not fit the column \(SQLSTATE 22001\)$/);
  });
});

describe("suppression tables", () => {
  const context = { ...task, action: "opt_out" as const };
  const suppressions = [
    {
      table: "Suppression",
      rights: ["opt_out", "objection"],
      columns: { Email: "{email}", reason: "{right}", listed_at: "{now}", by_portal: true },
    },
  ];
  const config = () =>
    mysqlConfigSchema.parse({
      url: sourceUrl,
      tables: [{ table: "Customer", identity: { email: "Email" }, erase: { strategy: "retain", reason: "Not erased here" } }],
      suppressions,
    });
  const listed = () => rows("SELECT `Email`, reason, by_portal, listed_at IS NOT NULL AS dated FROM `Suppression` ORDER BY 1");

  it("adds the person's email once, whatever its case, and names the table, not the email, in the receipt", async () => {
    expect(await mysqlConnector.check!(config())).toEqual([]);
    const first = await mysqlConnector.applyPreference!(config(), jane, "opt_out", context);
    expect(first).toEqual({ kind: "opt_out", switchedOff: [{ category: "Suppression", settings: suppressions[0].columns, rows: 1 }] });
    expect(JSON.stringify(first)).not.toContain(jane.email);
    const again = await mysqlConnector.applyPreference!(config(), { email: "JANE@example.test" }, "objection", context);
    expect((again as PreferenceReceipt).switchedOff).toEqual([{ category: "Suppression", settings: suppressions[0].columns, rows: 0 }]);
    expect(await listed()).toEqual([{ Email: "jane@example.test", reason: "opt_out", by_portal: 1, dated: 1 }]);
    await mysqlConnector.applyPreference!(config(), bob, "opt_out", context);
    expect((await listed()).map((row) => row.Email)).toEqual(["bob@example.test", "jane@example.test"]);
  });

  it("by a confirmed account id alone (an integration's opt-out): sets the rows its column finds, and names what email-only mappings missed", async () => {
    const settings = { first_name: "Opted out" };
    const byAccount = mysqlConfigSchema.parse({
      url: sourceUrl,
      tables: [
        {
          table: "Customer",
          identity: { email: "Email", accountId: "customer_id" },
          erase: { strategy: "retain", reason: "Not erased here" },
          preferences: { opt_out: settings },
        },
        { table: "kinds", identity: { email: "email" }, preferences: { opt_out: { flag: true } } },
      ],
      suppressions,
    });
    const before = await rows("SELECT customer_id, first_name FROM `Customer` ORDER BY customer_id");
    const chosen = before[1].customer_id as number;
    const receipt = await mysqlConnector.applyPreference!(byAccount, { email: null, accountId: String(chosen) }, "opt_out", context);
    expect(receipt).toEqual({
      kind: "opt_out",
      switchedOff: [{ category: "Customer", settings, rows: 1 }],
      notReached: [
        { category: "kinds", reason: expect.stringMatching(/email only/) },
        { category: "Suppression", reason: expect.stringMatching(/by email/) },
      ],
    });
    const after = await rows("SELECT customer_id, first_name FROM `Customer` ORDER BY customer_id");
    expect(after).toEqual(before.map((row) => (row.customer_id === chosen ? { ...row, first_name: "Opted out" } : row)));
    expect(await listed()).toEqual([]);
  });

  it("leaves the table alone for a right it does not list", async () => {
    expect(await mysqlConnector.applyPreference!(config(), jane, "limit_sensitive", context)).toEqual({
      kind: "limit_sensitive",
      switchedOff: [],
    });
    expect(await listed()).toEqual([]);
  });

  it("names an unknown suppression table or column at its place in the config", async () => {
    const problems = await mysqlConnector.check!(
      mysqlConfigSchema.parse({
        url: sourceUrl,
        tables: [{ table: "Customer", identity: { email: "Email" }, erase: { strategy: "retain", reason: "Not erased here" } }],
        suppressions: [
          { table: "Suppressed", rights: ["opt_out"], columns: { email: "{email}" } },
          { table: "Suppression", rights: ["opt_out"], columns: { Email: "{email}", origin: "gpc" } },
        ],
      }),
    );
    expect(problems).toEqual([
      { path: ["suppressions", 0, "table"], message: expect.stringMatching(/has no table "Suppressed"; it has: .*"Suppression"/) },
      {
        path: ["suppressions", 1, "columns", "origin"],
        message: expect.stringMatching(/^Suppression table "Suppression" has no column "origin"/),
      },
    ]);
  });
});
