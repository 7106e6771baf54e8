import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvError, envSchema, parseEnv } from "./env.ts";

const complete = {
  DATABASE_URL: "postgresql://127.0.0.1/dsar",
  REDIS_URL: "redis://127.0.0.1:6379",
  SMTP_URL: "smtp://127.0.0.1:1025",
  MAIL_FROM: "privacy@example.test",
  APP_URL: "http://localhost:3000",
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

function refusal(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("accepts a complete configuration and fills in the defaults", () => {
    const env = parseEnv(complete);
    expect(env).toMatchObject({
      ...complete,
      NODE_ENV: "development",
      QUEUE_BACKEND: "redis",
      QUEUE_PREFIX: "dsar",
      PORT: 3000,
      COMPANY_NAME: "Example Company",
      VERIFY_WITHIN_DAYS: 7,
      VERIFICATION_TTL_HOURS: 24,
      DEFAULT_JURISDICTION: "EU_GDPR",
      CONTROLLER_TIME_ZONE: "Europe/Paris",
      CONTROLLER_HOLIDAY_REGION: "FR",
      RATE_LIMIT_PER_IP_PER_HOUR: 20,
      RATE_LIMIT_PER_EMAIL_PER_DAY: 10,
      TRUST_PROXY: false,
      LOG_LEVEL: "info",
    });
  });

  it("turns numbers and booleans written as text into numbers and booleans", () => {
    const env = parseEnv({ ...complete, PORT: "8080", VERIFY_WITHIN_DAYS: "14", TRUST_PROXY: "1" });
    expect(env.PORT).toBe(8080);
    expect(env.VERIFY_WITHIN_DAYS).toBe(14);
    expect(env.TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...complete, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
  });

  it("accepts postgres:// as well as postgresql:// and rediss:// for TLS", () => {
    const env = parseEnv({ ...complete, DATABASE_URL: "postgres://db.internal:5432/dsar", REDIS_URL: "rediss://cache.internal:6380" });
    expect(env.DATABASE_URL).toBe("postgres://db.internal:5432/dsar");
    expect(env.REDIS_URL).toBe("rediss://cache.internal:6380");
  });

  it.each([
    { variable: "DATABASE_URL", value: "mysql://127.0.0.1/dsar", problem: "a MySQL URL" },
    { variable: "DATABASE_URL", value: "not a url", problem: "not a URL" },
    { variable: "ENCRYPTION_KEY", value: randomBytes(16).toString("base64"), problem: "16 bytes instead of 32" },
    { variable: "ENCRYPTION_KEY", value: "correct horse battery staple", problem: "a passphrase" },
    { variable: "CONTROLLER_TIME_ZONE", value: "Mars/Olympus_Mons", problem: "not an IANA zone" },
    { variable: "PORT", value: "70000", problem: "above 65535" },
    { variable: "PORT", value: "http", problem: "not a number" },
    { variable: "SMTP_URL", value: "http://mail.example.test", problem: "not an SMTP URL" },
    { variable: "APP_URL", value: "ftp://example.test", problem: "not an http(s) URL" },
    { variable: "VERIFY_WITHIN_DAYS", value: "0", problem: "zero days" },
    { variable: "TRUST_PROXY", value: "yes", problem: "not true/false/1/0" },
    { variable: "QUEUE_BACKEND", value: "kafka", problem: "an unknown backend" },
    { variable: "CONNECTOR_ALLOWED_HOSTS", value: "crm.internal, http://10.0.0.1/", problem: "a URL instead of a host" },
    { variable: "CONNECTOR_ALLOWED_HOSTS", value: "10.0.0.0/40", problem: "a range wider than IPv4 has" },
  ])("stops with a message naming $variable when it is $problem", ({ variable, value }) => {
    const error = refusal({ ...complete, [variable]: value });
    expect(error.name).toBe("EnvError");
    expect(error.message).toContain(variable);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${variable}: `));
  });

  it("says the key must be 32 random bytes in base64 when ENCRYPTION_KEY is wrong", () => {
    const error = refusal({ ...complete, ENCRYPTION_KEY: "short" });
    expect(error.message).toContain("ENCRYPTION_KEY: must be 32 random bytes in base64");
  });

  it("says the time zone must be an IANA zone when CONTROLLER_TIME_ZONE is wrong", () => {
    const error = refusal({ ...complete, CONTROLLER_TIME_ZONE: "Paris" });
    expect(error.message).toContain("CONTROLLER_TIME_ZONE: must be an IANA time zone such as Europe/Paris");
  });

  it("stops with a message naming SMTP_URL when it is missing", () => {
    const { SMTP_URL: _, ...withoutSmtp } = complete;
    const error = refusal(withoutSmtp);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^SMTP_URL: /);
  });

  it("lists every bad variable at once, one per line", () => {
    const error = refusal({ ...complete, PORT: "70000", DATABASE_URL: "mysql://x/y", MAIL_FROM: undefined });
    expect(error.problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["DATABASE_URL", "MAIL_FROM", "PORT"]);
    expect(error.message.split("\n")).toHaveLength(4);
  });

  it("reads CONNECTOR_ALLOWED_HOSTS as a list of names, addresses and ranges, empty by default", () => {
    expect(parseEnv(complete).CONNECTOR_ALLOWED_HOSTS).toEqual([]);
    const env = parseEnv({ ...complete, CONNECTOR_ALLOWED_HOSTS: " crm.internal,10.0.4.7 , 10.1.0.0/16,::1,fd00::/8" });
    expect(env.CONNECTOR_ALLOWED_HOSTS).toEqual(["crm.internal", "10.0.4.7", "10.1.0.0/16", "::1", "fd00::/8"]);
    expect(refusal({ ...complete, CONNECTOR_ALLOWED_HOSTS: "crm internal" }).problems).toEqual([
      'CONNECTOR_ALLOWED_HOSTS: "crm internal" is not a host name, an IP address or a CIDR range such as 10.0.0.0/8',
    ]);
  });

  it("reads the per-address staff sign-in limit, 30 in 15 minutes unless raised", () => {
    expect(parseEnv(complete).STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN).toBe(30);
    expect(parseEnv({ ...complete, STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN: "500" }).STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN).toBe(500);
    expect(refusal({ ...complete, STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN: "0" }).problems[0]).toMatch(
      /^STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN/,
    );
  });

  it("treats empty strings as not set, so defaults apply", () => {
    const env = parseEnv({ ...complete, PORT: "", VERIFY_WITHIN_DAYS: "", CONTROLLER_TIME_ZONE: "", COMPANY_NAME: "" });
    expect(env.PORT).toBe(3000);
    expect(env.VERIFY_WITHIN_DAYS).toBe(7);
    expect(env.CONTROLLER_TIME_ZONE).toBe("Europe/Paris");
    expect(env.COMPANY_NAME).toBe("Example Company");
  });

  it("treats an empty required variable as missing", () => {
    const error = refusal({ ...complete, DATABASE_URL: "" });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^DATABASE_URL: /);
  });

  it("refuses the Redis queue backend without REDIS_URL and says how to fix it", () => {
    const { REDIS_URL: _, ...withoutRedis } = complete;
    const error = refusal({ ...withoutRedis, QUEUE_BACKEND: "redis" });
    expect(error.problems).toEqual(["REDIS_URL: required when QUEUE_BACKEND is redis (or set QUEUE_BACKEND=postgres)"]);
  });

  it("refuses the default queue backend with an empty REDIS_URL", () => {
    const error = refusal({ ...complete, REDIS_URL: "" });
    expect(error.message).toContain("REDIS_URL");
  });

  it("runs without Redis when QUEUE_BACKEND is postgres", () => {
    const { REDIS_URL: _, ...withoutRedis } = complete;
    const env = parseEnv({ ...withoutRedis, QUEUE_BACKEND: "postgres" });
    expect(env.QUEUE_BACKEND).toBe("postgres");
    expect(env.REDIS_URL).toBeUndefined();
  });
});

describe("single sign-on settings", () => {
  const sso = { OIDC_ISSUER: "https://idp.example.test", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "secret" };

  it("reads the role map in order, roles in any letter case", () => {
    const env = parseEnv({
      ...complete,
      ...sso,
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ROLE_MAP: "privacy-admins=admin, privacy-agents=Agent,auditors=auditor",
    });
    expect(env.OIDC_ROLE_MAP).toEqual([
      { value: "privacy-admins", role: "ADMIN" },
      { value: "privacy-agents", role: "AGENT" },
      { value: "auditors", role: "AUDITOR" },
    ]);
  });

  it("refuses an http issuer unless it is on the loopback, and says so", () => {
    expect(refusal({ ...complete, ...sso, OIDC_ISSUER: "http://idp.example.test" }).problems[0]).toMatch(
      /^OIDC_ISSUER: must be an https:\/\/ address \(http:\/\/ is accepted only for a loopback issuer/,
    );
    expect(parseEnv({ ...complete, ...sso, OIDC_ISSUER: "http://127.0.0.1:4000" }).OIDC_ISSUER).toBe("http://127.0.0.1:4000");
  });

  it("names the missing half of the client and a role map entry that is not claimValue=role", () => {
    expect(refusal({ ...complete, OIDC_ISSUER: sso.OIDC_ISSUER, OIDC_CLIENT_ID: "portal" }).problems).toEqual([
      expect.stringMatching(/^OIDC_CLIENT_SECRET: required for single sign-on/),
    ]);
    expect(refusal({ ...complete, ...sso, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "admins=owner" }).problems[0]).toContain(
      '"admins=owner" is not claimValue=role',
    );
    expect(refusal({ ...complete, ...sso, OIDC_ROLE_MAP: "admins=admin" }).problems[0]).toMatch(
      /^OIDC_ROLE_CLAIM: required with OIDC_ROLE_MAP/,
    );
    expect(refusal({ ...complete, OIDC_ONLY: "true" }).problems[0]).toMatch(/^OIDC_ONLY:/);
  });
});

describe(".env.example", () => {
  // Written alongside lib/env.ts: an operator copies it, so it must mention every variable.
  it("documents every variable the portal reads", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const documented = new Set([...example.matchAll(/^[ \t]*#?[ \t]*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
    const missing = Object.keys(envSchema.shape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
