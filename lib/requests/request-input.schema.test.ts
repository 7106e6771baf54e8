import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { catalogues } from "../i18n/catalogue.ts";
import { validationKeyOf } from "../i18n/validation-keys.ts";
import { localiseIssues, validationMessage } from "../i18n/validation-messages.ts";
import { answerSchema } from "./answer-information-request.ts";
import { createRequestSchema, requestFormSchema, requestTypes } from "./request-input.schema.ts";

const person = { email: "jane.doe@example.com", country: "FR" };
const correction = { field: "Postal address", correctValue: "12 rue de la Paix, 75002 Paris" };

/** The issues of a refused input as `path → message key`. */
function refusal(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("createRequestSchema (POST /api/v1/requests)", () => {
  it.each(requestTypes)("accepts a %s request", (type) => {
    const input = { type, ...person, ...(type === "rectification" ? { corrections: [correction] } : {}) };
    const result = createRequestSchema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data?.type).toBe(type);
  });

  it("accepts every optional field", () => {
    const input = {
      type: "rectification",
      ...person,
      fullName: "Jane Doe",
      locale: "fr",
      accountId: "C-1042",
      details: "Since my move in March.",
      corrections: [{ ...correction, currentValue: "3 avenue Foch" }],
    };
    expect(createRequestSchema.parse(input)).toEqual(input);
  });

  it("trims spaces around what the person typed", () => {
    const data = createRequestSchema.parse({
      type: "access",
      email: "  jane.doe@example.com ",
      country: " fr ",
      fullName: "  Jane Doe ",
      accountId: " C-1042\n",
      details: "\tPlease send everything. ",
    });
    expect(data).toMatchObject({
      email: "jane.doe@example.com",
      country: "FR",
      fullName: "Jane Doe",
      accountId: "C-1042",
      details: "Please send everything.",
    });
  });

  it("accepts a country in lower case and stores it in upper case", () => {
    expect(createRequestSchema.parse({ type: "access", ...person, country: "de" }).country).toBe("DE");
  });

  it.each(["ZZ", "France", "", "EU"])("refuses the unknown country %j", (country) => {
    expect(refusal(createRequestSchema, { type: "access", ...person, country })).toEqual({ country: "validation.country" });
  });

  it.each([
    { country: "US", region: "US-CA" },
    { country: "us", region: "us-ca" },
    { country: "CA", region: "CA-QC" },
    { country: "US", region: "US-PR" },
  ])("accepts $region as a region of $country", ({ country, region }) => {
    const data = createRequestSchema.parse({ type: "access", ...person, country, region });
    expect(data.region).toBe(region.toUpperCase());
  });

  it.each(["US", "CA"])("asks for the state or province of someone living in %s", (country) => {
    expect(refusal(createRequestSchema, { type: "access", ...person, country })).toEqual({ region: "validation.regionRequired" });
    expect(refusal(createRequestSchema, { type: "access", ...person, country, region: "  " })).toEqual({
      region: "validation.regionRequired",
    });
  });

  it.each([
    { country: "US", region: "CA-QC" },
    { country: "CA", region: "US-CA" },
    { country: "US", region: "CA" },
    { country: "US", region: "US-XX" },
    { country: "FR", region: "FR-75" },
    { country: "DE", region: "US-CA" },
  ])("refuses the region $region for $country", ({ country, region }) => {
    expect(refusal(createRequestSchema, { type: "access", ...person, country, region })).toEqual({ region: "validation.region" });
  });

  it("asks a rectification for at least one correction", () => {
    expect(refusal(createRequestSchema, { type: "rectification", ...person })).toEqual({ corrections: "validation.correctionsRequired" });
    expect(refusal(createRequestSchema, { type: "rectification", ...person, corrections: [] })).toEqual({
      corrections: "validation.correctionsRequired",
    });
  });

  it("accepts 20 corrections and refuses 21", () => {
    const corrections = (count: number) => Array.from({ length: count }, (_, i) => ({ field: `Field ${i}`, correctValue: "right" }));
    expect(createRequestSchema.safeParse({ type: "rectification", ...person, corrections: corrections(20) }).success).toBe(true);
    expect(refusal(createRequestSchema, { type: "rectification", ...person, corrections: corrections(21) })).toEqual({
      corrections: "validation.correctionsTooMany",
    });
  });

  it("points at the incomplete line of a correction", () => {
    const corrections = [correction, { field: "  ", correctValue: "" }];
    expect(refusal(createRequestSchema, { type: "rectification", ...person, corrections })).toEqual({
      "corrections.1.field": "validation.correctionField",
      "corrections.1.correctValue": "validation.correctionValue",
    });
  });

  it("refuses fields it does not know", () => {
    const result = createRequestSchema.safeParse({ type: "access", ...person, emial: "jane.doe@example.com" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["emial"] })]);
  });

  it("turns empty optional text into 'not given'", () => {
    const data = createRequestSchema.parse({ type: "access", ...person, fullName: "", accountId: "   ", details: "", region: "" });
    expect(data.fullName).toBeUndefined();
    expect(data.accountId).toBeUndefined();
    expect(data.details).toBeUndefined();
    expect(data.region).toBeUndefined();
    const rectification = createRequestSchema.parse({
      type: "rectification",
      ...person,
      corrections: [{ ...correction, currentValue: " " }],
    });
    expect(rectification.corrections?.[0].currentValue).toBeUndefined();
  });

  it("accepts an address of 254 characters and refuses one of 255", () => {
    const address = (length: number) => `a@${"b".repeat(length - 6)}.com`;
    expect(address(254)).toHaveLength(254);
    expect(createRequestSchema.safeParse({ type: "access", ...person, email: address(254) }).success).toBe(true);
    expect(refusal(createRequestSchema, { type: "access", ...person, email: address(255) })).toEqual({ email: "validation.email" });
  });

  it.each([
    { field: "email", value: "jane.doe", key: "validation.email" },
    { field: "email", value: 42, key: "validation.email" },
    { field: "type", value: "delete-everything", key: "validation.type" },
    { field: "locale", value: "de", key: "validation.locale" },
    { field: "fullName", value: "J".repeat(201), key: "validation.fullName" },
    { field: "accountId", value: "1".repeat(101), key: "validation.accountId" },
    { field: "details", value: "x".repeat(5001), key: "validation.details" },
    { field: "corrections", value: "my address", key: "validation.corrections" },
  ])("answers a bad $field with the key $key", ({ field, value, key }) => {
    expect(refusal(createRequestSchema, { type: "access", ...person, [field]: value })).toEqual({ [field]: key });
  });

  it("names the missing email and right", () => {
    expect(refusal(createRequestSchema, { country: "FR" })).toEqual({ type: "validation.type", email: "validation.email" });
  });
});

describe("requestFormSchema (the web form)", () => {
  it("accepts several rights at once", () => {
    const data = requestFormSchema.parse({ types: ["access", "erasure", "portability"], ...person });
    expect(data.types).toEqual(["access", "erasure", "portability"]);
  });

  it("asks for at least one right", () => {
    expect(refusal(requestFormSchema, { types: [], ...person })).toEqual({ types: "validation.types" });
  });

  it("refuses a right that does not exist", () => {
    expect(refusal(requestFormSchema, { types: ["access", "forget-me"], ...person })).toEqual({ "types.1": "validation.type" });
  });

  it("asks for corrections when rectification is among the rights", () => {
    expect(refusal(requestFormSchema, { types: ["access", "rectification"], ...person })).toEqual({
      corrections: "validation.correctionsRequired",
    });
    expect(requestFormSchema.safeParse({ types: ["access", "rectification"], ...person, corrections: [correction] }).success).toBe(true);
  });

  it("applies the same country and region rules as the API", () => {
    expect(requestFormSchema.parse({ types: ["access"], ...person, country: "ca", region: "ca-qc" })).toMatchObject({
      country: "CA",
      region: "CA-QC",
    });
    expect(refusal(requestFormSchema, { types: ["access"], ...person, country: "US", region: "CA-QC" })).toEqual({
      region: "validation.region",
    });
    expect(refusal(requestFormSchema, { types: ["access"], ...person, country: "US" })).toEqual({ region: "validation.regionRequired" });
  });

  it("turns empty optional fields into 'not given'", () => {
    const data = requestFormSchema.parse({ types: ["access"], ...person, fullName: "", region: "", details: " " });
    expect(data.fullName).toBeUndefined();
    expect(data.region).toBeUndefined();
    expect(data.details).toBeUndefined();
  });
});

describe("localiseIssues", () => {
  const badInput = {
    type: "rectification",
    email: "jane.doe",
    country: "US",
    corrections: [{ field: "Address", correctValue: "" }],
  };
  const issues = createRequestSchema.safeParse(badInput).error?.issues ?? [];

  it("tells an English speaker what to fix, field by field", () => {
    expect(localiseIssues(issues, "en")).toEqual([
      { path: "email", message: "Enter a valid email address, such as name@example.com." },
      { path: "corrections.0.correctValue", message: "Give the correct value (at most 1,000 characters)." },
      { path: "region", message: "Choose your state or province: the law that protects you depends on it." },
    ]);
  });

  it("tells a French speaker the same in French", () => {
    expect(localiseIssues(issues, "fr")).toEqual([
      { path: "email", message: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr." },
      { path: "corrections.0.correctValue", message: "Indiquez la valeur exacte (au plus 1 000 caractères)." },
      { path: "region", message: "Choisissez votre État ou votre province : la loi qui vous protège en dépend." },
    ]);
  });

  it("falls back to a generic sentence, never a raw key or zod's English, for a message it does not know", () => {
    const issue = { path: ["whatever"], message: "Invalid input: expected string, received number" };
    expect(localiseIssues([issue], "en")).toEqual([{ path: "whatever", message: "This value is not valid." }]);
    expect(localiseIssues([issue], "fr")).toEqual([{ path: "whatever", message: "Cette valeur n’est pas valide." }]);
  });

  it("has a text for every key the request schemas use", () => {
    const inputs: Array<[z.ZodType, unknown]> = [
      [createRequestSchema, { type: "nope", email: "x", country: "ZZ", region: "??", locale: "de", fullName: "x".repeat(201) }],
      [
        createRequestSchema,
        { type: "rectification", email: "a@b.co", country: "US", accountId: "1".repeat(101), details: "x".repeat(5001) },
      ],
      [
        createRequestSchema,
        { type: "rectification", ...person, corrections: [{ field: "", correctValue: "", currentValue: "x".repeat(1001) }] },
      ],
      [createRequestSchema, { type: "rectification", ...person, corrections: "x" }],
      [createRequestSchema, { type: "rectification", ...person, corrections: Array.from({ length: 21 }, () => correction) }],
      [requestFormSchema, { types: [], ...person }],
    ];
    const keys = new Set(inputs.flatMap(([schema, input]) => schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? []));
    expect(keys.size).toBeGreaterThanOrEqual(15);
    for (const key of keys) expect(validationKeyOf(key), key).toBe(key);
  });
});

describe("the validation catalogue", () => {
  it("has no empty or untranslated text", () => {
    const frenchTexts: Record<string, string> = catalogues.fr.validation;
    for (const [key, english] of Object.entries(catalogues.en.validation)) {
      const french = frenchTexts[key];
      expect(english.trim()).not.toBe("");
      expect(french.trim()).not.toBe("");
      expect(french, key).not.toBe(english);
    }
  });
});

describe("hostile characters in the request form and the public API", () => {
  const form = {
    types: ["rectification"],
    email: "jane.doe@example.com",
    country: "FR",
    fullName: "Jane Doe",
    accountId: "C-1042",
    details: "Line one\r\nline two\tend",
    corrections: [{ field: "address", correctValue: "1 rue de la Paix", currentValue: "2 rue de la Paix" }],
  };
  const fields = [
    "email",
    "fullName",
    "accountId",
    "details",
    "corrections.0.field",
    "corrections.0.correctValue",
    "corrections.0.currentValue",
  ];

  it("accepts line breaks and tabs in the multi-line fields", () => {
    expect(requestFormSchema.safeParse(form).success).toBe(true);
  });

  it.each(["\u0000", "\uD800", "\uDFFF", "\u001b", "\u0085"])("names each field holding %j", (bad) => {
    for (const field of fields) {
      const copy = structuredClone(form) as Record<string, unknown>;
      const keys = field.split(".");
      let target = copy;
      for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
      target[keys[keys.length - 1]] = `x${bad}y`;
      const parsed = requestFormSchema.safeParse(copy);
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
    }
  });
});

describe("the answer to the privacy team (status page)", () => {
  it("keeps line breaks and refuses hostile characters with their own message", () => {
    expect(answerSchema.safeParse({ answer: "My number is C-1042.\nThanks." }).success).toBe(true);
    for (const bad of ["\u0000", "\uD800", "\u001b"]) {
      const parsed = answerSchema.safeParse({ answer: `C-1042${bad}` });
      expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["answer"], message: "validation.text" })]);
    }
    expect(validationMessage("fr", "validation.text")).toMatch(/caractères de contrôle/);
  });
});

describe("someone filing on the person's behalf", () => {
  const agent = { name: "Ada Agent", email: "ada@agents.example", organisation: "Privacy Helpers" };

  it("the form takes the agent's name, email and organisation, the organisation optional", () => {
    const parsed = requestFormSchema.parse({ types: ["access"], ...person, agent: { ...agent, organisation: "  " } });
    expect(parsed.agent).toEqual({ name: "Ada Agent", email: "ada@agents.example", organisation: undefined });
    expect(requestFormSchema.parse({ types: ["access"], ...person }).agent).toBeUndefined();
  });

  it("names each missing or wrong agent field", () => {
    expect(refusal(requestFormSchema, { types: ["access"], ...person, agent: { name: " ", email: "not-an-email" } })).toEqual({
      "agent.name": "validation.agentName",
      "agent.email": "validation.agentEmail",
    });
    expect(refusal(requestFormSchema, { types: ["access"], ...person, agent: { ...agent, organisation: "x".repeat(201) } })).toEqual({
      "agent.organisation": "validation.agentOrganisation",
    });
  });

  it("the API refuses agent fields with a message saying where to file instead, in both languages", () => {
    expect(refusal(createRequestSchema, { type: "access", ...person, agent })).toEqual({ agent: "validation.agentNotByApi" });
    const issues = createRequestSchema.safeParse({ type: "access", ...person, agent: null }).error?.issues ?? [];
    expect(localiseIssues(issues, "fr")[0].message).toMatch(/formulaire web/);
    expect(validationMessage("en", "validation.agentNotByApi")).toMatch(/web form/);
  });
});
