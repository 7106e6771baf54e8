import { describe, expect, it } from "vitest";
import { addressHint, mergeSecrets, secretFields, withoutSecrets } from "./connector-secrets.ts";

describe("write-only connector secrets", () => {
  it("shows an address with its password, query and fragment blanked, and nothing for other values", () => {
    expect(addressHint("postgresql://shop:p%40ss@db.internal:5432/shop")).toBe("postgresql://shop:••••@db.internal:5432/shop");
    expect(addressHint("https://crm.example.com/dsar?token=abc#x")).toBe("https://crm.example.com/dsar?••••#••••");
    expect(addressHint("https://crm.example.com")).toBe("https://crm.example.com");
    expect(addressHint("s3cret-s3cret-s3cret")).toBeNull();
    expect(addressHint("mailto:someone@example.com")).toBeNull();
  });

  it("takes every secret of the type out of what the form shows, an http address included", () => {
    const http = { url: "https://crm.example.com/dsar?token=abc", secret: "k".repeat(32), timeoutSeconds: 30 };
    expect(withoutSecrets("http", http)).toEqual({ timeoutSeconds: 30 });
    expect(withoutSecrets("postgres", { url: "postgresql://a:b@h/d", hashSalt: "salt", tables: [] })).toEqual({ tables: [] });
    expect(withoutSecrets("manual", { instructions: "Shred them all" })).toEqual({ instructions: "Shred them all" });
    expect(http.url).toContain("token");
  });

  it("says which secrets are stored and which may be removed", () => {
    expect(secretFields("postgres", { url: "postgresql://a:b@h/d" })).toEqual([
      { name: "url", stored: true, hint: "postgresql://a:••••@h/d", optional: false },
      { name: "hashSalt", stored: false, hint: null, optional: true },
    ]);
    expect(secretFields("mysql", { url: "mysql://shop:p%40ss@db.internal:3306/shop" })).toEqual([
      { name: "url", stored: true, hint: "mysql://shop:••••@db.internal:3306/shop", optional: false },
      { name: "hashSalt", stored: false, hint: null, optional: true },
    ]);
    expect(withoutSecrets("mysql", { url: "mysql://a:b@h/d", hashSalt: "salt", tables: [] })).toEqual({ tables: [] });
    expect(secretFields("http", null).map((field) => [field.name, field.optional])).toEqual([
      ["secret", false],
      ["url", false],
    ]);
  });

  it("keeps a stored secret left empty, replaces it with a typed one, and removes an optional one on request", () => {
    const stored = { url: "postgresql://a:old@h/d", hashSalt: "old-salt", tables: [{ table: "t" }] };
    const visible = { tables: [{ table: "t2" }] };
    expect(mergeSecrets("postgres", visible, { url: "", hashSalt: "" }, [], stored)).toEqual({ ...stored, tables: [{ table: "t2" }] });
    expect(mergeSecrets("postgres", visible, { url: "postgresql://a:new@h/d" }, ["hashSalt"], stored)).toEqual({
      url: "postgresql://a:new@h/d",
      tables: [{ table: "t2" }],
    });
    // Nothing stored and nothing typed: the secret stays missing, for the type's schema to report.
    expect(mergeSecrets("postgres", visible, {}, [], null)).toEqual(visible);
    expect(visible).toEqual({ tables: [{ table: "t2" }] });
  });

  it("keeps a rest connector's credentials write-only, whichever kind of auth it uses", () => {
    expect(secretFields("rest", { auth: { type: "bearer", token: "sk_live_x" } }).map((f) => [f.name, f.stored])).toEqual([
      ["auth.token", true],
      ["auth.password", false],
      ["auth.value", false],
      ["auth.clientSecret", false],
    ]);
    const stored = { baseUrl: "https://api.example.com", auth: { type: "oauth2", clientId: "c", clientSecret: "s3cret" } };
    expect(withoutSecrets("rest", stored)).toEqual({ baseUrl: "https://api.example.com", auth: { type: "oauth2", clientId: "c" } });
    expect(mergeSecrets("rest", withoutSecrets("rest", stored), {}, [], stored)).toEqual(stored);
  });
});
