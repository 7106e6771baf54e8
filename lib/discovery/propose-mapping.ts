// The proposed mapping of a source, as data: which table identifies the person, how every other
// table reaches it, what each holds and what erasure should do, each guess with its confidence and
// reason, and what needs a person's review. Rendering it as a connectors-file entry is separate
// (render-proposal-yaml.ts), so the proposal itself is what the tests compare.
import { type DataCategory, dataCategoryNames } from "../data-map/data-map.schema.ts";
import { chooseErase, isFinancialTable, type ProposedErase } from "./choose-erase.ts";
import { chooseIdentityTable, type IdentityChoice, isPersonTable } from "./choose-identity-table.ts";
import { type ColumnGuess, type Confidence, classifyColumn } from "./classify-column.ts";
import { findJoinPaths, type JoinLink, type JoinPath } from "./find-join-paths.ts";
import { type CatalogTable, findTable, type SourceCatalog, type SourceDialect, type SourceSample } from "./source-catalog.ts";

export type Guess = { confidence: Confidence; reason: string };

export type ProposedTable = {
  table: string;
  /** Found by its own email column (the identity table). */
  identity?: { email: string };
  /** Reached from these parents; more than one means every path must reach the row (`viaMatch: all`). */
  via?: JoinLink[];
  viaMatch?: "all";
  /** Read beside the person's rows, never erased. */
  reference?: true;
  erase?: ProposedErase;
  /** Why the table is found this way. */
  link: Guess;
  /** Why erasure does what it does (not for reference tables). */
  eraseGuess?: Guess;
  /** Every path to the identity table, shortest first (for tables that reach it). */
  paths?: JoinPath[];
  columns: ColumnGuess[];
  dataCategories: Array<{ category: DataCategory } & Guess>;
  notes: string[];
};

export type MappingProposal = {
  dialect: SourceDialect;
  schema: string;
  identity: Omit<IdentityChoice, "others"> & { others: Array<{ table: string; emailColumn: string; reason: string }> };
  tables: ProposedTable[];
  notMapped: Array<{ table: string; reason: string }>;
  cycles: string[][];
  review: string[];
};

export const NOT_LINKED = "not linked to a person: not mapped";

export class NoIdentityTableError extends Error {
  constructor(readonly schema: string) {
    super(
      `No table of "${schema}" has a column that looks like an email address: nothing identifies the person. Name the table with the identity table option, or map it by hand`,
    );
  }
}

/** Categories that say whose a row is; a price or a label in a lookup table does not. */
const IDENTIFYING = new Set<DataCategory>([
  "identity",
  "contact",
  "online-identifiers",
  "government-id",
  "account-credentials",
  "financial",
  "precise-location",
  "audio-visual",
  "biometric",
]);

const CONFIDENCE_ORDER: Confidence[] = ["high", "medium", "low"];

export function proposeMapping(catalog: SourceCatalog, sample: SourceSample, options: { identityTable?: string } = {}): MappingProposal {
  const identity = chooseIdentityTable(catalog, sample, options.identityTable);
  if (!identity) {
    throw new NoIdentityTableError(catalog.schema);
  }
  const guessesOf = (table: CatalogTable) =>
    table.columns
      .filter((column) => !joinColumns(catalog, table).has(column.name))
      .map((column) =>
        classifyColumn(column, sample.get(table.name)?.get(column.name), table.name === identity.table || isPersonTable(table.name)),
      )
      .filter((guess): guess is ColumnGuess => guess !== null);
  const paths = findJoinPaths(catalog, identity.table);
  const proposed: Array<ProposedTable & { depth: number }> = [];
  const notMapped: MappingProposal["notMapped"] = [];
  const review: string[] = [];

  const root = findTable(catalog, identity.table)!;
  proposed.push({
    depth: 0,
    ...withErase(root, guessesOf(root), catalog, true),
    table: root.name,
    identity: { email: identity.emailColumn },
    link: { confidence: identity.confidence, reason: `identifies the person by ${identity.reason}` },
  });

  for (const linked of paths.linked) {
    const table = findTable(catalog, linked.table)!;
    const several = linked.via.length > 1;
    const notes: string[] = [];
    if (several) {
      notes.push(
        `Reached by ${linked.via.length} links (${linked.via.map((link) => `"${link.parent}"`).join(", ")}): with viaMatch: all a row is the person's only when every link reaches it. ` +
          "If one is enough, say viaMatch: any; if the links name different people (a requester and an assignee), keep the one that is the person's",
      );
    }
    if (paths.truncated.includes(linked.table))
      notes.push(`More than ${linked.paths.length} paths reach it: only those shown were followed; review`);
    const shortest = linked.paths[0];
    const link: Guess = several
      ? {
          confidence: "low",
          reason: `${linked.paths.length} paths reach "${identity.table}", through different tables: ${linked.paths.map(pathText).join("; ")}`,
        }
      : {
          confidence: "high",
          reason:
            `foreign key ${shortest.foreignKeys[0]} leads toward "${identity.table}" (${pathText(shortest)})` +
            (linked.paths.length > 1 ? `; ${linked.paths.length - 1} longer path(s) pass through the same first link` : ""),
        };
    const choice = withErase(table, guessesOf(table), catalog, false);
    proposed.push({
      depth: linked.depth,
      ...choice,
      table: table.name,
      via: linked.via,
      ...(several ? { viaMatch: "all" as const } : {}),
      link,
      paths: linked.paths,
      notes: [...notes, ...choice.notes],
    });
  }

  // The tables the person's rows point to without reaching the person: their own details kept
  // apart (an address the person's row names) are theirs; lookups (cities, films) are references.
  const depths = new Map(proposed.map((entry) => [entry.table, entry.depth]));
  const pending = [...paths.referenced];
  const seen = new Set(pending.map((entry) => entry.table));
  while (pending.length > 0) {
    const entry = pending.shift()!;
    const table = findTable(catalog, entry.table)!;
    const guesses = guessesOf(table);
    const [nearest, ...alsoFrom] = entry.referrers;
    const alsoNote = alsoFrom.length
      ? [
          `Also pointed to by ${alsoFrom.map((referrer) => `"${referrer.table}" (${referrer.foreignKey})`).join(", ")}; reached here through "${nearest.table}" only`,
        ]
      : [];
    const personal = guesses.some((guess) => IDENTIFYING.has(guess.category));
    if (personal && nearest.table !== identity.table) {
      notMapped.push({
        table: entry.table,
        reason:
          `holds personal data (${guesses.map((guess) => guess.column).join(", ")}) of other people: the person's rows only point to it ` +
          `(${entry.referrers.map((referrer) => `"${referrer.table}" ${referrer.foreignKey}`).join(", ")}); not mapped — review`,
      });
      continue;
    }
    const depth = (depths.get(nearest.table) ?? 0) + 1;
    depths.set(entry.table, depth);
    if (personal) {
      const choice = withErase(table, guesses, catalog, false);
      proposed.push({
        depth,
        ...choice,
        table: entry.table,
        via: [nearest.link],
        link: {
          confidence: "medium",
          reason: `the person's "${nearest.table}" row points to it (${nearest.foreignKey}) and it holds personal data; rows others share are kept on erasure`,
        },
        notes: [...alsoNote, ...choice.notes],
      });
      // Its own lookups (the city of the person's address) are references too.
      for (const next of referencesFrom(catalog, entry.table, depths, seen)) pending.push(next);
    } else {
      proposed.push({
        depth,
        table: entry.table,
        via: [nearest.link],
        reference: true,
        link: {
          confidence: "medium",
          reason: `a lookup the person's "${nearest.table}" rows point to (${nearest.foreignKey}), with no column that looks personal: shown with their rows, never erased`,
        },
        columns: [],
        dataCategories: [],
        notes: alsoNote,
      });
    }
  }

  const mapped = new Set([...proposed.map((entry) => entry.table), ...notMapped.map((entry) => entry.table)]);
  for (const table of catalog.tables.map((candidate) => candidate.name).sort()) {
    if (!mapped.has(table)) notMapped.push({ table, reason: NOT_LINKED });
  }
  for (const cycle of paths.cycles) {
    review.push(
      cycle.length === 1
        ? `"${cycle[0]}" points to itself: a row of the person may name another person's row (a parent, a manager); review what erasure does to them`
        : `Foreign keys form a cycle between ${cycle.map((name) => `"${name}"`).join(", ")}: no path follows it twice; review which way belongs to the person`,
    );
  }
  for (const other of identity.others) {
    review.push(`"${other.table}" could identify people too (${other.reason}): if they may make requests, map them as well`);
  }

  return {
    dialect: catalog.dialect,
    schema: catalog.schema,
    identity: { ...identity, others: identity.others.map(({ table, emailColumn, reason }) => ({ table, emailColumn, reason })) },
    tables: proposed
      .sort((a, b) => a.depth - b.depth || Number(a.reference ?? false) - Number(b.reference ?? false) || a.table.localeCompare(b.table))
      .map(({ depth: _depth, ...table }) => table),
    notMapped: notMapped.sort((a, b) => a.table.localeCompare(b.table)),
    cycles: paths.cycles,
    review,
  };
}

/** How the review notes are worded: English (the command line, the YAML by default) unless told. */
export type NoteWords = {
  say: (english: string) => string;
  tableNote: (table: string, note: string) => string;
  notLinked: (tables: string) => string;
};

const englishNotes: NoteWords = {
  say: (english) => english,
  tableNote: (table, note) => `"${table}": ${note}`,
  notLinked: (tables) => `Not linked to a person: not mapped: ${tables}`,
};

/** Everything a person should look at, in one list: cycles, other identity tables, each table's notes, what was left out. */
export function reviewNotesOf(proposal: MappingProposal, words: NoteWords = englishNotes): string[] {
  const notLinked = proposal.notMapped.filter((entry) => entry.reason === NOT_LINKED).map((entry) => `"${entry.table}"`);
  return [
    ...proposal.review.map(words.say),
    ...proposal.tables.flatMap((table) => table.notes.map((note) => words.tableNote(table.table, words.say(note)))),
    ...proposal.notMapped
      .filter((entry) => entry.reason !== NOT_LINKED)
      .map((entry) => words.tableNote(entry.table, words.say(entry.reason))),
    ...(notLinked.length ? [words.notLinked(notLinked.join(", "))] : []),
  ];
}

function withErase(table: CatalogTable, guesses: ColumnGuess[], catalog: SourceCatalog, isIdentity: boolean) {
  const choice = chooseErase(table, guesses, catalog, isIdentity);
  return {
    erase: choice.erase,
    eraseGuess: { confidence: choice.confidence, reason: choice.reason },
    columns: guesses,
    dataCategories: tableCategories(table, guesses),
    notes: choice.notes,
  };
}

/** The table's categories: those of its columns, or, when none looked personal, a guess from what the table is. */
function tableCategories(table: CatalogTable, guesses: ColumnGuess[]): Array<{ category: DataCategory } & Guess> {
  const found = new Map<DataCategory, ColumnGuess[]>();
  for (const guess of guesses) found.set(guess.category, [...(found.get(guess.category) ?? []), guess]);
  if (found.size > 0) {
    return dataCategoryNames
      .filter((category) => found.has(category))
      .map((category) => {
        const from = found.get(category)!;
        const confidence = CONFIDENCE_ORDER.find((level) => from.some((guess) => guess.confidence === level))!;
        return { category, confidence, reason: `from ${from.map((guess) => `${guess.column} (${guess.confidence})`).join(", ")}` };
      });
  }
  const name = table.name.toLowerCase();
  if (isFinancialTable(table, guesses))
    return [{ category: "transactions", confidence: "medium", reason: "the table's name says financial records" }];
  if (/ticket|message|comment|chat|conversation|reply|mail/.test(name)) {
    return [
      { category: "communications", confidence: "low", reason: "the table's name says messages; no column looked personal on its own" },
    ];
  }
  return [{ category: "behavioural", confidence: "low", reason: "rows about what the person did; no column looked personal on its own" }];
}

function referencesFrom(catalog: SourceCatalog, from: string, depths: Map<string, number>, seen: Set<string>) {
  return catalog.foreignKeys
    .filter((key) => key.fromSchema === catalog.schema && key.fromTable === from && !depths.has(key.toTable) && !seen.has(key.toTable))
    .map((key) => {
      seen.add(key.toTable);
      return {
        table: key.toTable,
        referrers: [
          {
            table: from,
            depth: depths.get(from)!,
            foreignKey: key.name,
            link: { parent: from, column: key.toColumns, parentColumn: key.fromColumns },
          },
        ],
      };
    });
}

/** The columns rows are joined on (primary and foreign keys): identifiers of rows, judged through the rows they lead to. */
function joinColumns(catalog: SourceCatalog, table: CatalogTable): Set<string> {
  const own = catalog.foreignKeys
    .filter((key) => key.fromSchema === catalog.schema && key.fromTable === table.name)
    .flatMap((key) => key.fromColumns);
  const primary = table.primaryKey.filter((name) => table.columns.find((column) => column.name === name)?.kind !== "text");
  return new Set([...own, ...primary]);
}

function pathText(path: JoinPath): string {
  return path.tables.map((name) => `"${name}"`).join(" → ");
}
