import { describe, expect, it } from "vitest";
import { validateConnectorEntry } from "../connectors/validate-connector-entry.ts";
import { catalogues } from "./catalogue.ts";
import { compileCheckPattern, localiseCheckMessage } from "./localise-check-message.ts";
import { translateKey } from "./translator.ts";

/** The problems the connectors-file checks find in an entry, as the form receives them (no live system). */
async function problemsOf(entry: unknown): Promise<string[]> {
  const checked = await validateConnectorEntry(entry, { liveChecks: false });
  return checked.problems.map((problem) => problem.message);
}

describe("localiseCheckMessage", () => {
  it("writes a check message of the connectors file in French, keeping its technical values verbatim", async () => {
    const messages = await problemsOf({
      key: "shop-db",
      name: "Shop",
      type: "postgres",
      actions: ["access"],
      enabled: false,
      config: {
        url: "postgresql://u:p@h:5432/shop",
        tables: [
          { table: "customers", identity: { email: "email" } },
          { table: "orders", via: { parent: "custs", column: "customer_id", parentColumn: "id" } },
        ],
      },
    });
    expect(messages).toEqual(['Table "orders" names parent "custs", which is not listed; listed: "customers", "orders"']);
    expect(localiseCheckMessage(messages[0], "fr")).toBe(
      'La table «\u00a0orders\u00a0» nomme le parent «\u00a0custs\u00a0», qui n’est pas cité\u00a0; tables citées\u00a0: "customers", "orders"',
    );
  });

  it("translates zod's own messages and the words named as terms, not the other values", async () => {
    const messages = await problemsOf({ key: "shop-db", name: "Shop", type: "manual", actions: ["access"], config: { instructions: 5 } });
    expect(messages).toEqual(["Invalid input: expected string, received number"]);
    expect(localiseCheckMessage(messages[0], "fr")).toBe("Valeur invalide\u00a0: attendu texte, reçu nombre");
    // "items" is a term only where the message says so ({unitTerm}); a table named "items" stays "items".
    expect(localiseCheckMessage('Table "items" is listed twice', "fr")).toBe("La table «\u00a0items\u00a0» est citée deux fois");
  });

  it("leaves a message it does not know to its caller", () => {
    expect(localiseCheckMessage("something nobody wrote in the catalogue", "fr")).toBeUndefined();
  });

  it("matches every English check message of the catalogue back to its own key", () => {
    const wrong: string[] = [];
    const walk = (tree: object, prefix: string) => {
      for (const [name, value] of Object.entries(tree)) {
        const key = `${prefix}.${name}`;
        if (typeof value !== "string") walk(value, key);
        else if (!key.startsWith("staffChecks.term.")) {
          // The English message with each argument filled with its own name (a number with 7), as a schema fills it with a value.
          const pattern = compileCheckPattern(key, value);
          const filled = pattern.names.map((name) => [name, pattern.numbers.includes(name) ? 7 : `<${name}>`]);
          const sample = translateKey("en", key, Object.fromEntries(filled)) ?? "";
          if (!pattern.regex.test(sample)) wrong.push(`${key}: its pattern does not match ${sample}`);
          if (localiseCheckMessage(sample, "fr") === undefined) wrong.push(`${key}: not found`);
        }
      }
    };
    walk(catalogues.en.staffChecks, "staffChecks");
    expect(wrong).toEqual([]);
  });
});
