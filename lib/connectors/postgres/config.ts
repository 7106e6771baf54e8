// The shape a company writes for a `postgres` source: which tables hold the person's data, how
// each is reached (an identity column, or a foreign key from a parent table), and what erasure
// does to it. Only the tables listed are ever touched; nothing is guessed from the database.
import { z } from "zod";

/** A PostgreSQL identifier as written; any text is allowed because it is always quoted. */
const identifier = (what: string) =>
  z
    .string({ error: `Give the ${what} as text` })
    .min(1, `The ${what} must not be empty`)
    .max(63, `The ${what} is longer than PostgreSQL's 63-character limit`)
    .refine((name) => !name.includes("\0"), `The ${what} contains a NUL character`);

const maskAction = z.preprocess(
  // YAML reads an unquoted `null` as null, not as the text "null": accept both.
  (value) => (value === null ? "null" : value),
  z.enum(["null", "redact", "hash", "unique-hash"], { error: 'Mask a column with "null", "redact", "hash" or "unique-hash"' }),
);

/**
 * What erasure does with one of the person's rows that rows outside the person's set also point to
 * (an address shared by a customer, staff and a store): `keep` leaves it untouched and the receipt
 * says "shared with other records"; `unlink` leaves it too but clears the person's own link to it
 * (the parent column named by `via`, which must accept NULL). Never deleted or masked for everyone.
 * Left out, it means `keep`.
 */
const sharedAction = z.enum(["keep", "unlink"], { error: 'Say what to do with a row others share: "keep" or "unlink"' }).optional();

const eraseSchema = z.discriminatedUnion(
  "strategy",
  [
    z.strictObject({ strategy: z.literal("delete"), shared: sharedAction }),
    z.strictObject({
      strategy: z.literal("mask"),
      shared: sharedAction,
      columns: z
        .record(identifier("column name"), maskAction)
        .refine((columns) => Object.keys(columns).length > 0, "List at least one column to mask, e.g. { email: hash }"),
    }),
    z.strictObject({
      strategy: z.literal("retain"),
      reason: z
        .string({ error: "Say why these rows are kept (reason), e.g. the law that requires it" })
        .trim()
        .min(1, "Say why these rows are kept (reason), e.g. the law that requires it"),
    }),
  ],
  { error: 'Choose an erase strategy: "delete", "mask" or "retain"' },
);

const tableSchema = z.strictObject({
  table: identifier("table name"),
  identity: z
    .strictObject({
      email: identifier("email column").optional(),
      accountId: identifier("account id column").optional(),
      /**
       * A table found by the account number alone: the company states that staff confirm, on each
       * request, that the number the person typed is theirs. Without that confirmation these rows
       * are not found (see identityProblems).
       */
      accountIdConfirmedByStaff: z
        .literal(true, { error: "accountIdConfirmedByStaff can only be true; leave it out otherwise" })
        .optional(),
    })
    .refine((identity) => identity.email || identity.accountId, "Name at least one identity column: email or accountId")
    .optional(),
  via: z
    .strictObject({
      parent: identifier("parent table"),
      column: identifier("column of this table"),
      parentColumn: identifier("column of the parent table"),
    })
    .optional(),
  columns: z.array(identifier("column name")).min(1, "List at least one column, or leave out `columns` to export all").optional(),
  /**
   * A reference table (film titles, cities) reached through `via`: its rows are shown beside the
   * person's for readability, and never erased, corrected or counted on an erasure receipt.
   */
  reference: z.literal(true, { error: "reference can only be true; leave it out otherwise" }).optional(),
  erase: eraseSchema.default({ strategy: "delete" }),
  rectify: z
    .record(z.string().min(1, "A form field name must not be empty"), identifier("column name"))
    .refine((map) => new Set(Object.values(map)).size === Object.values(map).length, "Map each column from one form field only")
    .optional(),
});

export const postgresConfigSchema = z
  .strictObject({
    url: z
      .string({ error: "Give the database address (url), e.g. postgresql://user:password@host:5432/shop" })
      .refine(isPostgresUrl, "The url must look like postgresql://user:password@host:5432/database"),
    schema: identifier("schema name").default("public"),
    /**
     * Prefixed to every value before a `hash` mask: SHA-256 hex of salt + value. Without it each
     * column's salt is "<table>.<column>" (e.g. "customer.email"), which anyone who knows the
     * original value can recompute: set a secret salt when hashes must not be matched back.
     */
    hashSalt: z.string().min(1, "hashSalt must not be empty; leave it out to use the default").optional(),
    tables: z.array(tableSchema).min(1, "Map at least one table"),
  })
  .superRefine((config, ctx) => {
    for (const problem of forestProblems(config.tables)) ctx.addIssue({ code: "custom", ...problem });
    for (const problem of identityProblems(config.tables)) ctx.addIssue({ code: "custom", ...problem });
    config.tables.forEach((table, i) => {
      if (!table.reference) return;
      if (!table.via) {
        ctx.addIssue({
          code: "custom",
          path: ["tables", i, "reference"],
          message: `Reference table "${table.table}" must be reached through via (e.g. from the rows that name it), not found by identity`,
        });
      }
      if (table.rectify) {
        ctx.addIssue({
          code: "custom",
          path: ["tables", i, "rectify"],
          message: `Reference table "${table.table}" is read-only: corrections cannot go to it; leave out rectify`,
        });
      }
    });
  });

export type PostgresConfig = z.infer<typeof postgresConfigSchema>;
export type TableConfig = PostgresConfig["tables"][number];

function isPostgresUrl(value: string): boolean {
  try {
    return ["postgres:", "postgresql:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

type Identity = { email?: string; accountId?: string; accountIdConfirmedByStaff?: true };

/**
 * No table may be found by an identifier the person did not prove. The email is verified; the
 * account number is free text on the form, proven only when staff confirm it on the request. A
 * table mapped by accountId alone is therefore refused unless the config says staff confirm
 * account numbers (`accountIdConfirmedByStaff: true`): its rows are found only after that
 * confirmation, never from what was typed.
 */
export function identityProblems(
  tables: Array<{ table: string; identity?: Identity }>,
): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  tables.forEach((entry, i) => {
    const identity = entry.identity;
    if (!identity) return;
    if (identity.accountId && !identity.email && !identity.accountIdConfirmedByStaff) {
      problems.push({
        path: ["tables", i, "identity"],
        message:
          `Table "${entry.table}" is found by the account number alone, but the number a person types on the form does not prove ` +
          "it is theirs: the portal uses it only once staff confirm it on the request, and until then finds nothing in this table. " +
          `Map its email column too (identity: { email: …, accountId: ${identity.accountId} }), reach it through a table found by email (via), ` +
          "or add accountIdConfirmedByStaff: true to its identity to state that staff confirm account numbers before approving",
      });
    }
    if (identity.accountIdConfirmedByStaff && !identity.accountId) {
      problems.push({
        path: ["tables", i, "identity", "accountIdConfirmedByStaff"],
        message: `Table "${entry.table}" says accountIdConfirmedByStaff but maps no accountId column: name the column or leave the flag out`,
      });
    }
  });
  return problems;
}

type Link = { table: string; identity?: unknown; via?: { parent: string } };

/** Every table is a root (identity) or hangs from one listed table (via), and no chain loops. */
export function forestProblems(tables: Link[]): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const index = new Map<string, number>();
  tables.forEach((entry, i) => {
    if (index.has(entry.table)) problems.push({ path: ["tables", i, "table"], message: `Table "${entry.table}" is listed twice` });
    else index.set(entry.table, i);
  });
  tables.forEach((entry, i) => {
    if (entry.identity && entry.via) {
      problems.push({
        path: ["tables", i],
        message: `Table "${entry.table}" has both identity and via: a table is found by its own identity columns or through its parent, not both`,
      });
    } else if (!entry.identity && !entry.via) {
      problems.push({
        path: ["tables", i],
        message: `Table "${entry.table}" has neither identity nor via: say which column holds the email or account id, or which parent table leads to it`,
      });
    }
    if (entry.via && !index.has(entry.via.parent)) {
      const known = tables.map((t) => `"${t.table}"`).join(", ");
      problems.push({
        path: ["tables", i, "via", "parent"],
        message: `Table "${entry.table}" names parent "${entry.via.parent}", which is not listed; listed: ${known}`,
      });
    }
  });
  tables.forEach((_entry, i) => {
    const cycle = cycleFrom(i, tables, index);
    // Report each cycle once, at its first table in the file.
    if (cycle && Math.min(...cycle) === i) {
      const names = [...cycle, i].map((j) => `"${tables[j].table}"`).join(" → ");
      problems.push({
        path: ["tables", i, "via", "parent"],
        message: `The via parents form a cycle: ${names}; every chain must end at a table with identity`,
      });
    }
  });
  return problems;
}

function cycleFrom(start: number, tables: Link[], index: Map<string, number>): number[] | null {
  const seen = [start];
  let current = parentIndex(start, tables, index);
  while (current !== undefined && !seen.includes(current)) {
    seen.push(current);
    current = parentIndex(current, tables, index);
  }
  return current === start ? seen : null;
}

function parentIndex(i: number, tables: Link[], index: Map<string, number>): number | undefined {
  const parent = tables[i].via?.parent;
  return parent === undefined ? undefined : index.get(parent);
}
