import { describe, expect, it } from "vitest";
import { httpConfigSchema } from "./config.ts";
import { httpConnector } from "./index.ts";

const secret = "0123456789abcdef0123456789abcdef";
const valid = { url: "https://crm.example.com/dsar", secret };

function problems(config: unknown): string[] {
  const result = httpConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("http connector config", () => {
  it("fills in the defaults", () => {
    expect(httpConfigSchema.parse(valid)).toEqual({ ...valid, timeoutSeconds: 30, callbackWaitMinutes: 60 });
  });

  it("accepts every documented option, and its own output again", () => {
    const config = { ...valid, timeoutSeconds: 10, callbackWaitMinutes: 10080, headers: { "X-Tenant": "shop" } };
    expect(httpConfigSchema.parse(config)).toEqual(config);
    expect(httpConfigSchema.parse(httpConfigSchema.parse(config))).toEqual(config);
  });

  it("allows plain http only for localhost", () => {
    expect(problems({ ...valid, url: "http://localhost:8080/dsar" })).toEqual([]);
    expect(problems({ ...valid, url: "http://127.0.0.1:8080/dsar" })).toEqual([]);
    expect(problems({ ...valid, url: "http://crm.example.com/dsar" })).toEqual([
      "url: use https; plain http is allowed only for localhost or 127.0.0.1 (got crm.example.com)",
    ]);
    expect(problems({ ...valid, url: "http://localhost.evil.example/dsar" })[0]).toMatch(/^url: use https/);
  });

  it("refuses an address that is not an http(s) URL, or carries credentials", () => {
    expect(problems({ ...valid, url: "ftp://crm.example.com/dsar" })[0]).toMatch(/^url: give the full address/);
    expect(problems({ ...valid, url: "crm.example.com/dsar" })[0]).toMatch(/^url: /);
    expect(problems({ ...valid, url: "https://user:pw@crm.example.com/dsar" })[0]).toMatch(
      /^url: must not contain a user name or password/,
    );
  });

  it("asks for a secret of at least 32 characters", () => {
    expect(problems({ ...valid, secret: "x".repeat(31) })[0]).toMatch(/^secret: at least 32 characters/);
    expect(problems({ ...valid, secret: "x".repeat(32) })).toEqual([]);
    expect(problems({ url: valid.url })[0]).toMatch(/^secret: /);
  });

  it("keeps timeouts and callback waits in range", () => {
    expect(problems({ ...valid, timeoutSeconds: 0 })[0]).toMatch(/^timeoutSeconds: /);
    expect(problems({ ...valid, timeoutSeconds: 2.5 })[0]).toMatch(/^timeoutSeconds: /);
    expect(problems({ ...valid, callbackWaitMinutes: 0 })).toEqual(["callbackWaitMinutes: between 1 and 10080 (one week)"]);
    expect(problems({ ...valid, callbackWaitMinutes: 10081 })).toEqual(["callbackWaitMinutes: between 1 and 10080 (one week)"]);
  });

  it("refuses unknown keys", () => {
    expect(problems({ ...valid, retries: 3 })).toEqual([expect.stringMatching(/retries/)]);
  });

  it("refuses headers that would replace the signature or carry credentials", () => {
    for (const name of ["Authorization", "authorization", "X-DSAR-Signature", "x-dsar-timestamp", "Content-Type", "Host"]) {
      expect(problems({ ...valid, headers: { [name]: "x" } })).toEqual([
        expect.stringMatching(new RegExp(`^headers.${name}: ${name} cannot be set here`)),
      ]);
    }
    expect(problems({ ...valid, headers: { "Bad Name": "x" } })).toHaveLength(1);
    expect(problems({ ...valid, headers: { "X-Ok": "a\r\nInjected: yes" } })[0]).toMatch(/line breaks/);
  });

  it("declares the secret as a secret", () => {
    expect(httpConnector.secretPaths).toEqual([["secret"]]);
    expect(httpConnector.type).toBe("http");
  });
});
