// The proposal as a commented connectors-file draft: one `connectors:` entry whose config maps
// every linked table, each guess with its confidence and reason in a comment above it, and a
// commented-out `dataMap:` skeleton (purposes, legal basis and retention are the company's to
// state, so the draft passes the file's checks until someone fills them in). The database address
// never appears: the entry reads it from an environment variable.
import { Document, isCollection, isMap, isPair, isScalar, type Scalar, type YAMLMap } from "yaml";
import type { JoinLink } from "./find-join-paths.ts";
import { type MappingProposal, type ProposedTable, reviewNotesOf } from "./propose-mapping.ts";

export type RenderOptions = {
  /** The connector's key (2 to 63 lower-case letters, digits or dashes). */
  key: string;
  /** The environment variable the entry reads the address from. */
  urlVariable: string;
  /** Rows read per table. */
  sampleSize: number;
};

const ENGINE = { postgres: "PostgreSQL", mysql: "MySQL/MariaDB" } as const;

export function renderProposalYaml(proposal: MappingProposal, options: RenderOptions): string {
  const entry = {
    key: options.key,
    name: `${proposal.schema} (${ENGINE[proposal.dialect]})`,
    type: proposal.dialect,
    actions: ["access", "portability", "erasure"],
    config: {
      url: `\${${options.urlVariable}}`,
      ...(proposal.dialect === "postgres" ? { schema: proposal.schema } : {}),
      tables: proposal.tables.map(tableConfig),
    },
  };
  const doc = new Document({ connectors: [entry] });
  doc.commentBefore = headerComment(proposal, options);
  flowStyle(doc.getIn(["connectors", 0, "actions"], true));
  const config = doc.getIn(["connectors", 0, "config"], true) as YAMLMap;
  const url = config.items.find((pair) => isScalar(pair.key) && pair.key.value === "url")!;
  (url.key as Scalar).commentBefore =
    ` Set ${options.urlVariable} to the database's address (a secret: keep it out of this file).\n` +
    " A user with read-only rights is enough for access; erasure needs UPDATE and DELETE on the tables it changes.";
  proposal.tables.forEach((table, i) => {
    const node = doc.getIn(["connectors", 0, "config", "tables", i], true) as YAMLMap;
    node.commentBefore = tableComment(table);
    for (const key of ["identity", "via"]) flowStyle(node.get(key, true));
    const erase = node.get("erase", true);
    if (isMap(erase)) {
      erase.flow = true;
      flowStyle(erase.get("columns", true));
    }
  });
  (doc.getIn(["connectors", 0], true) as YAMLMap).comment = dataMapSkeleton(proposal);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function tableConfig(table: ProposedTable): Record<string, unknown> {
  return {
    table: table.table,
    ...(table.identity ? { identity: table.identity } : {}),
    ...(table.via ? { via: table.via.length === 1 ? linkConfig(table.via[0]) : table.via.map(linkConfig) } : {}),
    ...(table.viaMatch ? { viaMatch: table.viaMatch } : {}),
    ...(table.reference ? { reference: true } : {}),
    ...(table.erase ? { erase: table.erase } : {}),
  };
}

/** A single-column link as today's strings; a composite one as lists of columns in the same order. */
function linkConfig(link: JoinLink) {
  const one = (columns: string[]) => (columns.length === 1 ? columns[0] : columns);
  return { parent: link.parent, column: one(link.column), parentColumn: one(link.parentColumn) };
}

function flowStyle(node: unknown) {
  if (!isCollection(node)) return;
  node.flow = true;
  for (const item of node.items) flowStyle(isPair(item) ? item.value : item);
}

function headerComment(proposal: MappingProposal, options: RenderOptions): string {
  const lines = [
    ` Proposed mapping of ${ENGINE[proposal.dialect]} ${proposal.dialect === "postgres" ? "schema" : "database"} "${proposal.schema}", read from its catalog`,
    ` and a sample of at most ${options.sampleSize} rows per table (values were counted against patterns, never copied).`,
    " A draft to review: each guess says how sure it is (high, medium, low) and why.",
    "",
    ` Identity (${proposal.identity.confidence}): ${proposal.identity.reason}`,
  ];
  const notes = reviewNotesOf(proposal);
  if (notes.length) lines.push("", " To review:", ...notes.map((note) => `   - ${note}`));
  return lines.join("\n");
}

function tableComment(table: ProposedTable): string {
  const how = table.identity ? "identity" : table.reference ? "reference" : table.viaMatch ? "via (several paths)" : "via";
  const lines = [` ${how} (${table.link.confidence}): ${table.link.reason}`];
  if (table.erase && table.eraseGuess)
    lines.push(` erase ${table.erase.strategy} (${table.eraseGuess.confidence}): ${table.eraseGuess.reason}`);
  for (const column of table.columns)
    lines.push(` column "${column.column}": ${column.category} (${column.confidence}) — ${column.reason}`);
  for (const note of table.notes) lines.push(` review: ${note}`);
  return lines.join("\n");
}

function dataMapSkeleton(proposal: MappingProposal): string {
  const lines = [
    " What the data map says of each table (lib/data-map/data-map.schema.ts). Uncomment and complete:",
    " purposes, legal basis, retention and origin are the company's to state, not discovery's to guess.",
    " dataMap:",
  ];
  for (const table of proposal.tables.filter((candidate) => !candidate.reference)) {
    lines.push(
      `   ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(table.table) ? table.table : JSON.stringify(table.table)}:`,
      `     dataCategories: [${table.dataCategories.map((entry) => entry.category).join(", ")}]  # ${table.dataCategories
        .map((entry) => `${entry.category} ${entry.confidence}: ${entry.reason}`)
        .join("; ")}`,
      "     purposes: [FILL IN: why this data is used]",
      "     legalBasis: [FILL IN: contract | consent | legal-obligation | vital-interests | public-task | legitimate-interests]",
      '     retention: FILL IN, e.g. { period: P3Y, from: "the end of the contract" }',
      "     origin: person  # FILL IN: person | observed | inferred | third-party",
    );
  }
  return lines.join("\n");
}
