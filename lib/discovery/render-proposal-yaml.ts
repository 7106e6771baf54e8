// The proposal as a commented connectors-file draft: one `connectors:` entry whose config maps
// every linked table, each guess with its confidence and reason in a comment above it, and a
// commented-out `dataMap:` skeleton (purposes, legal basis and retention are the company's to
// state, so the draft passes the file's checks until someone fills them in). The database address
// never appears: the entry reads it from an environment variable. The comments are in the reader's
// language (staffConnectors.draft, and the guesses as check messages); keys and values are the
// connectors file's own, the same in every language.
import { Document, isCollection, isMap, isPair, isScalar, type Scalar, type YAMLMap } from "yaml";
import type { Locale } from "../i18n/catalogue.ts";
import { translator } from "../i18n/translator.ts";
import type { JoinLink } from "./find-join-paths.ts";
import { discoveryWords, reviewNotesIn } from "./localise-review-notes.ts";
import type { MappingProposal, ProposedTable } from "./propose-mapping.ts";

export type RenderOptions = {
  /** The connector's key (2 to 63 lower-case letters, digits or dashes). */
  key: string;
  /** The environment variable the entry reads the address from. */
  urlVariable: string;
  /** Rows read per table. */
  sampleSize: number;
  /** The comments' language (English unless told). */
  locale?: Locale;
};

type Words = { locale: Locale; t: ReturnType<typeof translator>; say: (english: string) => string; sure: (level: string) => string };

function wordsOf(locale: Locale): Words {
  const t = translator(locale);
  return { locale, t, say: discoveryWords(locale), sure: (level) => t("staffConnectors.draft.confidence", { level }) };
}

const ENGINE = { postgres: "PostgreSQL", mysql: "MySQL/MariaDB" } as const;

export function renderProposalYaml(proposal: MappingProposal, options: RenderOptions): string {
  const words = wordsOf(options.locale ?? "en");
  const { t } = words;
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
  doc.commentBefore = headerComment(proposal, options, words);
  flowStyle(doc.getIn(["connectors", 0, "actions"], true));
  const config = doc.getIn(["connectors", 0, "config"], true) as YAMLMap;
  const url = config.items.find((pair) => isScalar(pair.key) && pair.key.value === "url")!;
  (url.key as Scalar).commentBefore =
    ` ${t("staffConnectors.draft.urlSecret", { variable: options.urlVariable })}\n ${t("staffConnectors.draft.urlRights")}`;
  proposal.tables.forEach((table, i) => {
    const node = doc.getIn(["connectors", 0, "config", "tables", i], true) as YAMLMap;
    node.commentBefore = tableComment(table, words);
    for (const key of ["identity", "via"]) flowStyle(node.get(key, true));
    const erase = node.get("erase", true);
    if (isMap(erase)) {
      erase.flow = true;
      flowStyle(erase.get("columns", true));
    }
  });
  (doc.getIn(["connectors", 0], true) as YAMLMap).comment = dataMapSkeleton(proposal, words);
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

function headerComment(proposal: MappingProposal, options: RenderOptions, { locale, t, say, sure }: Words): string {
  const lines = [
    ` ${t("staffConnectors.draft.header", { engine: ENGINE[proposal.dialect], kind: proposal.dialect === "postgres" ? "schema" : "database", name: proposal.schema })}`,
    ` ${t("staffConnectors.draft.sample", { sample: String(options.sampleSize) })}`,
    ` ${t("staffConnectors.draft.howToRead")}`,
    "",
    ` ${t("staffConnectors.draft.identity", { confidence: sure(proposal.identity.confidence), reason: say(proposal.identity.reason) })}`,
  ];
  const notes = reviewNotesIn(proposal, locale);
  if (notes.length) lines.push("", ` ${t("staffConnectors.draft.toReview")}`, ...notes.map((note) => `   - ${note}`));
  return lines.join("\n");
}

function tableComment(table: ProposedTable, { t, say, sure }: Words): string {
  const how = table.identity ? "identity" : table.reference ? "reference" : table.viaMatch ? "several" : "via";
  const lines = [` ${t("staffConnectors.draft.table", { how, confidence: sure(table.link.confidence), reason: say(table.link.reason) })}`];
  if (table.erase && table.eraseGuess) {
    const { confidence, reason } = table.eraseGuess;
    lines.push(
      ` ${t("staffConnectors.draft.erase", { strategy: table.erase.strategy, confidence: sure(confidence), reason: say(reason) })}`,
    );
  }
  for (const column of table.columns) {
    const values = { column: column.column, category: column.category, confidence: sure(column.confidence), reason: say(column.reason) };
    lines.push(` ${t("staffConnectors.draft.column", values)}`);
  }
  for (const note of table.notes) lines.push(` ${t("staffConnectors.draft.review", { note: say(note) })}`);
  return lines.join("\n");
}

function dataMapSkeleton(proposal: MappingProposal, { t, say, sure }: Words): string {
  const lines = [` ${t("staffConnectors.draft.dataMapLead")}`, ` ${t("staffConnectors.draft.dataMapWhy")}`, " dataMap:"];
  for (const table of proposal.tables.filter((candidate) => !candidate.reference)) {
    const categories = table.dataCategories
      .map((entry) =>
        t("staffConnectors.draft.category", { category: entry.category, confidence: sure(entry.confidence), reason: say(entry.reason) }),
      )
      .join(t("staffConnectors.draft.separator"));
    lines.push(
      `   ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(table.table) ? table.table : JSON.stringify(table.table)}:`,
      `     dataCategories: [${table.dataCategories.map((entry) => entry.category).join(", ")}]  # ${categories}`,
      `     purposes: [${t("staffConnectors.draft.fillPurposes")}]`,
      `     legalBasis: [${t("staffConnectors.draft.fillLegalBasis", { bases: "contract | consent | legal-obligation | vital-interests | public-task | legitimate-interests" })}]`,
      `     retention: ${t("staffConnectors.draft.fillRetention")}`,
      `     origin: person  # ${t("staffConnectors.draft.fillOrigin", { origins: "person | observed | inferred | third-party" })}`,
    );
  }
  return lines.join("\n");
}
