// The language switch follows only paths of this site, whatever encoding hides a second slash.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET } from "./route.ts";

const BASE = "https://portal.example";

function locationFor(next: string, to = "fr"): string {
  const url = new URL("/language", BASE);
  url.searchParams.set("to", to);
  url.searchParams.set("next", next);
  const response = GET(new Request(url));
  expect(response.status).toBe(303);
  return response.headers.get("location") as string;
}

/** What a server that decodes the path (as Next.js does) would route, and where a browser would go. */
function staysHere(location: string): boolean {
  if (new URL(location, BASE).origin !== BASE) return false;
  let path = location.split("?")[0];
  for (let i = 0; i < 3; i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return false;
    }
    const normalised = new URL(path.replace(/\\/g, "/"), BASE);
    if (normalised.origin !== BASE || /^[/\\]{2}/.test(path) || /\p{Cc}/u.test(path)) return false;
  }
  return true;
}

describe("GET /language", () => {
  it.each([
    ["/fr/privacy", "/fr/privacy"],
    ["/fr/status/AbC_-12345678901234567890?confirm=DSR-AAAA-BBBB", "/fr/status/AbC_-12345678901234567890?confirm=DSR-AAAA-BBBB"],
    ["/en/", "/en/"],
    ["/fr/privacy#section", "/fr/privacy"],
    ["/fr/caf%C3%A9", "/fr/caf%C3%A9"],
  ])("follows the path %s", (next, expected) => {
    expect(locationFor(next)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/.%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/.%2f%2fevil.example/x",
    "/%252F%252Fevil.example",
    "/%5C%5Cevil.example",
    "/%5cevil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/./%2F/evil.example",
    "/../evil.example",
    "/fr/%2e%2e/%2e%2e//evil.example",
    "/fr//evil.example",
    "/%E0%A4%A",
    "/%ED%A0%80",
    "https://evil.example",
    "evil.example",
    "",
  ])("refuses %j and goes to the language's home page", (next) => {
    expect(locationFor(next)).toBe("/fr");
  });

  it("never sends anyone off the site, whatever the input (seeded)", () => {
    const pieces = fc.constantFrom(
      "/",
      "//",
      "\\",
      ".",
      "..",
      "%2F",
      "%2f",
      "%5C",
      "%252F",
      "%2E",
      "%09",
      "%00",
      "\t",
      "evil.example",
      "fr",
      "?",
      "#",
      "%",
      "%E0%A4",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 8 }), (parts) => {
        const next = `/${parts.join("")}`;
        expect(staysHere(locationFor(next))).toBe(true);
      }),
      { seed: 20261207, numRuns: 1000 },
    );
  });
});
