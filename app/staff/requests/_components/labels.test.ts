// The dashboard's words in both languages: counts with the right plural, laws by name rather than
// code, deadlines with their urgency word.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogues, type Locale } from "@/lib/i18n/catalogue.ts";
import { daysLeftText, lawShortName, showingText } from "./labels.ts";

const requestsT = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale], namespace: "staffRequests" });
const labelsT = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale], namespace: "staffLabels" });
/** ICU puts a narrow no-break space in French thousands; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("showingText", () => {
  const en = (first: number, last: number, total: number) => showingText(first, last, total, 10_000, requestsT("en"));
  const fr = (first: number, last: number, total: number) => plain(showingText(first, last, total, 10_000, requestsT("fr")));

  it("says one request in the singular", () => {
    expect(en(1, 1, 1)).toBe("Showing 1 request.");
    expect(fr(1, 1, 1)).toBe("1 demande affichée.");
  });
  it("says all of a view that fits one page", () => {
    expect(en(1, 8, 8)).toBe("Showing all 8 requests.");
    expect(fr(1, 8, 8)).toBe("Les 8 demandes sont affichées.");
  });
  it("gives the range of a page among more", () => {
    expect(en(26, 50, 80)).toBe("Showing 26–50 of 80 requests.");
    expect(en(26, 26, 26)).toBe("Showing request 26 of 26.");
    expect(en(1, 100, 12_000)).toBe("Showing 1–100 of more than 10,000 requests.");
    expect(fr(26, 50, 80)).toBe("26–50 sur 80 demandes affichées.");
    expect(fr(1, 100, 12_000)).toBe("1–100 sur plus de 10 000 demandes affichées.");
  });
  it("says when nothing matches", () => {
    expect(en(0, 0, 0)).toBe("No request matches this view.");
    expect(fr(0, 0, 0)).toBe("Aucune demande ne correspond à cette vue.");
  });
});

describe("lawShortName", () => {
  it("names a law instead of showing its code, in the reader's language where it has a name there", () => {
    expect(lawShortName("UK_GDPR", labelsT("en"))).toBe("UK GDPR");
    expect(lawShortName("EU_GDPR", labelsT("fr"))).toBe("RGPD (UE)");
    expect(lawShortName("CA_QC", labelsT("fr"))).toBe("Loi 25 (Québec)");
    expect(lawShortName("US_VA", labelsT("en"))).toBe("Virginia Consumer Data Protection Act");
    expect(lawShortName("XX_UNKNOWN", labelsT("fr"))).toBe("XX_UNKNOWN");
  });
});

describe("daysLeftText", () => {
  it("pairs an urgency word with the days left, and capitalises a deadline that has none", () => {
    expect(daysLeftText(2, labelsT("en"))).toEqual({ word: "Urgent", text: "2 days left" });
    expect(daysLeftText(-1, labelsT("en"))).toEqual({ word: null, text: "Overdue by 1 day" });
    expect(daysLeftText(6, labelsT("fr"))).toEqual({ word: "Bientôt", text: "6 jours restants" });
    expect(daysLeftText(-3, labelsT("fr"))).toEqual({ word: null, text: "En retard de 3 jours" });
    expect(daysLeftText(null, labelsT("fr"))).toEqual({ word: null, text: "Close" });
  });
});
