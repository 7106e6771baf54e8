import { describe, expect, it } from "vitest";
import { findJoinPaths } from "./find-join-paths.ts";
import type { CatalogForeignKey, SourceCatalog } from "./source-catalog.ts";

const fk = (name: string, fromTable: string, fromColumns: string[], toTable: string, toColumns: string[]): CatalogForeignKey => ({
  name,
  fromSchema: "s",
  fromTable,
  fromColumns,
  toTable,
  toColumns,
  onDelete: "NO ACTION",
});

const catalog = (tables: string[], foreignKeys: CatalogForeignKey[]): SourceCatalog => ({
  dialect: "postgres",
  schema: "s",
  tables: tables.map((name) => ({ name, columns: [], primaryKey: [], uniqueKeys: [] })),
  foreignKeys,
});

describe("join paths to the identity table", () => {
  it("follows foreign keys toward the person, shortest first, and links a table once per distinct first hop", () => {
    const paths = findJoinPaths(
      catalog(
        ["customer", "rental", "payment", "film", "city", "orphan"],
        [
          fk("rental_customer", "rental", ["customer_id"], "customer", ["id"]),
          fk("payment_rental", "payment", ["rental_id"], "rental", ["id"]),
          fk("payment_customer", "payment", ["customer_id"], "customer", ["id"]),
          fk("rental_film", "rental", ["film_id"], "film", ["id"]),
          fk("customer_city", "customer", ["city_id"], "city", ["id"]),
        ],
      ),
      "customer",
    );
    expect(paths.linked).toEqual([
      {
        table: "payment",
        depth: 1,
        via: [
          { parent: "customer", column: ["customer_id"], parentColumn: ["id"] },
          { parent: "rental", column: ["rental_id"], parentColumn: ["id"] },
        ],
        paths: [
          { tables: ["payment", "customer"], foreignKeys: ["payment_customer"] },
          { tables: ["payment", "rental", "customer"], foreignKeys: ["payment_rental", "rental_customer"] },
        ],
      },
      {
        table: "rental",
        depth: 1,
        via: [{ parent: "customer", column: ["customer_id"], parentColumn: ["id"] }],
        paths: [{ tables: ["rental", "customer"], foreignKeys: ["rental_customer"] }],
      },
    ]);
    expect(paths.referenced).toEqual([
      {
        table: "city",
        referrers: [
          {
            table: "customer",
            depth: 0,
            foreignKey: "customer_city",
            link: { parent: "customer", column: ["id"], parentColumn: ["city_id"] },
          },
        ],
      },
      {
        table: "film",
        referrers: [
          { table: "rental", depth: 1, foreignKey: "rental_film", link: { parent: "rental", column: ["id"], parentColumn: ["film_id"] } },
        ],
      },
    ]);
    expect(paths.unlinked).toEqual(["orphan"]);
    expect(paths.cycles).toEqual([]);
  });

  it("keeps composite links whole, in column order", () => {
    const paths = findJoinPaths(
      catalog(
        ["person", "order", "line"],
        [fk("o", "order", ["person_id"], "person", ["id"]), fk("l", "line", ["order_id", "shop_id"], "order", ["id", "shop_id"])],
      ),
      "person",
    );
    expect(paths.linked.find((entry) => entry.table === "line")?.via).toEqual([
      { parent: "order", column: ["order_id", "shop_id"], parentColumn: ["id", "shop_id"] },
    ]);
  });

  it("names cycles and self-references, and never walks a table twice on one path", () => {
    const paths = findJoinPaths(
      catalog(
        ["person", "a", "b", "tree"],
        [
          fk("a_person", "a", ["person_id"], "person", ["id"]),
          fk("a_b", "a", ["b_id"], "b", ["id"]),
          fk("b_a", "b", ["a_id"], "a", ["id"]),
          fk("tree_parent", "tree", ["parent_id"], "tree", ["id"]),
        ],
      ),
      "person",
    );
    expect(paths.cycles).toEqual([["a", "b"], ["tree"]]);
    expect(paths.linked.map((entry) => [entry.table, entry.paths.map((path) => path.tables.join(">"))])).toEqual([
      ["a", ["a>person"]],
      ["b", ["b>a>person"]],
    ]);
    expect(paths.unlinked).toEqual(["tree"]);
  });

  it("stops following paths past a bound and says so", () => {
    // Ten parallel foreign keys from one table to the person: ten paths, eight followed.
    const keys = Array.from({ length: 10 }, (_, i) => fk(`k${i}`, "many", [`c${i}`], "person", ["id"]));
    const paths = findJoinPaths(catalog(["person", "many"], keys), "person");
    expect(paths.linked[0].paths).toHaveLength(8);
    expect(paths.truncated).toEqual(["many"]);
  });
});
