// The data map: what a company says about each category of personal data a source holds (a table,
// a collection, an API object), beside the connector that reads it. It feeds the answer to an access
// request (GDPR Art. 15(1)-(2), CCPA §1798.110: purposes, categories, recipients, retention, source,
// automated decisions) and the record of processing (GDPR Art. 30). Texts a person reads are given
// per language; a single text is used for every language.
import { z } from "zod";

export const dataMapLocales = ["en", "fr"] as const;
export type DataMapLocale = (typeof dataMapLocales)[number];

/** One text for every language, or one per language (English is the fallback). */
export const localText = (what: string, max = 1000) =>
  z.union(
    [
      z.string().trim().min(1, `${what}: must not be empty`).max(max, `${what}: at most ${max} characters`),
      z
        .strictObject({
          en: z.string().trim().min(1, `${what}.en: must not be empty`).max(max),
          fr: z.string().trim().min(1, `${what}.fr: must not be empty`).max(max).optional(),
        })
        .describe("Per language: en is required, fr optional"),
    ],
    { error: `${what}: give a text, or { en: "…", fr: "…" }` },
  );
export type LocalText = z.infer<ReturnType<typeof localText>>;

/** The text for a language: that language's own, else English. */
export function textIn(text: LocalText, locale: DataMapLocale): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text.en;
}

/**
 * The fixed taxonomy of data categories. `special` marks GDPR Art. 9 / Art. 10 categories (they need an
 * Art. 9(2) condition as well as an Art. 6 basis); `ccpa` is the §1798.140(v) category a California
 * answer names; `sensitive` marks CPRA "sensitive personal information" (§1798.140(ae)).
 */
export const dataCategories = {
  identity: { special: false, ccpa: "identifiers", sensitive: false },
  contact: { special: false, ccpa: "identifiers", sensitive: false },
  "online-identifiers": { special: false, ccpa: "identifiers", sensitive: false },
  "government-id": { special: false, ccpa: "identifiers", sensitive: true },
  "account-credentials": { special: false, ccpa: "customer-records", sensitive: true },
  financial: { special: false, ccpa: "customer-records", sensitive: true },
  transactions: { special: false, ccpa: "commercial", sensitive: false },
  behavioural: { special: false, ccpa: "internet-activity", sensitive: false },
  communications: { special: false, ccpa: "customer-records", sensitive: false },
  location: { special: false, ccpa: "geolocation", sensitive: false },
  "precise-location": { special: false, ccpa: "geolocation", sensitive: true },
  "audio-visual": { special: false, ccpa: "sensory", sensitive: false },
  demographic: { special: false, ccpa: "protected-characteristics", sensitive: false },
  professional: { special: false, ccpa: "professional", sensitive: false },
  education: { special: false, ccpa: "education", sensitive: false },
  inferences: { special: false, ccpa: "inferences", sensitive: false },
  children: { special: false, ccpa: "identifiers", sensitive: false },
  health: { special: true, ccpa: "protected-characteristics", sensitive: true },
  genetic: { special: true, ccpa: "biometric", sensitive: true },
  biometric: { special: true, ccpa: "biometric", sensitive: true },
  "racial-ethnic-origin": { special: true, ccpa: "protected-characteristics", sensitive: true },
  "political-opinions": { special: true, ccpa: "protected-characteristics", sensitive: false },
  "religious-beliefs": { special: true, ccpa: "protected-characteristics", sensitive: true },
  "trade-union": { special: true, ccpa: "protected-characteristics", sensitive: true },
  "sex-life-orientation": { special: true, ccpa: "protected-characteristics", sensitive: true },
  "criminal-records": { special: true, ccpa: "protected-characteristics", sensitive: false },
} as const;
export type DataCategory = keyof typeof dataCategories;
export const dataCategoryNames = Object.keys(dataCategories) as DataCategory[];

/** GDPR Art. 6(1)(a)-(f). */
export const legalBases = ["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"] as const;

/** GDPR Art. 9(2)(a)-(j), and Art. 10 (criminal records under official authority or law). */
export const specialCategoryConditions = [
  "explicit-consent",
  "employment-social-security",
  "vital-interests",
  "not-for-profit-members",
  "made-public-by-person",
  "legal-claims",
  "substantial-public-interest",
  "health-care",
  "public-health",
  "archiving-research",
  "authorised-by-law",
] as const;

/** Where the data came from (Art. 14(2)(f), §1798.110(a)(2)). */
export const dataOrigins = ["person", "observed", "inferred", "third-party"] as const;

export const recipientKinds = ["processor", "controller", "third-party-category", "public-authority"] as const;

/** Art. 44-49: the ground for a transfer outside the EEA/UK/Switzerland. */
export const transferSafeguards = [
  "adequacy",
  "standard-contractual-clauses",
  "binding-corporate-rules",
  "code-of-conduct",
  "certification",
  "derogation",
] as const;

/** ISO 3166-1 alpha-2 country codes of the EEA (where no transfer safeguard is needed). */
export const eeaCountries = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
] as const;

const recipientSchema = z
  .strictObject({
    /** A named processor or controller ("Stripe Payments Europe"), or a category ("Delivery companies"). */
    name: localText("recipient name", 200),
    kind: z.enum(recipientKinds, { error: `recipient kind: one of ${recipientKinds.join(", ")}` }),
    /** Why they receive it (the business purpose, for CCPA). */
    purpose: localText("recipient purpose").optional(),
    /** Where the data goes: ISO 3166-1 alpha-2, e.g. "US". */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "country: a two-letter ISO code in capitals, e.g. US")
      .optional(),
    safeguard: z.enum(transferSafeguards, { error: `safeguard: one of ${transferSafeguards.join(", ")}` }).optional(),
    /** CCPA: whether giving it to this recipient is a sale or a sharing (cross-context behavioural advertising). */
    soldOrShared: z.boolean().default(false),
  })
  .superRefine((recipient, ctx) => {
    const outside = recipient.country && !(eeaCountries as readonly string[]).includes(recipient.country);
    if (outside && !recipient.safeguard) {
      ctx.addIssue({
        code: "custom",
        path: ["safeguard"],
        message: `The data goes outside the EEA (${recipient.country}): say on what ground (safeguard: ${transferSafeguards.join(" | ")}), as Art. 15(2) requires`,
      });
    }
  });

const retentionSchema = z.union(
  [
    localText("retention", 500),
    z.strictObject({
      /** An ISO 8601 duration: P30D, P6M, P10Y. */
      period: z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, "retention.period: an ISO 8601 duration such as P30D, P6M or P10Y"),
      /** From when it runs: "the end of the contract", "the last order". */
      from: localText("retention.from", 300),
    }),
  ],
  { error: 'retention: say how long this data is kept, in words or as { period: P10Y, from: "the date of the invoice" }' },
);

/** What the map says about one category (table, collection, API object) of one source. */
export const dataMapCategorySchema = z
  .strictObject({
    /** The category's name as the person reads it ("Your orders"); the table name otherwise. */
    label: localText("label", 200).optional(),
    /** What this category holds, from the fixed taxonomy. */
    dataCategories: z
      .array(
        z.enum(dataCategoryNames as [DataCategory, ...DataCategory[]], {
          error: `dataCategories: each one of ${dataCategoryNames.join(", ")}`,
        }),
        { error: "dataCategories: name at least one, e.g. [identity, contact]" },
      )
      .min(1, "dataCategories: name at least one, e.g. [identity, contact]"),
    purposes: z
      .array(localText("purpose"), { error: "purposes: say why this data is used (at least one purpose)" })
      .min(1, "purposes: say why this data is used (at least one purpose)"),
    legalBasis: z
      .array(z.enum(legalBases, { error: `legalBasis: each one of ${legalBases.join(", ")} (GDPR Art. 6(1))` }), {
        error: "legalBasis: name at least one Art. 6(1) basis",
      })
      .min(1, "legalBasis: name at least one Art. 6(1) basis"),
    /** The Art. 9(2) / Art. 10 condition, required when a special category is listed. */
    specialCategoryCondition: z
      .enum(specialCategoryConditions, { error: `specialCategoryCondition: one of ${specialCategoryConditions.join(", ")}` })
      .optional(),
    /** Where the legal basis is legitimate interests: which ones (Art. 13(1)(d)). */
    legitimateInterests: localText("legitimateInterests").optional(),
    retention: retentionSchema,
    recipients: z.array(recipientSchema).default([]),
    origin: z.enum(dataOrigins, { error: `origin: one of ${dataOrigins.join(", ")}` }),
    /** Required when origin is third-party: who it came from (Art. 14(2)(f)). */
    originDetail: localText("originDetail", 300).optional(),
    /** Automated decisions, including profiling, that use this data (Art. 22, Art. 15(1)(h)). */
    automatedDecisions: z
      .strictObject({
        logic: localText("automatedDecisions.logic"),
        significance: localText("automatedDecisions.significance"),
      })
      .optional(),
  })
  .superRefine((entry, ctx) => {
    const special = entry.dataCategories.filter((name) => dataCategories[name].special);
    if (special.length && !entry.specialCategoryCondition) {
      ctx.addIssue({
        code: "custom",
        path: ["specialCategoryCondition"],
        message: `${special.join(", ")} ${special.length > 1 ? "are special categories" : "is a special category"} (GDPR Art. 9/10): name the condition that allows it (specialCategoryCondition: ${specialCategoryConditions.join(" | ")})`,
      });
    }
    if (entry.origin === "third-party" && !entry.originDetail) {
      ctx.addIssue({
        code: "custom",
        path: ["originDetail"],
        message: "origin is third-party: say who the data came from (originDetail), as Art. 14(2)(f) requires",
      });
    }
    if (entry.legalBasis.includes("legitimate-interests") && !entry.legitimateInterests) {
      ctx.addIssue({
        code: "custom",
        path: ["legitimateInterests"],
        message: "legalBasis includes legitimate-interests: say which interests (legitimateInterests)",
      });
    }
  });
export type DataMapCategory = z.infer<typeof dataMapCategorySchema>;

/** category (table, collection, API object, exactly as the connector names it) → what the map says of it. */
export const dataMapSchema = z.record(z.string().min(1), dataMapCategorySchema);
export type DataMap = z.infer<typeof dataMapSchema>;

/**
 * Who answers for the processing (Art. 30(1)(a), Art. 13(1)(a)-(b), Art. 15(1)(f)): the top-level
 * `organisation` of a connectors file.
 */
export const organisationSchema = z.strictObject({
  name: z.string().trim().min(1, "organisation.name: the controller's legal name").max(200),
  address: localText("organisation.address", 500),
  contactEmail: z.email("organisation.contactEmail: an email address"),
  dataProtectionOfficer: z
    .strictObject({ name: z.string().trim().min(1).max(200).optional(), email: z.email("dataProtectionOfficer.email: an email address") })
    .optional(),
  /** Art. 27: the representative in the EU or UK when the controller is established outside. */
  representative: z.strictObject({ name: z.string().trim().min(1).max(200), email: z.email() }).optional(),
  /** The authority a person may complain to (Art. 15(1)(f)); a person may also complain where they live. */
  supervisoryAuthority: z.strictObject({
    name: localText("supervisoryAuthority.name", 200),
    url: z.url("supervisoryAuthority.url: the authority's web address"),
  }),
  /** Art. 30(1)(c): the categories of data subjects ("customers", "newsletter subscribers"). */
  dataSubjects: z.array(localText("dataSubjects", 200)).min(1, "organisation.dataSubjects: name who the data is about, e.g. customers"),
  /** Art. 30(1)(g): a general description of the security measures. */
  securityMeasures: localText("organisation.securityMeasures", 2000),
});
export type Organisation = z.infer<typeof organisationSchema>;

/**
 * The fields a person may ask to correct, offered on the correction form: a name each source's
 * `rectify` map uses (fullName, postalAddress, …) → its label per language. Sources say which of
 * their columns or API fields each one updates; a correction nobody maps becomes a task for staff.
 */
export const correctableFieldsSchema = z.record(
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,62}$/, "A correctable field's name: letters and digits, starting with a letter (e.g. postalAddress)"),
  z.strictObject({
    label: localText("label", 200),
    /** A help text under the field ("as on your delivery slip"). */
    hint: localText("hint", 300).optional(),
    /** Several lines (a postal address). */
    multiline: z.boolean().default(false),
  }),
);
export type CorrectableFields = z.infer<typeof correctableFieldsSchema>;
