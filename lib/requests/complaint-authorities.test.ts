import { describe, expect, it } from "vitest";
import { JURISDICTIONS } from "../deadlines/rules.ts";
import { complaintRouteFor } from "./complaint-authorities.ts";

const genericNames = [
  "the data protection authority of the country where you live",
  "the data protection authority of the EU or EEA country where you live or work",
];

describe("complaintRouteFor", () => {
  it("names the national authority of an EU person, in both languages", () => {
    expect(complaintRouteFor({ jurisdiction: "EU_GDPR", country: "FR" }, "en")).toEqual({
      authority: "Commission nationale de l’informatique et des libertés (CNIL)",
      url: "https://www.cnil.fr",
      kind: "supervisory-authority",
      appeal: false,
    });
    expect(complaintRouteFor({ jurisdiction: "EU_GDPR", country: "es" }, "fr").authority).toBe(
      "Agencia Española de Protección de Datos (AEPD)",
    );
    expect(complaintRouteFor({ jurisdiction: "EU_GDPR", country: "DE" }, "fr").authority).toMatch(/^l’autorité .* Land/);
  });

  it("sends the French overseas regions and Åland to their state's authority", () => {
    expect(complaintRouteFor({ jurisdiction: "EU_GDPR", country: "RE" }, "en").url).toBe("https://www.cnil.fr");
    expect(complaintRouteFor({ jurisdiction: "EU_GDPR", country: "AX" }, "en").url).toBe("https://tietosuoja.fi");
  });

  it("falls back to the person's own EU authority, with the EDPB's list, for a country not listed", () => {
    const route = complaintRouteFor({ jurisdiction: "EU_GDPR", country: "US" }, "en");
    expect(route.authority).toBe(genericNames[1]);
    expect(route.url).toContain("edpb.europa.eu");
  });

  it.each([
    ["UK_GDPR", "GB", "Information Commissioner’s Office (ICO)"],
    ["CA_QC", "CA", "Commission d’accès à l’information du Québec"],
    ["CA_PIPEDA", "CA", "Office of the Privacy Commissioner of Canada"],
    ["BR_LGPD", "BR", "Autoridade Nacional de Proteção de Dados (ANPD)"],
  ])("names the authority of %s", (jurisdiction, country, authority) => {
    expect(complaintRouteFor({ jurisdiction, country }, "en")).toMatchObject({ authority, kind: "supervisory-authority", appeal: false });
  });

  it("names the Canadian commissioner in French for a French reader", () => {
    expect(complaintRouteFor({ jurisdiction: "CA_PIPEDA", country: "CA" }, "fr").authority).toBe(
      "Commissariat à la protection de la vie privée du Canada",
    );
  });

  it("gives Virginia-model states an appeal and their Attorney General; California and Utah no appeal", () => {
    expect(complaintRouteFor({ jurisdiction: "US_VA", country: "US" }, "en")).toEqual({
      authority: "the Virginia Attorney General",
      kind: "regulator",
      appeal: true,
    });
    expect(complaintRouteFor({ jurisdiction: "US_CO", country: "US" }, "fr").authority).toBe("le procureur général du Colorado");
    expect(complaintRouteFor({ jurisdiction: "US_CA", country: "US" }, "en")).toMatchObject({
      authority: expect.stringContaining("California Privacy Protection Agency"),
      appeal: false,
    });
    expect(complaintRouteFor({ jurisdiction: "US_UT", country: "US" }, "en").appeal).toBe(false);
  });

  it("has a named authority for every jurisdiction the deadline engine knows", () => {
    const countryOf = (code: string) => (code.startsWith("US_") ? "US" : code === "EU_GDPR" ? "FR" : code.slice(0, 2));
    for (const jurisdiction of JURISDICTIONS) {
      for (const locale of ["en", "fr"] as const) {
        const route = complaintRouteFor({ jurisdiction, country: countryOf(jurisdiction) }, locale);
        expect(genericNames, `${jurisdiction} (${locale})`).not.toContain(route.authority);
        expect(route.authority.length).toBeGreaterThan(3);
      }
    }
  });

  it("still names a route for a jurisdiction it does not know", () => {
    expect(complaintRouteFor({ jurisdiction: "XX_NEW", country: "XX" }, "en").authority).toBe(genericNames[0]);
  });
});
