import { describe, expect, it } from "vitest";
import { countValuePatterns, looksLikeCardNumber } from "./count-value-patterns.ts";

describe("counting what sampled values look like", () => {
  it("counts emails, phones, names, addresses, IP addresses and card numbers, and skips empty values", () => {
    const sample = countValuePatterns(
      [
        "ana@example.org",
        "+33 6 12 34 56 78",
        "(415) 555-0132",
        "Jane Doe",
        "jean",
        "12 rue de la Paix",
        "221B Baker Street",
        "192.0.2.1",
        "2001:db8::1",
        "4539 1488 0343 6467",
        "12345678",
        "Lyon",
        "",
        null,
        "   ",
      ],
      "text",
    );
    expect(sample).toEqual({
      values: 12,
      matches: { email: 1, phone: 2, "person-name": 2, "postal-address": 2, "ip-address": 2, "card-number": 1 },
    });
  });

  it("reads birth dates only in dates and midnight timestamps between 1900 and 2012", () => {
    expect(countValuePatterns(["1984-03-12", "2026-01-05", "1899-12-31", "2012-12-31"], "date")).toEqual({
      values: 4,
      matches: { "birth-date": 2 },
    });
    expect(countValuePatterns(["1984-03-12 00:00:00", "1984-03-12 10:30:00", "1984-03-12 00:00:00+00"], "timestamp").matches).toEqual({
      "birth-date": 2,
    });
  });

  it("never reads a number column's bare digits as a phone, nor numbers that fail the Luhn check as cards", () => {
    expect(countValuePatterns(["33612345678", "4539148803436468"], "number").matches).toEqual({});
    expect(looksLikeCardNumber("4539-1488-0343-6467")).toBe(true);
    expect(looksLikeCardNumber("4539 1488 0343 6468")).toBe(false);
    expect(looksLikeCardNumber("0000 0000 0000 0000")).toBe(false);
    expect(looksLikeCardNumber("123456789012")).toBe(false);
  });

  it("returns counts only, never a value", () => {
    const sample = countValuePatterns(["zq-secret@example.org", "Jane Zqsecret"], "text");
    expect(JSON.stringify(sample)).not.toMatch(/zq|secret/i);
  });
});
