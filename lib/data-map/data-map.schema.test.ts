// The data map's own rules: what a category must say, the Art. 9 / Art. 14 / Art. 13 / Art. 15(2)
// conditions, and the controller's details.
import { describe, expect, it } from "vitest";
import { correctableFieldsSchema, dataMapCategorySchema, dataMapSchema, organisationSchema, textIn } from "./data-map.schema.ts";

const orders = {
  dataCategories: ["transactions", "contact"],
  purposes: [{ en: "Deliver your orders", fr: "Livrer vos commandes" }],
  legalBasis: ["contract"],
  retention: { period: "P10Y", from: "the date of the invoice" },
  origin: "person",
};

function issues(input: unknown) {
  const parsed = dataMapCategorySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("a category of the data map", () => {
  it("is accepted with what it holds, why, on what basis, for how long and where it came from", () => {
    const parsed = dataMapCategorySchema.parse(orders);
    expect(parsed.recipients).toEqual([]);
  });

  it("says what is missing in words, at the missing field", () => {
    const { purposes, retention, legalBasis, dataCategories, ...rest } = orders;
    expect(issues(rest)).toEqual([
      { path: "dataCategories", message: "dataCategories: name at least one, e.g. [identity, contact]" },
      { path: "purposes", message: "purposes: say why this data is used (at least one purpose)" },
      { path: "legalBasis", message: "legalBasis: name at least one Art. 6(1) basis" },
      { path: "retention", message: expect.stringContaining("retention: say how long this data is kept") },
    ]);
    expect(issues({ ...orders, purposes: [] })).toEqual([{ path: "purposes", message: expect.stringContaining("at least one purpose") }]);
  });

  it("refuses a data category outside the taxonomy, a legal basis outside Art. 6(1) and a malformed period", () => {
    expect(issues({ ...orders, dataCategories: ["shoe-size"] })[0]).toMatchObject({ path: "dataCategories.0" });
    expect(issues({ ...orders, legalBasis: ["because"] })[0]).toMatchObject({
      path: "legalBasis.0",
      message: expect.stringContaining("6(1)"),
    });
    expect(issues({ ...orders, retention: { period: "10 years", from: "x" } })).toHaveLength(1);
    expect(issues({ ...orders, retention: { period: "P", from: "x" } })).toHaveLength(1);
  });

  it("needs an Art. 9(2) condition for a special category, and accepts it once named", () => {
    expect(issues({ ...orders, dataCategories: ["health", "genetic"] })).toEqual([
      { path: "specialCategoryCondition", message: expect.stringContaining("health, genetic are special categories") },
    ]);
    expect(issues({ ...orders, dataCategories: ["health"], specialCategoryCondition: "explicit-consent" })).toEqual([]);
  });

  it("needs who the data came from when it came from a third party, and which interests when it relies on them", () => {
    expect(issues({ ...orders, origin: "third-party" })).toEqual([
      { path: "originDetail", message: expect.stringContaining("Art. 14(2)(f)") },
    ]);
    expect(issues({ ...orders, legalBasis: ["legitimate-interests"] })).toEqual([
      { path: "legitimateInterests", message: expect.stringContaining("which interests") },
    ]);
  });

  it("needs a safeguard for a recipient outside the EEA, not for one inside", () => {
    const recipient = { name: "Mail sender", kind: "processor", country: "US" };
    expect(issues({ ...orders, recipients: [recipient] })).toEqual([
      { path: "recipients.0.safeguard", message: expect.stringContaining("outside the EEA (US)") },
    ]);
    expect(issues({ ...orders, recipients: [{ ...recipient, safeguard: "standard-contractual-clauses" }] })).toEqual([]);
    expect(issues({ ...orders, recipients: [{ ...recipient, country: "IE" }] })).toEqual([]);
    expect(issues({ ...orders, recipients: [{ ...recipient, country: "us" }] })[0]).toMatchObject({ path: "recipients.0.country" });
  });

  it("refuses unknown keys, so a typo is never silently ignored", () => {
    expect(issues({ ...orders, purpose: ["x"] })[0]).toMatchObject({ message: expect.stringContaining("purpose") });
  });
});

describe("texts per language", () => {
  it("take one text for every language, or en with an optional fr, falling back to English", () => {
    expect(textIn("Deliver", "fr")).toBe("Deliver");
    expect(textIn({ en: "Deliver", fr: "Livrer" }, "fr")).toBe("Livrer");
    expect(textIn({ en: "Deliver" }, "fr")).toBe("Deliver");
    expect(issues({ ...orders, purposes: [{ fr: "Livrer" }] })[0]).toMatchObject({ path: "purposes.0" });
    expect(issues({ ...orders, purposes: ["  "] })[0]).toMatchObject({ path: "purposes.0" });
  });
});

describe("the data map of a source", () => {
  it("is a record of categories, each checked", () => {
    const parsed = dataMapSchema.safeParse({ orders, customers: { ...orders, purposes: [] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["customers.purposes"]);
  });
});

describe("the controller's details", () => {
  const organisation = {
    name: "Example Shop SAS",
    address: "1 rue de la Paix, 75002 Paris",
    contactEmail: "privacy@shop.example",
    supervisoryAuthority: { name: "CNIL", url: "https://www.cnil.fr" },
    dataSubjects: ["Customers"],
    securityMeasures: "Encryption at rest, access on a need-to-know basis",
  };

  it("are accepted with the Art. 30(1)(a), (c) and (g) details", () => {
    expect(organisationSchema.safeParse(organisation).success).toBe(true);
    expect(organisationSchema.safeParse({ ...organisation, dataProtectionOfficer: { email: "dpo@shop.example" } }).success).toBe(true);
  });

  it("name what is missing", () => {
    const { dataSubjects, ...rest } = organisation;
    expect(organisationSchema.safeParse({ ...rest, dataSubjects: [] }).error?.issues[0].message).toContain("organisation.dataSubjects");
    expect(organisationSchema.safeParse({ ...organisation, contactEmail: "nope" }).error?.issues[0].message).toContain("contactEmail");
  });
});

describe("correctable fields", () => {
  it("take names of letters and digits only", () => {
    expect(correctableFieldsSchema.safeParse({ postalAddress: { label: "Postal address", multiline: true } }).success).toBe(true);
    expect(correctableFieldsSchema.safeParse({ "postal address": { label: "x" } }).success).toBe(false);
  });
});
