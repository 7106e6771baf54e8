// Discovery against real MariaDB databases holding the same shop and support desk as the PostgreSQL
// test: information_schema must give the same proposal, which passes the mysql connector's checks,
// and no sampled value may leave.
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { closeMysqlConnectorPools } from "../connectors/mysql/index.ts";
import { readConnectorsFile } from "../connectors/read-connectors-file.ts";
import { discoverMapping } from "./discover-mapping.ts";
import { SHOP_EXPECTED, SHOP_REVIEW_NOTES, SUPPORT_EXPECTED, SUPPORT_NOT_MAPPED, summarise } from "./discovery-expected.test-support.ts";
import { CANARIES, SHOP_MARIADB, SUPPORT_MARIADB } from "./discovery-schemas.test-support.ts";

const run = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const shop = `discovery_shop_${run}`;
const support = `Discovery_Support_${run}`;
const serverUrl = "mysql://root@127.0.0.1:3306";
let admin: mysql.Connection;

function expectNoCanary(text: string) {
  for (const value of CANARIES) expect(text, `"${value}" leaked`).not.toContain(value);
}

beforeAll(async () => {
  admin = await mysql.createConnection({ uri: serverUrl, multipleStatements: true });
  for (const [name, script] of [
    [shop, SHOP_MARIADB],
    [support, SUPPORT_MARIADB],
  ]) {
    await admin.query(`CREATE DATABASE \`${name}\``);
    await admin.query(`USE \`${name}\`; ${script}`);
  }
});

afterAll(async () => {
  for (const name of [shop, support]) await admin?.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin?.end();
  await closeMysqlConnectorPools();
});

describe("MariaDB through information_schema", () => {
  it("proposes the shop as on PostgreSQL: composite links, two paths to the order, financial tables kept", async () => {
    const discovery = await discoverMapping({ source: "mysql", url: `${serverUrl}/${shop}` });
    expect(discovery.proposal).toMatchObject({ dialect: "mysql", schema: shop });
    expect(summarise(discovery.proposal)).toEqual(SHOP_EXPECTED);
    expect(discovery.reviewNotes).toEqual(SHOP_REVIEW_NOTES);
    const entry = parse(discovery.yaml).connectors[0];
    expect(entry).toMatchObject({ type: "mysql", config: { url: `\${${discovery.urlVariable}}` } });
    expect(entry.config.schema).toBeUndefined();
    expectNoCanary(discovery.yaml);
    expectNoCanary(JSON.stringify(discovery.proposal));
    const checked = await readConnectorsFile(discovery.yaml, { [discovery.urlVariable]: `${serverUrl}/${shop}` }, { liveChecks: true });
    expect(checked.problems).toEqual([]);
  });

  it("proposes the support desk with its mixed-case names, named by --schema", async () => {
    const discovery = await discoverMapping({ source: "mysql", url: serverUrl, schema: support });
    expect(summarise(discovery.proposal)).toEqual(SUPPORT_EXPECTED);
    expect(discovery.proposal.notMapped).toEqual(SUPPORT_NOT_MAPPED);
    expect(discovery.key).toBe(`discovery-support-${run.replaceAll("_", "-")}`);
    const checked = await readConnectorsFile(discovery.yaml, { [discovery.urlVariable]: `${serverUrl}/${support}` }, { liveChecks: true });
    expect(checked.problems).toEqual([]);
    expectNoCanary(discovery.yaml);
    expectNoCanary(JSON.stringify(discovery.proposal));
  });

  it("says which database is missing, and asks for one when the address names none", async () => {
    await expect(discoverMapping({ source: "mysql", url: serverUrl })).rejects.toThrow(
      "Name the database to read: at the end of the address (mysql://user@host:3306/shop) or as the schema.",
    );
    await expect(discoverMapping({ source: "mysql", url: `${serverUrl}/${shop}_missing` })).rejects.toThrow(
      "MySQL at 127.0.0.1:3306 has no database of that name.",
    );
  });
});
