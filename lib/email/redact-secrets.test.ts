import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redactSecrets } from "./deliver-email.ts";

// deliver-email.ts reads env() lazily; set it anyway so nothing can trip over a missing variable.
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

const token = "q8Zk3vR1xW0yTn5mB7cL2pD9fH4jK6sA1eG8uI0oP3r";
const link = `http://localhost:3000/en/verify?token=${token}`;

describe("redactSecrets (the copy of an email kept after sending)", () => {
  it("blanks out every occurrence of a secret", () => {
    const text = "Your code is 482913. Type 482913 on the page, or reply with 482913.";
    expect(redactSecrets(text, ["482913"])).toBe("Your code is [private]. Type [private] on the page, or reply with [private].");
  });

  it("replaces a whole link that contains a token, not just the token", () => {
    const text = `Confirm your request: ${link}\nThe link works for 24 hours.`;
    const expected = "Confirm your request: [private]\nThe link works for 24 hours.";
    expect(redactSecrets(text, [token, link])).toBe(expected);
    expect(redactSecrets(text, [link, token])).toBe(expected);
  });

  it("blanks out a token that also appears outside the link", () => {
    const text = `Open ${link} or paste ${token} on the page.`;
    expect(redactSecrets(text, [token, link])).toBe("Open [private] or paste [private] on the page.");
  });

  it("blanks out several different secrets", () => {
    const text = `Code 482913, link ${link}, status page http://localhost:3000/en/status/abcd1234efgh.`;
    const result = redactSecrets(text, ["482913", link, "http://localhost:3000/en/status/abcd1234efgh"]);
    expect(result).toBe("Code [private], link [private], status page [private].");
  });

  it("ignores secrets shorter than 4 characters, which would blank out ordinary words", () => {
    const text = "Your request is on its way to our team.";
    expect(redactSecrets(text, ["our", "to", ""])).toBe(text);
  });

  it("blanks out a secret of exactly 4 characters", () => {
    expect(redactSecrets("PIN 7291, keep it safe.", ["7291"])).toBe("PIN [private], keep it safe.");
  });

  it("takes a secret literally, even with characters that mean something in a pattern", () => {
    const text = "Reference a.b*c+(1) and aXbbc+1";
    expect(redactSecrets(text, ["a.b*c+(1)"])).toBe("Reference [private] and aXbbc+1");
  });

  it("leaves the text unchanged when there are no secrets", () => {
    const text = `Confirm your request: ${link}`;
    expect(redactSecrets(text, [])).toBe(text);
  });

  it("leaves the text unchanged when no secret appears in it", () => {
    const text = "We received your request DSR-7K3M-Q9PX.";
    expect(redactSecrets(text, [token, link])).toBe(text);
  });
});
