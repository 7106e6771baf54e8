import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptString, emailHash, encryptString, keyedHash, randomCode, randomReference, randomToken } from "./crypto.ts";

// env() parses process.env once, on the first call (made lazily by crypto.ts, after these lines run).
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

/** Replaces the first character of one dot-separated part with another valid base64url character. */
function tamper(envelope: string, partIndex: number): string {
  const parts = envelope.split(".");
  const part = parts[partIndex];
  parts[partIndex] = (part[0] === "A" ? "B" : "A") + part.slice(1);
  return parts.join(".");
}

describe("encryptString and decryptString", () => {
  it.each([
    { what: "plain ASCII text", text: "https://portal.example/verify?token=abc123" },
    { what: "accented and non-Latin text", text: "Élodie Ñúñez — 東京都 🙂" },
    { what: "an empty string", text: "" },
    { what: "a long text", text: "x".repeat(100_000) },
  ])("gives back $what unchanged", ({ text }) => {
    expect(decryptString(encryptString(text))).toBe(text);
    expect(decryptString(encryptString(text, "email-props"), "email-props")).toBe(text);
  });

  it("writes a versioned envelope of four base64url parts that does not contain the text", () => {
    const envelope = encryptString("jane.doe@example.com");
    expect(envelope).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/);
    expect(envelope).not.toContain("jane");
  });

  it("encrypts the same text differently each time", () => {
    const first = encryptString("same text");
    const second = encryptString("same text");
    expect(first).not.toBe(second);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
  });

  it.each([
    { part: "version", index: 0 },
    { part: "nonce", index: 1 },
    { part: "authentication tag", index: 2 },
    { part: "ciphertext", index: 3 },
  ])("refuses an envelope whose $part was changed by one character", ({ index }) => {
    const envelope = encryptString("Transfer the account to someone else");
    const tampered = tamper(envelope, index);
    expect(tampered).not.toBe(envelope);
    expect(() => decryptString(tampered)).toThrow();
  });

  it("refuses an envelope whose authentication tag was cut short", () => {
    // A 4-byte prefix of the real 16-byte tag: without a fixed tag length, GCM checks only those 4 bytes.
    const [version, iv, tag, ciphertext] = encryptString("Transfer the account to someone else").split(".");
    const shortTag = Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url");
    expect(() => decryptString([version, iv, shortTag, ciphertext].join("."))).toThrow();
  });

  it("refuses text that is not an envelope of this portal", () => {
    expect(() => decryptString("hello")).toThrow("unknown envelope format");
    expect(() => decryptString("v1.abc.def")).toThrow("unknown envelope format");
  });

  it("does not decrypt a value for another purpose than the one it was encrypted for", () => {
    const envelope = encryptString("secret", "email-props");
    expect(() => decryptString(envelope, "secrets")).toThrow();
    expect(() => decryptString(envelope)).toThrow();
  });
});

describe("keyedHash", () => {
  it("gives the same hash for the same purpose and value", () => {
    expect(keyedHash("code", "123456")).toBe(keyedHash("code", "123456"));
  });

  it("gives different hashes for different purposes or values", () => {
    expect(keyedHash("code", "123456")).not.toBe(keyedHash("token", "123456"));
    expect(keyedHash("code", "123456")).not.toBe(keyedHash("code", "123457"));
  });

  it("is a 256-bit base64url digest that does not contain the value", () => {
    const hash = keyedHash("code", "123456");
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain("123456");
  });
});

describe("emailHash", () => {
  it("matches the same address whatever its case and surrounding spaces", () => {
    expect(emailHash("  Jane.Doe@Example.COM \n")).toBe(emailHash("jane.doe@example.com"));
  });

  it("tells different addresses apart", () => {
    expect(emailHash("jane.doe@example.com")).not.toBe(emailHash("john.doe@example.com"));
  });

  it("is not the plain hash an outsider could compute for an address", () => {
    expect(emailHash("jane.doe@example.com")).not.toBe(keyedHash("code", "jane.doe@example.com"));
  });
});

describe("randomReference", () => {
  const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const references = Array.from({ length: 1000 }, () => randomReference());

  it("looks like DSR- then two groups of four Crockford characters", () => {
    for (const reference of references) expect(reference).toMatch(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it("never uses the easily misread letters I, L, O or U", () => {
    for (const reference of references) expect(reference.slice(4)).not.toMatch(/[ILOU]/);
  });

  it("uses every character of the Crockford alphabet", () => {
    // 8,000 characters drawn: the chance that one of 32 never shows up is about e^-250.
    const seen = new Set(references.flatMap((reference) => reference.replace(/^DSR-/, "").replace("-", "").split("")));
    expect([...seen].sort().join("")).toBe(crockford);
  });
});

describe("randomCode", () => {
  it("is always exactly six digits, keeping leading zeros", () => {
    const codes = Array.from({ length: 1000 }, () => randomCode());
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    // About one code in ten is below 100000; none showing up among 1,000 has a chance of about 1e-46.
    expect(codes.some((code) => code.startsWith("0"))).toBe(true);
  });
});

describe("randomToken", () => {
  it("is URL-safe and 43 characters long for 32 bytes", () => {
    for (let i = 0; i < 100; i++) expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(32)).toHaveLength(43);
  });

  it("follows the requested number of bytes", () => {
    expect(Buffer.from(randomToken(16), "base64url")).toHaveLength(16);
  });

  it("is different every time", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()));
    expect(tokens.size).toBe(100);
  });
});
