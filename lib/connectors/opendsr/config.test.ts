import { describe, expect, it } from "vitest";
import { makeTestCertificate } from "../../../tests/support/test-certificate.ts";
import { opendsrConfigSchema, processorDomainOf } from "./config.ts";
import { identitiesFor, subjectRequestIdFor, unsupportedBy } from "./protocol.ts";

const { certificatePem } = makeTestCertificate("opendsr.processor.test");
const valid = { baseUrl: "https://opendsr.processor.test/v2", apiKey: "key", apiSecret: "secret", certificate: certificatePem };

function problems(config: unknown): string[] {
  const result = opendsrConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("opendsr connector config", () => {
  it("fills in the defaults and takes the processor's domain from the address", () => {
    const config = opendsrConfigSchema.parse(valid);
    expect(config).toEqual({
      ...valid,
      regulation: "gdpr",
      apiVersion: "2.0",
      identityTypes: ["email"],
      identityFormat: "raw",
      pollIntervalMinutes: 60,
      waitDays: 30,
      timeoutSeconds: 30,
    });
    expect(processorDomainOf(config)).toBe("opendsr.processor.test");
    expect(processorDomainOf({ ...config, processorDomain: "Signing.Processor.test" })).toBe("signing.processor.test");
  });

  it("names each problem with its path", () => {
    expect(problems({ ...valid, baseUrl: "http://opendsr.processor.test/v2" })).toEqual([
      "baseUrl: use https; plain http is allowed only for localhost or 127.0.0.1 (got opendsr.processor.test)",
    ]);
    expect(problems({ ...valid, certificate: "hello" })).toEqual([
      "certificate: paste the processor's certificate in PEM form (-----BEGIN CERTIFICATE----- …)",
    ]);
    expect(problems({ ...valid, certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" })).toEqual([
      "certificate: is not a readable X.509 certificate in PEM form",
    ]);
    expect(problems({ ...valid, identityTypes: ["controller_customer_id"] })).toEqual([
      "identityTypes: must include email: the address the person proved is always sent",
    ]);
    expect(problems({ ...valid, identityTypes: ["email", "phone"] })).toEqual(["identityTypes.1: one of email, controller_customer_id"]);
    expect(problems({ ...valid, regulation: "lgpd" })).toEqual(["regulation: gdpr or ccpa: the regulation requests fall under"]);
    expect(problems({ ...valid, pollIntervalMinutes: 0 })).toEqual(["pollIntervalMinutes: between 1 and 1440 (one day)"]);
    expect(problems({ ...valid, apiSecret: "" })).toEqual(["apiSecret: the API secret the processor issued to you"]);
    expect(problems({ ...valid, retries: 2 })).toEqual([expect.stringMatching(/retries/)]);
  });
});

describe("opendsr protocol", () => {
  it("derives a stable lowercase UUID v4 per task, different for each task", () => {
    const id = subjectRequestIdFor("0b7c6a52-59f4-4c55-9d0c-0f8d1c3f7e21");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(subjectRequestIdFor("0B7C6A52-59F4-4C55-9D0C-0F8D1C3F7E21")).toBe(id);
    expect(subjectRequestIdFor("1b7c6a52-59f4-4c55-9d0c-0f8d1c3f7e21")).not.toBe(id);
  });

  it("names the person by account id alone only where controller_customer_id is configured; otherwise says nobody could be found", () => {
    const both = opendsrConfigSchema.parse({ ...valid, identityTypes: ["email", "controller_customer_id"] });
    expect(identitiesFor(both, { email: null, accountId: "C-42" })).toEqual([
      { identity_type: "controller_customer_id", identity_value: "C-42", identity_format: "raw" },
    ]);
    const emailOnly = opendsrConfigSchema.parse({ ...valid, identityTypes: ["email"] });
    expect(() => identitiesFor(emailOnly, { email: null, accountId: "C-42" })).toThrow(
      /names the person by account id only: it could not find anyone/,
    );
  });

  it("sends the proven email always, the account id only once confirmed and asked for", () => {
    const config = opendsrConfigSchema.parse({ ...valid, identityTypes: ["email", "controller_customer_id"] });
    expect(identitiesFor(config, { email: " Ada@Example.com ", accountId: null })).toEqual([
      { identity_type: "email", identity_value: "ada@example.com", identity_format: "raw" },
    ]);
    expect(identitiesFor(config, { email: "ada@example.com", accountId: "C-42" })).toEqual([
      { identity_type: "email", identity_value: "ada@example.com", identity_format: "raw" },
      { identity_type: "controller_customer_id", identity_value: "C-42", identity_format: "raw" },
    ]);
    expect(identitiesFor(opendsrConfigSchema.parse(valid), { email: "ada@example.com", accountId: "C-42" })).toHaveLength(1);
    const hashed = identitiesFor(opendsrConfigSchema.parse({ ...valid, identityFormat: "sha256" }), { email: "ada@example.com" });
    expect(hashed).toEqual([
      {
        identity_type: "email",
        identity_value: "b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72",
        identity_format: "sha256",
      },
    ]);
  });

  it("says what the processor's discovery document lacks", () => {
    const config = opendsrConfigSchema.parse({ ...valid, identityTypes: ["email", "controller_customer_id"] });
    const discovery = {
      api_version: "2.0",
      supported_identities: [{ identity_type: "email", identity_format: "raw" }],
      supported_subject_request_types: ["erasure"],
    };
    expect(unsupportedBy(discovery, config, ["erasure"])).toEqual(["the identity controller_customer_id in raw format"]);
    expect(unsupportedBy(discovery, config, ["access"])).toEqual([
      'the request type "access"',
      "the identity controller_customer_id in raw format",
    ]);
  });
});
