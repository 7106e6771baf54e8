import { describe, expect, it } from "vitest";
import { postgresConfigSchema } from "./config.ts";
import { quoteIdent } from "./sql.ts";

const url = "postgresql://shop:secret@db.example.test:5432/shop";
const customer = { table: "customer", identity: { email: "email", accountId: "customer_id" } };
const orders = { table: "orders", via: { parent: "customer", column: "customer_id", parentColumn: "customer_id" } };

function problems(input: unknown) {
  const result = postgresConfigSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe("the postgres connector's config", () => {
  it("accepts the documented example and fills in the defaults", () => {
    const config = postgresConfigSchema.parse({
      url,
      tables: [
        {
          ...customer,
          columns: ["customer_id", "email", "first_name"],
          erase: { strategy: "mask", columns: { first_name: "redact", email: "hash", phone: null } },
          rectify: { fullName: "full_name", email: "email" },
        },
        { ...orders, erase: { strategy: "retain", reason: "Invoices are kept 10 years for tax law" } },
        { table: "order_item", via: { parent: "orders", column: "order_id", parentColumn: "order_id" } },
      ],
    });
    expect(config.schema).toBe("public");
    expect(config.tables[0].erase).toEqual({ strategy: "mask", columns: { first_name: "redact", email: "hash", phone: "null" } });
    expect(config.tables[2].erase).toEqual({ strategy: "delete" });
  });

  it("refuses a table with both identity and via, naming the table and its path", () => {
    const found = problems({ url, tables: [customer, { ...orders, identity: { email: "email" } }] });
    expect(found).toEqual([{ path: ["tables", 1], message: expect.stringMatching(/"orders" has both identity and via/) }]);
  });

  it("refuses a table with neither identity nor via", () => {
    const found = problems({ url, tables: [customer, { table: "orders" }] });
    expect(found).toEqual([{ path: ["tables", 1], message: expect.stringMatching(/"orders" has neither identity nor via/) }]);
  });

  it("refuses a parent that is not listed, listing those that are", () => {
    const found = problems({ url, tables: [customer, { ...orders, via: { ...orders.via, parent: "custmer" } }] });
    expect(found).toEqual([
      { path: ["tables", 1, "via", "parent"], message: expect.stringMatching(/parent "custmer".*listed: "customer", "orders"/) },
    ]);
  });

  it("refuses a cycle of parents, once, naming every table on it", () => {
    const a = { table: "a", via: { parent: "c", column: "id", parentColumn: "id" } };
    const b = { table: "b", via: { parent: "a", column: "id", parentColumn: "id" } };
    const c = { table: "c", via: { parent: "b", column: "id", parentColumn: "id" } };
    const found = problems({ url, tables: [customer, a, b, c] });
    expect(found).toEqual([{ path: ["tables", 1, "via", "parent"], message: expect.stringContaining('"a" → "c" → "b" → "a"') }]);
  });

  it("refuses a table that is its own parent", () => {
    const found = problems({ url, tables: [customer, { ...orders, via: { ...orders.via, parent: "orders" } }] });
    expect(found).toEqual([{ path: ["tables", 1, "via", "parent"], message: expect.stringMatching(/cycle: "orders" → "orders"/) }]);
  });

  it("refuses retain without a reason", () => {
    const found = problems({ url, tables: [{ ...customer, erase: { strategy: "retain" } }] });
    expect(found).toEqual([{ path: ["tables", 0, "erase", "reason"], message: expect.stringMatching(/why these rows are kept/) }]);
    expect(problems({ url, tables: [{ ...customer, erase: { strategy: "retain", reason: "  " } }] })[0].path).toEqual([
      "tables",
      0,
      "erase",
      "reason",
    ]);
  });

  it("refuses an unknown erase strategy, naming the ones there are", () => {
    const found = problems({ url, tables: [{ ...customer, erase: { strategy: "shred" } }] });
    expect(found).toEqual([{ path: ["tables", 0, "erase", "strategy"], message: expect.stringMatching(/"delete", "mask" or "retain"/) }]);
  });

  it("refuses an unknown mask, an empty mask and unknown keys", () => {
    expect(problems({ url, tables: [{ ...customer, erase: { strategy: "mask", columns: { email: "scramble" } } }] })).toEqual([
      { path: ["tables", 0, "erase", "columns", "email"], message: expect.stringMatching(/"null", "redact", "hash" or "unique-hash"/) },
    ]);
    expect(problems({ url, tables: [{ ...customer, erase: { strategy: "mask", columns: {} } }] })[0].path).toEqual([
      "tables",
      0,
      "erase",
      "columns",
    ]);
    expect(problems({ url, tables: [{ ...customer, identity: { phone: "phone" } }] }).map((p) => p.path)).toEqual([
      ["tables", 0, "identity"],
      ["tables", 0, "identity"],
    ]);
  });

  it("refuses a table listed twice, a url that is not PostgreSQL's and an empty table list", () => {
    expect(problems({ url, tables: [customer, customer] })).toEqual([
      { path: ["tables", 1, "table"], message: 'Table "customer" is listed twice' },
    ]);
    expect(problems({ url: "mysql://db/shop", tables: [customer] })[0].path).toEqual(["url"]);
    expect(problems({ url, tables: [] })[0].path).toEqual(["tables"]);
  });

  it("accepts any table name as text, since names are always quoted", () => {
    const config = postgresConfigSchema.parse({ url, tables: [{ table: 'x"; DROP TABLE orders; --', identity: { email: "eMail" } }] });
    expect(config.tables[0].table).toBe('x"; DROP TABLE orders; --');
  });
});

describe("quoteIdent", () => {
  it("quotes names, keeping their case", () => {
    expect(quoteIdent("CustomerAccounts")).toBe('"CustomerAccounts"');
    expect(quoteIdent("eMail")).toBe('"eMail"');
  });

  it("doubles inner double quotes so a name cannot end the identifier", () => {
    expect(quoteIdent('x"; DROP TABLE orders; --')).toBe('"x""; DROP TABLE orders; --"');
    expect(quoteIdent('""')).toBe('""""""');
  });

  it("refuses a NUL character", () => {
    expect(() => quoteIdent("a\0b")).toThrow(/NUL/);
  });
});

describe("identity columns the person did not prove", () => {
  it("refuses a table found by the account number alone, naming the table and the three fixes", () => {
    const found = problems({ url, tables: [{ table: "loyalty_cards", identity: { accountId: "card_no" } }] });
    expect(found).toEqual([
      { path: ["tables", 0, "identity"], message: expect.stringContaining('Table "loyalty_cards" is found by the account number alone') },
    ]);
    expect(found[0].message).toMatch(/email column too.*via.*accountIdConfirmedByStaff: true/);
  });

  it("accepts it when the config states that staff confirm account numbers", () => {
    expect(
      problems({ url, tables: [{ table: "loyalty_cards", identity: { accountId: "card_no", accountIdConfirmedByStaff: true } }] }),
    ).toEqual([]);
  });

  it("accepts email with account id, and a table reached through a table found by email", () => {
    expect(problems({ url, tables: [customer, orders] })).toEqual([]);
  });

  it("refuses the flag without an account id column, and any value but true", () => {
    expect(problems({ url, tables: [{ table: "c", identity: { email: "email", accountIdConfirmedByStaff: true } }] })).toEqual([
      { path: ["tables", 0, "identity", "accountIdConfirmedByStaff"], message: expect.stringContaining("maps no accountId column") },
    ]);
    expect(problems({ url, tables: [{ table: "c", identity: { accountId: "no", accountIdConfirmedByStaff: false } }] })).toEqual(
      expect.arrayContaining([
        { path: ["tables", 0, "identity", "accountIdConfirmedByStaff"], message: expect.stringContaining("can only be true") },
      ]),
    );
  });
});
