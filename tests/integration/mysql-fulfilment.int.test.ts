// A request's access, rectification and erasure end to end through the portal's workers, with a
// MariaDB source (127.0.0.1:3306) on a database of its own: the package holds the person's rows as
// the database has them, the correction lands, and erasure masks, deletes and keeps as mapped.
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { downloadPackage } = await import("../support/package-files.ts");
const { waitForEmail } = await import("../support/mailbox.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { fileVerifiedRequest, waitForRequests } = await import("../support/fulfilment-requests.ts");

const database = `shop_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const sourceUrl = `mysql://root@127.0.0.1:3306/${database}`;
const run = randomBytes(4).toString("hex");
const jane = `jane.${run}@example.test`;
const bob = `bob.${run}@example.test`;
const system = { type: "SYSTEM" as const, id: "test" };
const catcher = () => process.env.MAIL_CATCHER_URL as string;
let source: mysql.Connection;
let disabledBefore: string[] = [];

const CONNECTORS = `connectors:
  - key: maria-shop
    name: MariaDB shop
    type: mysql
    actions: [access, erasure, rectification]
    config:
      url: \${SHOP_URL}
      tables:
        - table: Customers
          identity: { email: eMail }
          erase: { strategy: mask, columns: { eMail: hash, first_name: redact, last_name: "null" } }
          rectify: { fullName: first_name }
        - table: orders
          via: { parent: Customers, column: customer_id, parentColumn: customer_id }
          erase: { strategy: retain, reason: "Invoices are kept 10 years as tax law requires" }
        - table: newsletter
          identity: { email: email }
`;

beforeAll(async () => {
  source = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root", dateStrings: true });
  await source.query(`CREATE DATABASE \`${database}\``);
  await source.query(`USE \`${database}\``);
  await source.query(`CREATE TABLE \`Customers\` (customer_id int AUTO_INCREMENT PRIMARY KEY, \`eMail\` varchar(100) NOT NULL UNIQUE,
    first_name varchar(45) NOT NULL, last_name varchar(45))`);
  await source.query(`CREATE TABLE orders (order_id int AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL, total DECIMAL(10, 2) NOT NULL,
    placed_at DATETIME(6) NOT NULL, FOREIGN KEY (customer_id) REFERENCES \`Customers\` (customer_id))`);
  await source.query("CREATE TABLE newsletter (id int AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL)");
  await source.query("INSERT INTO `Customers` (`eMail`, first_name, last_name) VALUES (?, 'Jane', 'Doe'), (?, 'Bob', 'Roe')", [
    jane.replace("jane", "Jane"),
    bob,
  ]);
  await source.query(
    "INSERT INTO orders (customer_id, total, placed_at) VALUES (1, 19.90, '2026-01-05 10:00:00.123456'), (1, 1234567.89, '2026-02-01 08:30:00'), (2, 5.00, '2026-01-10 12:00:00')",
  );
  await source.query("INSERT INTO newsletter (email) VALUES (?), (?)", [jane, bob]);
  // Only this file's source answers its requests.
  const enabled = await db().connector.findMany({ where: { enabled: true }, select: { id: true } });
  disabledBefore = enabled.map((connector) => connector.id);
  await db().connector.updateMany({ where: { id: { in: disabledBefore } }, data: { enabled: false } });
  const { entries, problems } = await readConnectorsFile(CONNECTORS, { SHOP_URL: sourceUrl });
  expect(problems).toEqual([]);
  await applyConnectors(entries, system);
}, 120_000);
runWorkersDuringTests();
afterAll(async () => {
  await db().connector.updateMany({ where: { key: "maria-shop" }, data: { enabled: false } });
  await db().connector.updateMany({ where: { id: { in: disabledBefore } }, data: { enabled: true } });
  const { closeMysqlConnectorPools } = await import("../../lib/connectors/mysql/index.ts");
  await closeMysqlConnectorPools();
  await source?.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await source?.end();
});

const query = async (sql: string, values: unknown[] = []) => (await source.query(sql, values))[0] as Array<Record<string, unknown>>;

describe("fulfilment from a MariaDB source", () => {
  it("answers access with the person's rows as the database holds them, and nobody else's", async () => {
    const reference = await fileVerifiedRequest(jane, "access");
    await approveRequest({ reference, actor: system });
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.outcome).toBe("FULFILLED");
    const files = await downloadPackage(catcher(), jane, reference);
    const orders = [...files.entries()].find(([path]) => /maria-shop\/orders\.json$/.test(path));
    expect(JSON.parse((orders as [string, string])[1])).toEqual([
      { order_id: 1, customer_id: 1, total: "19.90", placed_at: "2026-01-05T10:00:00.123456" },
      { order_id: 2, customer_id: 1, total: "1234567.89", placed_at: "2026-02-01T08:30:00.000000" },
    ]);
    const customers = [...files.entries()].find(([path]) => /maria-shop\/Customers\.json$/.test(path));
    expect(JSON.parse((customers as [string, string])[1])).toEqual([
      { customer_id: 1, eMail: jane.replace("jane", "Jane"), first_name: "Jane", last_name: "Doe" },
    ]);
    expect([...files.values()].join("\n")).not.toContain(bob);
  }, 120_000);

  it("corrects the mapped field and erases as mapped, touching only the person's rows", async () => {
    const corrected = await fileVerifiedRequest(jane, "rectification", [
      { field: "fullName", correctValue: "Janet", currentValue: "Jane" },
    ]);
    await approveRequest({ reference: corrected, actor: system });
    const [rectified] = await waitForRequests([corrected], "COMPLETED");
    expect(rectified.outcome).toBe("FULFILLED");
    expect(await query("SELECT first_name FROM `Customers` ORDER BY customer_id")).toEqual([
      { first_name: "Janet" },
      { first_name: "Bob" },
    ]);

    const bobBefore = await query("SELECT * FROM `Customers` WHERE customer_id = 2");
    const reference = await fileVerifiedRequest(jane, "erasure");
    await approveRequest({ reference, actor: system });
    const [done] = await waitForRequests([reference], "COMPLETED");
    expect(done.outcome).toBe("FULFILLED");
    const [row] = await query("SELECT * FROM `Customers` WHERE customer_id = 1");
    expect(row).toMatchObject({ eMail: expect.stringMatching(/^[0-9a-f]{64}$/), first_name: "[erased]", last_name: null });
    expect(await query("SELECT * FROM `Customers` WHERE customer_id = 2")).toEqual(bobBefore);
    expect(await query("SELECT email FROM newsletter")).toEqual([{ email: bob }]);
    expect(await query("SELECT count(*) AS n FROM orders WHERE customer_id = 1")).toEqual([{ n: 2 }]);
    const receipt = await waitForEmail(
      catcher(),
      jane,
      (m) => m.text.includes(reference) && /^Your erasure request is done, and some data is kept/.test(m.subject),
    );
    expect(receipt.text).toContain("Invoices are kept 10 years as tax law requires");
    expect(JSON.stringify(done.tasks[0].receipt)).not.toContain(jane);
  }, 180_000);
});
