// The mapping a company writes for an SQL source (`postgres`, `mysql`): which tables hold the
// person's data, how each is reached (its own identity columns, or one or more join paths from
// parent tables), and what erasure does to it. Only the tables listed are ever touched; nothing is
// guessed from the database. Each engine adds its own connection settings (config of its folder).

import { z } from "zod";
import { PREFERENCE_KINDS } from "../connector.ts";

/** Where an engine's names differ: its own name and the longest identifier it takes. */
export type Engine = { name: string; identifierLimit: number };

/** An identifier as written; any text is allowed because it is always quoted. */
export const identifier = (engine: Engine, what: string) =>
  z
    .string({ error: `Give the ${what} as text` })
    .min(1, `The ${what} must not be empty`)
    .max(engine.identifierLimit, `The ${what} is longer than ${engine.name}'s ${engine.identifierLimit}-character limit`)
    .refine((name) => !name.includes("\0"), `The ${what} contains a NUL character`);

const maskAction = z.preprocess(
  // YAML reads an unquoted `null` as null, not as the text "null": accept both.
  (value) => (value === null ? "null" : value),
  z.enum(["null", "redact", "hash", "unique-hash"], { error: 'Mask a column with "null", "redact", "hash" or "unique-hash"' }),
);

/**
 * What erasure does with one of the person's rows that rows outside the person's set also point to
 * (an address shared by a customer, staff and a store): `keep` leaves it untouched and the receipt
 * says "shared with other records"; `unlink` leaves it too but clears the person's own links to it
 * (the parent columns named by `via`, which must accept NULL). Never deleted or masked for everyone.
 * Left out, it means `keep`.
 */
const sharedAction = z.enum(["keep", "unlink"], { error: 'Say what to do with a row others share: "keep" or "unlink"' }).optional();

function tableSchema(engine: Engine) {
  const name = (what: string) => identifier(engine, what);
  /** One column, or several for a multi-column join (matched in order with the parent's). */
  const columns = (what: string) =>
    z.union([name(what), z.array(name(what)).min(1, `List at least one ${what}`)], { error: `Give the ${what} as text or a list` });
  const link = z
    .strictObject({
      parent: name("parent table"),
      column: columns("column of this table"),
      parentColumn: columns("column of the parent table"),
    })
    .refine(
      (via) => [via.column].flat().length === [via.parentColumn].flat().length,
      "Give as many columns of this table (column) as of the parent table (parentColumn): they are joined in order",
    );
  const eraseSchema = z.discriminatedUnion(
    "strategy",
    [
      z.strictObject({ strategy: z.literal("delete"), shared: sharedAction }),
      z.strictObject({
        strategy: z.literal("mask"),
        shared: sharedAction,
        columns: z
          .record(name("column name"), maskAction)
          .refine((masks) => Object.keys(masks).length > 0, "List at least one column to mask, e.g. { email: hash }"),
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
  return z.strictObject({
    table: name("table name"),
    identity: z
      .strictObject({
        email: name("email column").optional(),
        accountId: name("account id column").optional(),
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
    /** One join path to a parent table, or a list of them (see viaMatch). */
    via: z.union([link, z.array(link).min(1, "List at least one link, or leave out via")]).optional(),
    /** With several paths: `all` (the default) keeps a row only when every path reaches it; `any` when one does. */
    viaMatch: z.enum(["all", "any"], { error: 'Say how the paths combine: "all" (every path reaches the row) or "any"' }).optional(),
    /** Equality conditions on this table's own columns (null means IS NULL), added to how its rows are found. */
    where: z
      .record(
        name("column name"),
        z.union([z.string(), z.number(), z.boolean(), z.null()], { error: "Compare a column with text, a number, true/false or null" }),
      )
      .refine((conditions) => Object.keys(conditions).length > 0, "List at least one condition, or leave out where")
      .optional(),
    columns: z.array(name("column name")).min(1, "List at least one column, or leave out `columns` to export all").optional(),
    /**
     * A reference table (film titles, cities) reached through `via`: its rows are shown beside the
     * person's for readability, and never erased, corrected or counted on an erasure receipt.
     */
    reference: z.literal(true, { error: "reference can only be true; leave it out otherwise" }).optional(),
    erase: eraseSchema.default({ strategy: "delete" }),
    /**
     * Per right (opt_out, limit_sensitive, restriction, objection): the columns set on the person's
     * rows, e.g. `opt_out: { marketing_opt_out: true }`.
     */
    preferences: z
      .partialRecord(
        z.enum(PREFERENCE_KINDS, { error: `Name a right: ${PREFERENCE_KINDS.join(", ")}` }),
        z
          .record(
            name("column name"),
            z.union([z.string(), z.number(), z.boolean(), z.null()], { error: "Set a column to text, a number, true/false or null" }),
          )
          .refine((set) => Object.keys(set).length > 0, "List at least one column to set"),
      )
      .optional(),
    rectify: z
      .record(z.string().min(1, "A form field name must not be empty"), name("column name"))
      .refine((map) => new Set(Object.values(map)).size === Object.values(map).length, "Map each column from one form field only")
      .optional(),
  });
}

/** The values a suppression row may take from the request, written as the whole value of a column. */
export const SUPPRESSION_PLACEHOLDERS = ["{email}", "{right}", "{now}"] as const;

/**
 * A suppression list (a table the company's mailing or advertising tools read to leave people out):
 * on the rights named, one row is inserted with the columns given, `{email}` standing for the
 * person's proven email, `{right}` for the right (opt_out…) and `{now}` for the time. `match` lists
 * the columns that say the person is already listed (default: those set to `{email}`): no second row
 * is inserted then.
 */
function suppressionSchema(engine: Engine) {
  const name = (what: string) => identifier(engine, what);
  const placeholders = SUPPRESSION_PLACEHOLDERS.join(", ");
  return z
    .strictObject({
      table: name("suppression table name"),
      rights: z
        .array(z.enum(PREFERENCE_KINDS, { error: `Name a right: ${PREFERENCE_KINDS.join(", ")}` }), {
          error: "List the rights that add the person to this table, e.g. [opt_out]",
        })
        .min(1, "List at least one right, e.g. [opt_out]"),
      columns: z
        .record(
          name("column name"),
          z.union([z.string(), z.number(), z.boolean(), z.null()], {
            error: `Set a column to ${placeholders}, text, a number, true/false or null`,
          }),
        )
        .refine((set) => Object.keys(set).length > 0, 'List the columns to fill, e.g. { email: "{email}", reason: opt_out }'),
      match: z.array(name("column name")).min(1, "List at least one column in match, or leave it out").optional(),
      /** What the person reads on their status page and email for this list, e.g. { en: "Our mailing exclusion list", fr: … }. */
      label: z
        .union(
          [
            z.string().trim().min(1).max(200),
            z.strictObject({ en: z.string().trim().min(1).max(200), fr: z.string().trim().min(1).max(200).optional() }),
          ],
          {
            error: 'Give the label as text or as { en: "…", fr: "…" }',
          },
        )
        .optional(),
    })
    .superRefine((entry, ctx) => {
      for (const [column, value] of Object.entries(entry.columns)) {
        if (typeof value === "string" && /[{}]/.test(value) && !(SUPPRESSION_PLACEHOLDERS as readonly string[]).includes(value)) {
          ctx.addIssue({
            code: "custom",
            path: ["columns", column],
            message: `"${value}" is not a value the portal fills in: use one of ${placeholders} as the whole value, or text without braces`,
          });
        }
      }
      if (!Object.values(entry.columns).includes("{email}")) {
        ctx.addIssue({
          code: "custom",
          path: ["columns"],
          message: `Suppression table "${entry.table}" must hold the person's email: set one column to "{email}"`,
        });
      }
      for (const [j, column] of (entry.match ?? []).entries()) {
        if (!(column in entry.columns)) {
          ctx.addIssue({
            code: "custom",
            path: ["match", j],
            message: `match names "${column}", which columns does not fill: list only columns given under columns`,
          });
        }
      }
    });
}

/** The keys every SQL engine's config shares: the salt and the tables. */
export function sqlConfigShape(engine: Engine) {
  return {
    /**
     * Prefixed to every value before a `hash` mask: SHA-256 hex of salt + value. Without it each
     * column's salt is "<table>.<column>" (e.g. "customer.email"), which anyone who knows the
     * original value can recompute: set a secret salt when hashes must not be matched back.
     */
    hashSalt: z.string().min(1, "hashSalt must not be empty; leave it out to use the default").optional(),
    tables: z.array(tableSchema(engine)).min(1, "Map at least one table"),
    suppressions: z.array(suppressionSchema(engine)).min(1, "List at least one suppression table, or leave out suppressions").optional(),
  };
}

export type TableConfig = z.infer<ReturnType<typeof tableSchema>>;
export type SuppressionConfig = z.infer<ReturnType<typeof suppressionSchema>>;
export type SqlConfig = { url: string; hashSalt?: string; tables: TableConfig[]; suppressions?: SuppressionConfig[] };

/** The columns that say a person is already on a suppression list: `match`, or those set to `{email}`. */
export function suppressionMatch(entry: SuppressionConfig): string[] {
  return entry.match ?? Object.keys(entry.columns).filter((column) => entry.columns[column] === "{email}");
}

/** The rules across tables, for an engine's superRefine: the graph, the identities, reference tables. */
export function tablesProblems(tables: TableConfig[]): Array<{ path: Array<string | number>; message: string }> {
  const problems = [...graphProblems(tables), ...identityProblems(tables)];
  tables.forEach((table, i) => {
    if (table.viaMatch && !Array.isArray(table.via)) {
      problems.push({
        path: ["tables", i, "viaMatch"],
        message: `Table "${table.table}" has one join path: viaMatch says how several combine; list the paths under via or leave viaMatch out`,
      });
    }
    if (!table.reference) return;
    if (!table.via) {
      problems.push({
        path: ["tables", i, "reference"],
        message: `Reference table "${table.table}" must be reached through via (e.g. from the rows that name it), not found by identity`,
      });
    }
    if (table.preferences) {
      problems.push({
        path: ["tables", i, "preferences"],
        message: `Reference table "${table.table}" is read-only: preferences cannot be set on it; leave out preferences`,
      });
    }
    if (table.rectify) {
      problems.push({
        path: ["tables", i, "rectify"],
        message: `Reference table "${table.table}" is read-only: corrections cannot go to it; leave out rectify`,
      });
    }
  });
  return problems;
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

/** One join path as the engine uses it: its columns as lists, and where it is written in the table's entry. */
export type Link = { parent: string; columns: string[]; parentColumns: string[]; path: Array<string | number> };

type Linked = {
  table: string;
  identity?: unknown;
  via?:
    | { parent: string; column: string | string[]; parentColumn: string | string[] }
    | Array<{ parent: string; column: string | string[]; parentColumn: string | string[] }>;
};

/** A table's join paths (none for a table found by identity), in the order written. */
export function linksOf(table: Linked): Link[] {
  if (!table.via) return [];
  const one = (
    via: { parent: string; column: string | string[]; parentColumn: string | string[] },
    path: Array<string | number>,
  ): Link => ({
    parent: via.parent,
    columns: [via.column].flat(),
    parentColumns: [via.parentColumn].flat(),
    path,
  });
  return Array.isArray(table.via) ? table.via.map((via, j) => one(via, ["via", j])) : [one(table.via, ["via"])];
}

/**
 * The tables form a directed acyclic graph: every table is found by identity or hangs from listed
 * tables (via), and no path loops, so every path ends at a table found by identity.
 */
export function graphProblems(tables: Linked[]): Array<{ path: Array<string | number>; message: string }> {
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
        message: `Table "${entry.table}" has both identity and via: a table is found by its own identity columns or through its parents, not both`,
      });
    } else if (!entry.identity && !entry.via) {
      problems.push({
        path: ["tables", i],
        message: `Table "${entry.table}" has neither identity nor via: say which column holds the email or account id, or which parent table leads to it`,
      });
    }
    const seen = new Set<string>();
    for (const link of linksOf(entry)) {
      if (!index.has(link.parent)) {
        const known = tables.map((t) => `"${t.table}"`).join(", ");
        problems.push({
          path: ["tables", i, ...link.path, "parent"],
          message: `Table "${entry.table}" names parent "${link.parent}", which is not listed; listed: ${known}`,
        });
      }
      const key = JSON.stringify([link.parent, link.columns, link.parentColumns]);
      if (seen.has(key)) {
        problems.push({
          path: ["tables", i, ...link.path],
          message: `Table "${entry.table}" lists the same path to "${link.parent}" twice`,
        });
      }
      seen.add(key);
    }
  });
  const reported = new Set<string>();
  tables.forEach((_entry, i) => {
    for (const cycle of cyclesFrom(i, tables, index)) {
      // Report each cycle once, at its first table in the file (and that table's link that starts it).
      const key = [...cycle.tables].sort().join(",");
      if (Math.min(...cycle.tables) !== i || reported.has(key)) continue;
      reported.add(key);
      const names = [...cycle.tables, i].map((j) => `"${tables[j].table}"`).join(" → ");
      problems.push({
        path: ["tables", i, ...cycle.link.path, "parent"],
        message: `The via parents form a cycle: ${names}; every path must end at a table with identity`,
      });
    }
  });
  return problems;
}

/** The cycles through table `start`: the tables on each, and the link of `start` it leaves by. */
function cyclesFrom(start: number, tables: Linked[], index: Map<string, number>): Array<{ tables: number[]; link: Link }> {
  const found: Array<{ tables: number[]; link: Link }> = [];
  for (const link of linksOf(tables[start])) {
    const first = index.get(link.parent);
    if (first === undefined) continue;
    // Depth-first from the parent, looking for a way back to `start`; a table once left without
    // finding it is not walked again (the graph may have many paths to the same table).
    const dead = new Set<number>();
    const walk = (current: number, path: number[]): number[] | null => {
      if (current === start) return path;
      if (path.includes(current) || dead.has(current)) return null;
      for (const next of linksOf(tables[current])) {
        const j = index.get(next.parent);
        if (j === undefined) continue;
        const back = walk(j, [...path, current]);
        if (back) return back;
      }
      dead.add(current);
      return null;
    };
    const back = walk(first, [start]);
    if (back) found.push({ tables: back, link });
  }
  return found;
}
