// Receipts on the request page are read by staff: in words, never as raw JSON, except a shape the
// page does not know, which is still shown (folded) rather than hidden.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { ReceiptView } from "./receipt-view.tsx";

const render = (receipt: object, locale: Locale = "en") => renderStaff(createElement(ReceiptView, { receipt }), locale);
/** What staff read before opening the raw record. */
const summaryOf = (html: string) => html.split("<details")[0];

describe("ReceiptView", () => {
  it("writes an access receipt as counts per category, and says it came back by callback", () => {
    const html = render({ via: "callback", records: 8, categories: { orders: 2, customers: 1 } });
    expect(summaryOf(html)).not.toContain("{");
    expect(html).toContain("<li>8 records found (sent back by callback)</li>");
    expect(html).toContain("<li>orders: 2 records</li>");
    expect(html).toContain("<li>customers: 1 record</li>");
  });

  it("writes an erasure receipt as what was deleted, masked and kept with the reason", () => {
    const html = render({
      affected: 1,
      details: [
        { rows: 1, category: "contacts", strategy: "delete" },
        { rows: 0, category: "orders", strategy: "retain", reason: "Invoices are kept 10 years as tax law requires" },
        { rows: 2, category: "customers", strategy: "mask", columns: { email: "hash", last_name: "redact" } },
      ],
    });
    expect(summaryOf(html)).not.toContain("{");
    expect(html).toContain("<li>1 row changed in all</li>");
    expect(html).toContain("<li>1 row of contacts deleted</li>");
    expect(html).toContain("<li>0 orders kept: Invoices are kept 10 years as tax law requires</li>");
    expect(html).toContain("<li>2 customers masked: email (hash), last_name (redact)</li>");
  });

  it("writes what a source kept and why, as staff say it, with the raw record one click away", () => {
    const receipt = {
      affected: 0,
      details: [{ rows: 6, category: "order_items", strategy: "retain", reason: "Invoices are kept 10 years as tax law requires" }],
    };
    const html = render(receipt);
    expect(html).toContain("<li>6 order items kept: Invoices are kept 10 years as tax law requires</li>");
    // The raw record is folded in a <details> (keyboard-operable by its summary), never a scroll box.
    expect(html).toMatch(/<details class="raw-record"><summary>Raw receipt<\/summary><pre>[^<]*&quot;order_items&quot;/);
  });

  it("writes a correction receipt, naming the fields the source does not hold", () => {
    const html = render({ applied: [{ field: "fullName", category: "customers", column: "name", rows: 1 }], unmapped: ["phone"] });
    expect(html).toContain("<li>fullName corrected in customers.name (1 row)</li>");
    expect(html).toContain("<li>Not held by this source, so not corrected: phone</li>");
  });

  it("shows an unknown shape as data, folded, rather than dropping it", () => {
    const html = render({ somethingElse: true });
    expect(html).toContain("<summary>Receipt data</summary>");
    expect(html).toContain("somethingElse");
  });

  it("writes receipts in French for a French reader, the source's own names and reasons as they are", () => {
    const access = render({ via: "callback", records: 8, categories: { orders: 2, customers: 1 } }, "fr");
    expect(access).toContain("<li>8 enregistrements trouvés (renvoyés par rappel)</li>");
    expect(access).toContain("<li>customers : 1 enregistrement</li>");
    const erasure = render(
      {
        affected: 2,
        details: [
          { rows: 2, category: "order_items", strategy: "retain", reason: "Invoices are kept 10 years as tax law requires" },
          { rows: 3, category: "customers", strategy: "delete" },
        ],
      },
      "fr",
    );
    expect(erasure).toContain("<li>2 lignes modifiées au total</li>");
    expect(erasure).toContain("<li>2 lignes de order items : conservées (Invoices are kept 10 years as tax law requires)</li>");
    expect(erasure).toContain("<li>3 lignes de customers : supprimées</li>");
    expect(erasure).toMatch(/<summary>Reçu brut<\/summary>/);
    const correction = render(
      { applied: [{ field: "fullName", category: "customers", column: "name", rows: 1 }], unmapped: ["phone"] },
      "fr",
    );
    expect(correction).toContain("<li>fullName rectifié dans customers.name (1 ligne)</li>");
    expect(correction).toContain("<li>Non détenu par cette source, donc non rectifié : phone</li>");
    expect(render({ somethingElse: true }, "fr")).toContain("<summary>Données du reçu</summary>");
  });
});
