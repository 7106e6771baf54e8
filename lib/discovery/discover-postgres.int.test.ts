// Discovery against real PostgreSQL schemas it was not written for: a shop and a support desk
// (discovery-schemas.test-support.ts). The proposal is compared whole; the single-link proposal must
// pass the connectors file's checks against the same database; no sampled value may leave.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { closePostgresConnectorPools } from "../connectors/postgres/index.ts";
import { readConnectorsFile } from "../connectors/read-connectors-file.ts";
import { AppError } from "../errors.ts";
import { discoverMapping } from "./discover-mapping.ts";
import { SHOP_EXPECTED, SHOP_REVIEW_NOTES, SUPPORT_EXPECTED, SUPPORT_NOT_MAPPED, summarise } from "./discovery-expected.test-support.ts";
import { CANARIES, createPostgresSource, SHOP_POSTGRES, SUPPORT_POSTGRES } from "./discovery-schemas.test-support.ts";

let source: Awaited<ReturnType<typeof createPostgresSource>>;
let sourceUrl = "";
let databaseName = "";

function expectNoCanary(text: string) {
  for (const value of [...CANARIES, source.password]) expect(text, `"${value}" leaked`).not.toContain(value);
}

beforeAll(async () => {
  source = await createPostgresSource("discovery", `${SHOP_POSTGRES}; ${SUPPORT_POSTGRES}`);
  sourceUrl = source.url;
  databaseName = source.name;
});

afterAll(async () => {
  await closePostgresConnectorPools();
  await source?.drop();
});

describe("a shop: composite keys, an order reached two ways, financial tables, lookups", () => {
  it("proposes the customer as the person, every path to them, categories and erasure", async () => {
    const discovery = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "shop" });
    expect(summarise(discovery.proposal)).toEqual(SHOP_EXPECTED);
    expect(discovery.reviewNotes).toEqual(SHOP_REVIEW_NOTES);
    expect(discovery.proposal.tables.find((table) => table.table === "payment")?.eraseGuess?.reason).toBe(
      "financial records (by the table's name or its amounts): the rows and amounts are kept for the accounts, the columns that identify the person or hold card or bank numbers are masked",
    );
    expectNoCanary(discovery.yaml);
    expectNoCanary(JSON.stringify(discovery.proposal));
  });

  it("writes several paths as a list with viaMatch: all, and composite links as column lists", async () => {
    const { yaml, key, urlVariable } = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "shop" });
    const entry = parse(yaml).connectors[0];
    expect(entry.config.url).toBe(`\${${urlVariable}}`);
    expect(entry).toMatchObject({ key, type: "postgres", actions: ["access", "portability", "erasure"] });
    expect(entry.config.tables.map((table: { table: string }) => table.table)).toEqual([
      "customer",
      "address",
      "order",
      "product_review",
      "line_item",
      "payment",
      "city",
      "product",
    ]);
    expect(entry.config.tables[2]).toEqual({
      table: "order",
      via: [
        { parent: "customer", column: "customer_id", parentColumn: "customer_id" },
        { parent: "address", column: "shipping_address_id", parentColumn: "address_id" },
      ],
      viaMatch: "all",
      erase: SHOP_EXPECTED.tables[2].erase,
    });
    expect(entry.config.tables[4].via).toEqual({ parent: "order", column: ["order_id", "shop_id"], parentColumn: ["order_id", "shop_id"] });
    expect(yaml).toContain("via: {parent: order, column: [order_id, shop_id], parentColumn: [order_id, shop_id]}");
    expect(yaml).toContain('#   - Not linked to a person: not mapped: "category", "warehouse"');
  });

  it("drafts an entry, several paths and composite links included, that passes the connectors file's checks against the same database", async () => {
    const { yaml, urlVariable } = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "shop" });
    const { entries, problems } = await readConnectorsFile(yaml, { [urlVariable]: sourceUrl }, { liveChecks: true });
    expect(problems).toEqual([]);
    expect((entries[0].config as { tables: unknown[] }).tables).toHaveLength(8);
  });

  it("reads no more rows per table than the sample size", async () => {
    const { proposal } = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "shop", sampleSize: 2 });
    expect(proposal.identity.reason).toContain("2 of 2 sampled values are emails");
  });
});

describe("a support desk: mixed-case names, staff in a cycle, a ticket pointing to itself", () => {
  it("proposes the contact as the person, leaves staff and unlinked tables out, and names the cycles", async () => {
    const discovery = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "Support" });
    expect(summarise(discovery.proposal)).toEqual(SUPPORT_EXPECTED);
    expect(discovery.proposal.notMapped).toEqual(SUPPORT_NOT_MAPPED);
    expectNoCanary(discovery.yaml);
    expectNoCanary(JSON.stringify(discovery.proposal));
  });

  it("drafts an entry that passes the connectors file's checks against the same database", async () => {
    const { yaml, urlVariable, key } = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "Support" });
    const { entries, problems } = await readConnectorsFile(yaml, { [urlVariable]: sourceUrl }, { liveChecks: true });
    expect(problems).toEqual([]);
    expect(entries.map((entry) => [entry.key, entry.type, entry.dataMap])).toEqual([[key, "postgres", undefined]]);
    expect((entries[0].config as { tables: unknown[] }).tables).toHaveLength(6);
  });

  it("takes the identity table it is given, and reaches the tables that lead to it", async () => {
    const { proposal } = await discoverMapping({ source: "postgres", url: sourceUrl, schema: "Support", identityTable: "Agent" });
    expect(proposal.identity).toMatchObject({ table: "Agent", emailColumn: "Email", confidence: "high" });
    expect(proposal.tables.map((table) => [table.table, table.via?.map((link) => link.parent) ?? "identity"])).toEqual([
      ["Agent", "identity"],
      ["Team", ["Agent"]],
      ["Ticket", ["Agent"]],
      ["TicketMessage", ["Ticket"]],
      ["Priority", ["Ticket"]],
    ]);
    await expect(discoverMapping({ source: "postgres", url: sourceUrl, schema: "Support", identityTable: "Priority" })).rejects.toThrow(
      'Table "Priority" has no column that looks like an email address, so it cannot identify the person.',
    );
  });
});

describe("a user who may read only some tables", () => {
  it("proposes the tables it cannot read from their names and types, and says which", async () => {
    const role = `discovery_reader_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: sourceUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT USAGE ON SCHEMA "Support" TO ${role}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA "Support" TO ${role}`);
      await admin.query(`REVOKE SELECT ON "Support"."Device" FROM ${role}`);
      const { proposal, reviewNotes } = await discoverMapping({
        source: "postgres",
        url: sourceUrl.replace("postgres:", `${role}:`),
        schema: "Support",
      });
      expect(reviewNotes).toContain(
        'Not sampled (time ran out, or this user may not read them), so proposed from their names and types alone: "Device"',
      );
      const device = proposal.tables.find((table) => table.table === "Device");
      expect(device?.columns.map((column) => [column.column, column.confidence, column.reason])).toEqual([
        ["LastIp", "medium", "the name says IP address; no value was sampled to confirm it"],
        ["UserAgent", "medium", "the name says browser or device identifier (no value pattern to check it against)"],
      ]);
      expect(summarise(proposal).tables.filter((table) => table.table !== "Device")).toEqual(
        SUPPORT_EXPECTED.tables.filter((table) => table.table !== "Device"),
      );
    } finally {
      await admin.query(`DROP OWNED BY ${role}`);
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    }
  });
});

describe("the address is a secret and values never leave", () => {
  it("answers a wrong database or schema without the address's password", async () => {
    const wrong = sourceUrl.replace(databaseName, `${databaseName}_missing`);
    const error = await discoverMapping({ source: "postgres", url: wrong }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as Error).message).toBe("PostgreSQL at 127.0.0.1:5432 has no database of that name.");
    await expect(discoverMapping({ source: "postgres", url: sourceUrl, schema: "nowhere" })).rejects.toThrow(
      'There is no schema "nowhere" in this database (or this user cannot see it).',
    );
    await expect(discoverMapping({ source: "mysql", url: sourceUrl })).rejects.toThrow(
      "A MySQL/MariaDB address starts with mysql:// or mariadb://.",
    );
  });

  it("prints the draft from the admin command, with nothing sampled or secret in its output or logs", async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(
      "npx",
      ["tsx", "scripts/admin.ts", "discover", "--source", "postgres", "--url", sourceUrl, "--schema", "Support"],
      { env: { ...process.env, LOG_LEVEL: "trace" }, cwd: new URL("../..", import.meta.url).pathname },
    );
    expect(parse(stdout).connectors[0].config.tables).toHaveLength(6);
    expect(stderr).toMatch(/^Proposed 6 table\(s\); set DISCOVERY_\w+_URL before applying the file\.\n$/);
    expectNoCanary(stdout + stderr);
  });
});
