// The data map's keys against the categories each connector type declares.
import { describe, expect, it } from "vitest";
import { checkDataMapCategories } from "./check-data-map-categories.ts";
import { dataMapSchema } from "./data-map.schema.ts";
import { newsletterCategory } from "./data-map-fixtures.test-support.ts";

const described = (...keys: string[]) => dataMapSchema.parse(Object.fromEntries(keys.map((key) => [key, newsletterCategory])));
const paths = (problems: Array<{ path: Array<string | number> }>) => problems.map((problem) => problem.path.join("."));

describe("a data map against its source's categories", () => {
  const tables = { tables: [{ table: "customers" }, { table: "rentals" }, { table: "films", reference: true }] };

  it("for SQL sources (postgres, mysql) is the mapped tables, reference tables optional", () => {
    for (const type of ["postgres", "mysql"]) {
      expect(checkDataMapCategories({ type, config: tables, dataMap: described("customers", "rentals") })).toEqual([]);
      expect(checkDataMapCategories({ type, config: tables, dataMap: described("customers", "rentals", "films") })).toEqual([]);
      expect(paths(checkDataMapCategories({ type, config: tables, dataMap: described("customers", "payments") }))).toEqual([
        "dataMap.payments",
        "dataMap.rentals",
      ]);
    }
  });

  it("for a rest source is the person's own category and each list of objects", () => {
    const config = { find: { category: "customer" }, objects: [{ category: "charges" }, { category: "invoices" }] };
    expect(checkDataMapCategories({ type: "rest", config, dataMap: described("customer", "charges", "invoices") })).toEqual([]);
    expect(paths(checkDataMapCategories({ type: "rest", config, dataMap: described("customer", "charge") }))).toEqual([
      "dataMap.charge",
      "dataMap.charges",
      "dataMap.invoices",
    ]);
  });

  it("accepts any name for sources that name their own categories, and checks nothing without a data map", () => {
    expect(checkDataMapCategories({ type: "http", config: {}, dataMap: described("anything") })).toEqual([]);
    expect(checkDataMapCategories({ type: "manual", config: {}, dataMap: described("paper-forms") })).toEqual([]);
    expect(checkDataMapCategories({ type: "postgres", config: tables, dataMap: undefined })).toEqual([]);
  });
});
