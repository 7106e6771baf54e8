// The safe default of what erasure does to a table's rows: financial records (the law usually
// requires them for years) keep their rows and amounts, with the columns that identify the person or
// hold card or bank numbers masked (kept whole for review when there is none); other rows are deleted
// when nothing else points to them, and masked otherwise. Each mask is one the column can hold (the
// same rules the connector's check applies: unique-hash on unique columns, null only where NULL is
// allowed, redact and hash only where the text fits).
import type { ColumnGuess, Confidence } from "./classify-column.ts";
import type { CatalogColumn, CatalogTable, SourceCatalog } from "./source-catalog.ts";

export type MaskAction = "null" | "redact" | "hash" | "unique-hash";

export type ProposedErase =
  | { strategy: "delete" }
  | { strategy: "mask"; columns: Record<string, MaskAction> }
  | { strategy: "retain"; reason: string };

export type EraseChoice = { erase: ProposedErase; confidence: Confidence; reason: string; notes: string[] };

const FINANCIAL_TABLE =
  /(^|_)(invoices?|invoice_lines?|payments?|orders?|order_items?|order_lines?|line_items?|transactions?|billing|bills?|receipts?|refunds?|charges?|ledgers?|purchases?|credit_notes?)$/;

/** The reason a retained financial table carries until someone names the law and the period. */
export const FINANCIAL_RETAIN_REASON =
  "To review: accounting and tax law usually require keeping financial records for years (GDPR Art. 17(3)(b)); name the law and the period, or mask instead";

const REDACT_LENGTH = "[erased]".length;
const HASH_LENGTH = 64;
const UNIQUE_HASH_MIN = 16;

export function isFinancialTable(table: CatalogTable, guesses: ColumnGuess[]): boolean {
  const name = table.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  return FINANCIAL_TABLE.test(name) || guesses.some((guess) => guess.category === "transactions" || guess.category === "financial");
}

export function chooseErase(table: CatalogTable, guesses: ColumnGuess[], catalog: SourceCatalog, isIdentity: boolean): EraseChoice {
  const pointing = catalog.foreignKeys.filter(
    (key) => key.toTable === table.name && !(key.fromTable === table.name && key.fromSchema === catalog.schema),
  );
  const referrers = [
    ...new Set(pointing.map((key) => (key.fromSchema === catalog.schema ? key.fromTable : `${key.fromSchema}.${key.fromTable}`))),
  ];
  const notes: string[] = [];
  const keyColumns = new Set([
    ...table.primaryKey,
    ...catalog.foreignKeys.filter((key) => key.fromTable === table.name).flatMap((key) => key.fromColumns),
  ]);
  if (!isIdentity && isFinancialTable(table, guesses)) {
    // The amounts are what the accounts keep; the rest of what looks personal is masked.
    const columns = masksFor(
      table,
      guesses.filter((guess) => guess.category !== "transactions"),
      keyColumns,
      notes,
    );
    if (Object.keys(columns).length > 0) {
      return {
        erase: { strategy: "mask", columns },
        confidence: "medium",
        reason:
          "financial records (by the table's name or its amounts): the rows and amounts are kept for the accounts, the columns that identify the person or hold card or bank numbers are masked",
        notes,
      };
    }
    return {
      erase: { strategy: "retain", reason: FINANCIAL_RETAIN_REASON },
      confidence: "medium",
      reason: "financial records (by the table's name or its amounts): deleting or masking them may breach a duty to keep them",
      notes,
    };
  }
  if (referrers.length === 0) {
    return {
      erase: { strategy: "delete" },
      confidence: "high",
      reason: "no other table points to these rows, so deleting them breaks nothing",
      notes,
    };
  }
  const columns = masksFor(table, guesses, keyColumns, notes);
  const because = `other rows point to them (${list(referrers)}), so deleting them would fail or take those rows with them`;
  if (Object.keys(columns).length === 0) {
    return {
      erase: {
        strategy: "retain",
        reason: `To review: other rows point to these (${referrers.join(", ")}) and no column of their own looked personal`,
      },
      confidence: "low",
      reason: `${because}, and no column to mask was found`,
      notes,
    };
  }
  return {
    erase: { strategy: "mask", columns },
    confidence: "medium",
    reason: `${because}; the masks fit each column's type, length and constraints`,
    notes,
  };
}

/** A mask for each guessed column that can hold one; a key column or one no mask fits is named in `notes` for review. */
function masksFor(table: CatalogTable, guesses: ColumnGuess[], keyColumns: Set<string>, notes: string[]): Record<string, MaskAction> {
  const columns: Record<string, MaskAction> = {};
  for (const guess of guesses) {
    const column = table.columns.find((candidate) => candidate.name === guess.column)!;
    if (keyColumns.has(column.name)) {
      notes.push(`"${column.name}" (${guess.holds}) is part of a key other rows join on: not masked; review`);
      continue;
    }
    const unique = table.uniqueKeys.some((key) => key.includes(column.name));
    const mask = maskFor(column, unique, guess.holds === "email address");
    if (mask) columns[column.name] = mask;
    else
      notes.push(
        `"${column.name}" (${guess.holds}) cannot be masked: ${column.nullable ? "" : "NOT NULL "}${column.type} holds no "[erased]" nor hash; review`,
      );
  }
  return columns;
}

/** A mask the column can hold, or null when none can. */
export function maskFor(column: CatalogColumn, unique: boolean, email: boolean): MaskAction | null {
  const room = column.kind === "text" ? (column.maxLength ?? Number.POSITIVE_INFINITY) : 0;
  if (unique) return room >= UNIQUE_HASH_MIN ? "unique-hash" : column.nullable ? "null" : null;
  if (email && room >= HASH_LENGTH) return "hash";
  if (room >= REDACT_LENGTH) return "redact";
  return column.nullable ? "null" : null;
}

function list(names: string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
