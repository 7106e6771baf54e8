import { describe, expect, it } from "vitest";
import { chooseErase, maskFor } from "./choose-erase.ts";
import type { ColumnGuess } from "./classify-column.ts";
import type { CatalogColumn, CatalogTable, SourceCatalog } from "./source-catalog.ts";

const column = (name: string, kind: CatalogColumn["kind"], maxLength: number | null, nullable: boolean): CatalogColumn => ({
  name,
  type: kind,
  kind,
  maxLength,
  nullable,
});
const guess = (name: string, category: ColumnGuess["category"], holds = "person's name"): ColumnGuess => ({
  column: name,
  category,
  confidence: "high",
  reason: "",
  holds,
});

describe("masks that fit the column", () => {
  it("uses unique-hash on unique text, null only where NULL is allowed, redact and hash only where they fit", () => {
    expect(maskFor(column("email", "text", 254, false), true, true)).toBe("unique-hash");
    expect(maskFor(column("code", "text", 10, false), true, false)).toBeNull();
    expect(maskFor(column("code", "text", 10, true), true, false)).toBe("null");
    expect(maskFor(column("email", "text", null, false), false, true)).toBe("hash");
    expect(maskFor(column("email", "text", 40, false), false, true)).toBe("redact");
    expect(maskFor(column("initials", "text", 3, false), false, false)).toBeNull();
    expect(maskFor(column("birth_date", "date", null, true), false, false)).toBe("null");
    expect(maskFor(column("birth_date", "date", null, false), false, false)).toBeNull();
  });
});

describe("the erase mode of a table", () => {
  const table = (name: string, columns: CatalogColumn[]): CatalogTable => ({ name, columns, primaryKey: ["id"], uniqueKeys: [["id"]] });
  const catalog = (tables: CatalogTable[], pointing: string[]): SourceCatalog => ({
    dialect: "postgres",
    schema: "s",
    tables,
    foreignKeys: pointing.map((from) => ({
      name: `${from}_fk`,
      fromSchema: from.includes(".") ? from.split(".")[0] : "s",
      fromTable: from.includes(".") ? from.split(".")[1] : from,
      fromColumns: ["x_id"],
      toTable: tables[0].name,
      toColumns: ["id"],
      onDelete: "NO ACTION",
    })),
  });

  it("deletes rows nothing points to, masks rows others point to (from any schema), and keeps financial records for review", () => {
    const person = table("member", [column("id", "number", null, false), column("nickname", "text", 5, false)]);
    const guesses = [guess("nickname", "identity")];
    expect(chooseErase(person, guesses, catalog([person], []), false).erase).toEqual({ strategy: "delete" });
    expect(chooseErase(person, guesses, catalog([person], ["member"]), false).erase).toEqual({ strategy: "delete" });
    const masked = chooseErase(person, guesses, catalog([person], ["audit.member_log"]), false);
    expect(masked.erase).toEqual({
      strategy: "retain",
      reason: "To review: other rows point to these (audit.member_log) and no column of their own looked personal",
    });
    expect(masked.notes).toEqual(['"nickname" (person\'s name) cannot be masked: NOT NULL text holds no "[erased]" nor hash; review']);
    const invoice = table("invoice", [column("id", "number", null, false)]);
    expect(chooseErase(invoice, [], catalog([invoice], []), false)).toMatchObject({ erase: { strategy: "retain" }, confidence: "medium" });
  });

  it("masks a financial table's card numbers and names, keeping its rows and amounts for the accounts", () => {
    const payment = table("payment", [
      column("id", "number", null, false),
      column("card_number", "text", 19, true),
      column("holder", "text", 60, false),
      column("amount", "number", null, false),
    ]);
    const guesses = [guess("card_number", "financial"), guess("holder", "identity"), guess("amount", "transactions")];
    expect(chooseErase(payment, guesses, catalog([payment], ["refund"]), false)).toEqual({
      erase: { strategy: "mask", columns: { card_number: "redact", holder: "redact" } },
      confidence: "medium",
      reason:
        "financial records (by the table's name or its amounts): the rows and amounts are kept for the accounts, the columns that identify the person or hold card or bank numbers are masked",
      notes: [],
    });
  });
});
