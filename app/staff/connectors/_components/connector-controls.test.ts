// The answer of a connector's "Test" button as a French member reads it: the answer and each
// problem the live checks found, in French, each on its own line.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { localiseTestResult } from "@/lib/i18n/localise-test-result.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { TestAnswer } from "./connector-controls.tsx";

describe("the connector test's answer", () => {
  it("is French for a French member, findings included", () => {
    const result = localiseTestResult(
      {
        ok: false,
        message:
          'Connected, but the mapping does not match the database: tables.0.identity.email: Table "customers" has no column "mail"; it has: "id", "email"',
        summary: "Connected, but the mapping does not match the database",
        findings: [{ path: "tables.0.identity.email", message: 'Table "customers" has no column "mail"; it has: "id", "email"' }],
      },
      "fr",
    );
    const html = renderStaff(createElement(TestAnswer, { result }), "fr");
    expect(html).toContain("Échec\u00a0: Connecté, mais la cartographie ne correspond pas à la base de données");
    expect(html).toContain(
      '<span class="connector-result__finding">tables.0.identity.email\u00a0: La table «\u00a0customers\u00a0» n’a pas de colonne «\u00a0mail\u00a0»',
    );
    expect(html).not.toMatch(/Connected|has no column|Failed/);
  });

  it("says a passed test's advice is to consider", () => {
    const result = localiseTestResult(
      {
        ok: true,
        message: "Connected; 1 table mapped. To consider: …",
        summary: "Connected; 1 table mapped",
        findings: [
          {
            message:
              'finding a person in "customers" reads the whole table (no index on lower("email")); create one: CREATE INDEX ON "shop"."customers" (lower("email"))',
          },
        ],
      },
      "fr",
    );
    const html = renderStaff(createElement(TestAnswer, { result }), "fr");
    expect(html).toContain("OK\u00a0: Connecté\u00a0; 1 table cartographiée À envisager\u00a0:");
    expect(html).toContain("retrouver une personne dans «\u00a0customers\u00a0» lit toute la table");
  });
});
