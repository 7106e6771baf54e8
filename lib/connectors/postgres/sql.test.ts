// The predicate that finds the person's rows: every mapped identifier must match (AND), and a table
// mapped by account id alone matches nothing without a confirmed account id.
import { describe, expect, it } from "vitest";
import type { Subject } from "../connector.ts";
import type { Catalog, ColumnInfo } from "../sql/dialect.ts";
import { type PostgresConfig, postgresConfigSchema } from "./config.ts";
import { identityPredicate, Params, personPredicate, type Scope } from "./sql.ts";

const text = (name: string): ColumnInfo => ({
  name,
  dataType: "text",
  udtName: "text",
  maxLength: null,
  category: "S",
  nullable: true,
  lowerIndexed: false,
});
const int = (name: string): ColumnInfo => ({
  name,
  dataType: "integer",
  udtName: "int4",
  maxLength: null,
  category: "N",
  nullable: true,
  lowerIndexed: false,
});

const config: PostgresConfig = postgresConfigSchema.parse({
  url: "postgresql://shop@db.example.test/shop",
  tables: [
    { table: "customers", identity: { email: "email", accountId: "customer_no" } },
    { table: "newsletter", identity: { email: "email" } },
    { table: "cards", identity: { accountId: "card_no", accountIdConfirmedByStaff: true } },
    { table: "orders", via: { parent: "customers", column: "customer_id", parentColumn: "customer_id" } },
  ],
});
const catalog: Catalog = new Map([
  [
    "customers",
    new Map([
      ["email", text("email")],
      ["customer_no", int("customer_no")],
      ["customer_id", int("customer_id")],
    ]),
  ],
  ["newsletter", new Map([["email", text("email")]])],
  ["cards", new Map([["card_no", text("card_no")]])],
  ["orders", new Map([["customer_id", int("customer_id")]])],
]);

function where(tableName: string, subject: Subject) {
  const scope: Scope = { config, catalog, subject, params: new Params() };
  const table = config.tables.find((t) => t.table === tableName)!;
  return { sql: identityPredicate(scope, table, "t"), values: scope.params.values };
}

describe("identityPredicate", () => {
  it("finds a table with both columns by the email alone while no account id is confirmed", () => {
    expect(where("customers", { email: "ana@example.test" })).toEqual({
      sql: `(lower(t."email") = lower($1::text))`,
      values: ["ana@example.test"],
    });
  });

  it("requires the email AND the confirmed account id where both are mapped: never OR", () => {
    const found = where("customers", { email: "ana@example.test", accountId: "42" });
    expect(found).toEqual({ sql: `(lower(t."email") = lower($1::text) AND t."customer_no" = $2)`, values: ["ana@example.test", "42"] });
    expect(found.sql).not.toMatch(/\bOR\b/);
  });

  it("an account id that cannot be the column's type makes the whole match fail, not fall back to the email", () => {
    expect(where("customers", { email: "ana@example.test", accountId: "x' OR '1'='1" }).sql).toBe(
      `(lower(t."email") = lower($1::text) AND FALSE)`,
    );
  });

  it("ignores the account id on a table that maps only an email", () => {
    expect(where("newsletter", { email: "ana@example.test", accountId: "42" })).toEqual({
      sql: `(lower(t."email") = lower($1::text))`,
      values: ["ana@example.test"],
    });
  });

  it("finds nothing in a table mapped by account id alone without a confirmed account id", () => {
    expect(where("cards", { email: "ana@example.test" })).toEqual({ sql: "FALSE", values: [] });
    expect(where("cards", { email: "ana@example.test", accountId: null })).toEqual({ sql: "FALSE", values: [] });
    expect(where("cards", { email: "ana@example.test", accountId: "C-7" })).toEqual({ sql: `(t."card_no" = $1)`, values: ["C-7"] });
  });

  it("without an email (an integration's opt-out by account id), finds by the account id column and skips email-only tables", () => {
    const byAccount: Subject = { email: null, accountId: "42" };
    expect(where("customers", byAccount)).toEqual({ sql: `(t."customer_no" = $1)`, values: ["42"] });
    expect(where("cards", byAccount)).toEqual({ sql: `(t."card_no" = $1)`, values: ["42"] });
    expect(where("newsletter", byAccount)).toEqual({ sql: "FALSE", values: [] });
  });

  it("reaches a child table only through its parent's predicate", () => {
    const scope: Scope = { config, catalog, subject: { email: "ana@example.test", accountId: "42" }, params: new Params() };
    const orders = config.tables.find((t) => t.table === "orders")!;
    const sql = personPredicate(scope, orders, "t", (_scope, _child, link, alias) => `${alias}.${link.columns[0]} IN (SELECT 1)`);
    expect(sql).toBe(`t.customer_id IN (SELECT 1)`);
  });
});
