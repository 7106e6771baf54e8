// "Propose a mapping" for a French member: the draft's comments and the notes to review are in
// French (the file's keys and values stay those of the connectors file), and the draft is the same
// entry in either language. The command line keeps English.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { reviewNotesIn } from "./localise-review-notes.ts";
import { proposeMapping } from "./propose-mapping.ts";
import { renderProposalYaml } from "./render-proposal-yaml.ts";
import type { CatalogColumn, ColumnSample, SourceCatalog, SourceSample } from "./source-catalog.ts";

const text = (name: string, nullable = true): CatalogColumn => ({ name, type: "text", kind: "text", maxLength: null, nullable });
const int = (name: string): CatalogColumn => ({ name, type: "integer", kind: "number", maxLength: null, nullable: false });

const catalog: SourceCatalog = {
  dialect: "postgres",
  schema: "shop",
  tables: [
    {
      name: "customers",
      columns: [int("id"), text("email", false), text("full_name"), text("phone")],
      primaryKey: ["id"],
      uniqueKeys: [["id"], ["email"]],
    },
    {
      name: "orders",
      columns: [int("id"), int("customer_id"), text("card_number"), text("note")],
      primaryKey: ["id"],
      uniqueKeys: [["id"]],
    },
    { name: "newsletter", columns: [int("id"), text("email_address")], primaryKey: ["id"], uniqueKeys: [["id"]] },
    { name: "warehouse", columns: [int("id"), text("city")], primaryKey: ["id"], uniqueKeys: [["id"]] },
  ],
  foreignKeys: [
    {
      name: "orders_customer",
      fromSchema: "shop",
      fromTable: "orders",
      fromColumns: ["customer_id"],
      toTable: "customers",
      toColumns: ["id"],
      onDelete: "a",
    },
  ],
};
const counts = (entries: Array<[string, ColumnSample]>) => new Map<string, ColumnSample>(entries);
const sample: SourceSample = new Map([
  [
    "customers",
    counts([
      ["email", { values: 4, matches: { email: 4 } }],
      ["full_name", { values: 4, matches: { "person-name": 3 } }],
      ["phone", { values: 4, matches: { phone: 1 } }],
    ]),
  ],
  [
    "orders",
    counts([
      ["card_number", { values: 2, matches: { "card-number": 2 } }],
      ["note", { values: 0, matches: {} }],
    ]),
  ],
  ["newsletter", counts([["email_address", { values: 3, matches: { email: 3 } }]])],
]);
const options = { key: "shop", urlVariable: "SHOP_URL", sampleSize: 200 };

const ENGLISH =
  /\b(the name says|sampled values|look like|points? to|Proposed mapping|read from its catalog|A draft to review|Identity \(|To review|Set SHOP_URL|read-only|column "|review:|What the data map|FILL IN|could identify|Not linked|other rows|foreign key|high|medium|low|unique,|never empty|may be empty|financial records)\b/;

describe("the proposed mapping's draft", () => {
  const proposal = proposeMapping(catalog, sample);

  it("is commented in French for a French member, the same entry as in English", () => {
    const french = renderProposalYaml(proposal, { ...options, locale: "fr" });
    const english = renderProposalYaml(proposal, options);
    expect(parse(french)).toEqual(parse(english));
    const comments = french.split("\n").filter((line) => line.trimStart().startsWith("#"));
    expect(comments.length).toBeGreaterThan(15);
    for (const line of comments) expect(line, line).not.toMatch(ENGLISH);
    expect(french).toContain("# Cartographie proposée du schéma PostgreSQL «\u00a0shop\u00a0», lue dans son catalogue");
    expect(french).toContain("Identité (élevée)\u00a0: «\u00a0customers\u00a0».«\u00a0email\u00a0»\u00a0: unique, jamais vide");
    expect(french).toContain(
      "colonne «\u00a0phone\u00a0»\u00a0: contact (moyenne) — le nom indique «\u00a0numéro de téléphone\u00a0»\u00a0; seulement 1 valeur(s) échantillonnée(s) sur 4 y ressemble(nt)",
    );
    expect(french).toContain("purposes: [À COMPLÉTER\u00a0: pourquoi ces données sont utilisées]");
    expect(french).toContain("les lignes et les montants sont gardés pour la comptabilité");
  });

  it("keeps English for the command line", () => {
    const english = renderProposalYaml(proposal, options);
    expect(english).toContain('# Proposed mapping of PostgreSQL schema "shop", read from its catalog');
    expect(english).toContain('#   - Not linked to a person: not mapped: "newsletter", "warehouse"');
    // A financial table keeps its rows and masks the card numbers (choose-erase.ts).
    expect(english).toContain("financial records (by the table's name or its amounts): the rows and amounts are kept for the accounts");
  });

  it("gives the notes to review in French", () => {
    const notes = reviewNotesIn(proposal, "fr");
    expect(notes.length).toBeGreaterThan(1);
    for (const note of notes) expect(note, note).not.toMatch(ENGLISH);
    expect(notes).toContain('Non reliées à une personne, non cartographiées\u00a0: "newsletter", "warehouse"');
    expect(notes.join("\n")).toContain("«\u00a0newsletter\u00a0» pourrait aussi identifier des personnes");
  });
});
