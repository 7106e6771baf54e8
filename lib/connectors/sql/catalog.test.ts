import { describe, expect, it, vi } from "vitest";
import { CATALOG_CACHE_MS, readCatalogOrThrow } from "./catalog.ts";
import type { SqlConfig } from "./config.ts";
import type { Catalog, SqlDialect, SqlSession } from "./dialect.ts";

const session = {} as SqlSession;
const configOf = (url: string, emailColumn = "email") =>
  ({ url, tables: [{ table: "customers", identity: { email: emailColumn }, erase: { strategy: "delete" } }] }) as unknown as SqlConfig;

function fakeDialect(columns: string[]) {
  const readCatalog = vi.fn(async (): Promise<Catalog> => new Map([["customers", new Map(columns.map((name) => [name, {}]))]]) as never);
  return { dialect: { schemaOf: () => "public", readCatalog } as unknown as SqlDialect<SqlConfig>, readCatalog };
}

describe("readCatalogOrThrow", () => {
  it("reads a connector's catalog once per version of its config, and again when the config changes or the time is up", async () => {
    const { dialect, readCatalog } = fakeDialect(["email", "name"]);
    const now = Date.parse("2026-03-14T09:30:00Z");
    const config = configOf("postgresql://a/shop");
    await readCatalogOrThrow(dialect, session, config, now);
    await readCatalogOrThrow(dialect, session, configOf("postgresql://a/shop"), now + 1000);
    expect(readCatalog).toHaveBeenCalledTimes(1);
    await readCatalogOrThrow(dialect, session, configOf("postgresql://a/shop", "name"), now + 2000);
    expect(readCatalog).toHaveBeenCalledTimes(2);
    await readCatalogOrThrow(dialect, session, config, now + CATALOG_CACHE_MS + 1);
    expect(readCatalog).toHaveBeenCalledTimes(3);
  });

  it("never keeps a catalog that misses a mapped column: the next run names it again", async () => {
    const { dialect, readCatalog } = fakeDialect(["name"]);
    const config = configOf("postgresql://b/shop");
    await expect(readCatalogOrThrow(dialect, session, config)).rejects.toThrow('Table "customers" has no column "email"');
    await expect(readCatalogOrThrow(dialect, session, config)).rejects.toThrow('Table "customers" has no column "email"');
    expect(readCatalog).toHaveBeenCalledTimes(2);
  });
});
