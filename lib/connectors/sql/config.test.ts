// Several join paths per table, multi-column joins and where conditions: the config both SQL
// engines share, through each engine's schema.
import { describe, expect, it } from "vitest";
import { mysqlConfigSchema } from "../mysql/config.ts";
import { postgresConfigSchema } from "../postgres/config.ts";
import { topDown } from "./graph.ts";

const customer = { table: "customer", identity: { email: "email" } };
const rental = { table: "rental", via: { parent: "customer", column: "customer_id", parentColumn: "customer_id" } };
const payment = {
  table: "payment",
  via: [
    { parent: "customer", column: "customer_id", parentColumn: "customer_id" },
    { parent: "rental", column: "rental_id", parentColumn: "rental_id" },
  ],
  viaMatch: "all",
  where: { status: "active", refunded_at: null },
};

const engines = [
  ["postgres", (tables: unknown[]) => postgresConfigSchema.safeParse({ url: "postgresql://shop@db.example.test/shop", tables })],
  ["mysql", (tables: unknown[]) => mysqlConfigSchema.safeParse({ url: "mysql://shop@db.example.test:3306/shop", tables })],
] as const;

describe.each(engines)("the %s config with several join paths", (_name, parse) => {
  const problems = (tables: unknown[]) => parse(tables).error?.issues.map((issue) => ({ path: issue.path, message: issue.message })) ?? [];

  it("accepts a table reached by two paths with conditions, and orders it after every parent", () => {
    const parsed = parse([payment, rental, customer]);
    expect(parsed.success).toBe(true);
    expect(topDown(parsed.data!).map((table) => [table.table, table.depth])).toEqual([
      ["customer", 0],
      ["rental", 1],
      ["payment", 2],
    ]);
  });

  it("accepts a join on several columns, and refuses lists of different lengths", () => {
    const order = { table: "order", identity: { email: "email" } };
    const line = { table: "line_item", via: { parent: "order", column: ["order_id", "shop_id"], parentColumn: ["id", "shop_id"] } };
    expect(problems([order, line])).toEqual([]);
    expect(problems([order, { ...line, via: { ...line.via, parentColumn: ["id"] } }])).toEqual([
      { path: ["tables", 1, "via"], message: expect.stringContaining("as many columns of this table (column) as of the parent table") },
    ]);
  });

  it("names the path of an unknown parent in a list, and a cycle through a second path", () => {
    expect(problems([customer, rental, { ...payment, via: [payment.via[0], { ...payment.via[1], parent: "rentals" }] }])).toEqual([
      { path: ["tables", 2, "via", 1, "parent"], message: expect.stringMatching(/names parent "rentals", which is not listed/) },
    ]);
    const looped = { ...rental, via: [rental.via, { parent: "payment", column: "rental_id", parentColumn: "rental_id" }] };
    expect(problems([customer, looped, payment])).toEqual([
      { path: ["tables", 1, "via", 1, "parent"], message: expect.stringContaining('cycle: "rental" → "payment" → "rental"') },
    ]);
  });

  it("refuses viaMatch on a single path, an unknown viaMatch, and the same path twice", () => {
    expect(problems([customer, { ...rental, viaMatch: "any" }])).toEqual([
      { path: ["tables", 1, "viaMatch"], message: expect.stringContaining("has one join path") },
    ]);
    expect(problems([customer, rental, { ...payment, viaMatch: "some" }]).map((problem) => problem.path)).toEqual([
      ["tables", 2, "viaMatch"],
    ]);
    expect(problems([customer, { ...rental, via: [rental.via, rental.via] }])).toEqual([
      { path: ["tables", 1, "via", 1], message: 'Table "rental" lists the same path to "customer" twice' },
    ]);
  });
});

describe("the mysql config", () => {
  it("needs the database at the end of the url", () => {
    const parsed = mysqlConfigSchema.safeParse({ url: "mysql://shop@db.example.test:3306/", tables: [customer] });
    expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["url"], "The url must look like mysql://user:password@host:3306/database, with the database at the end"],
    ]);
  });
});
