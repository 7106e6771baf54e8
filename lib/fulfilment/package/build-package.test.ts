import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccessRecord } from "../../connectors/connector.ts";
import { type BuildPackageOptions, buildPackage } from "./build-package.ts";
import { createPackageKey } from "./encrypted-file.ts";
import { type PackageEntry, parseCsv, readPackageEntries, recordsOf } from "./package.test-support.ts";

// env() parses process.env once, on the first call (made lazily by lib/crypto.ts, after these lines run).
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
process.env.SMTP_URL = "smtp://127.0.0.1:1025";
process.env.MAIL_FROM = "a@b.test";
process.env.APP_URL = "http://localhost:3000";
process.env.REDIS_URL = "redis://127.0.0.1:6379";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

const customer1 = {
  id: 1,
  name: "Élodie Núñez",
  city: "Paris, France",
  quote: 'She said "bonjour"',
  note: "first line\nsecond line",
  formula: '=HYPERLINK("http://evil.test","click")',
  balance: -12.5,
  address: { street: "12, rue de la Paix", zip: "75002" },
};
const customer2 = { id: 2, name: "Zoë", loyaltyTier: "@gold", tags: ["a", "b"], constructor: "a field named constructor" };
const shopRecords: AccessRecord[] = [
  { source: "shop", category: "customers", fields: customer1 },
  { source: "shop", category: "orders", fields: { orderId: "A-1", total: 19.9 } },
  { source: "shop", category: "customers", fields: customer2 },
  { source: "shop", category: "orders", fields: { orderId: "A-2", total: 5, coupon: "+10%" } },
];
const newsletterRecords: AccessRecord[] = [
  { source: "newsletter", category: "subscriptions", fields: { list: "<script>alert(1)</script>", since: "2024-01-05" } },
];

describe("buildPackage", () => {
  let dir: string;
  let key: Buffer;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "build-package-"));
    key = createPackageKey();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const options = (overrides: Partial<BuildPackageOptions> = {}): BuildPackageOptions => ({
    outputPath: join(dir, "package.zip.enc"),
    key,
    locale: "en",
    companyName: "Acme <Shop> & Co",
    reference: "DSR-7K3M-Q9PX",
    requestType: "access",
    generatedAt: new Date("2026-03-14T09:30:00Z"),
    timeZone: "Europe/Paris",
    sources: [
      { key: "shop", name: "Online shop", records: recordsOf(shopRecords), description: "Orders & accounts" },
      { key: "newsletter", name: "Newsletter <script>x</script>", records: recordsOf(newsletterRecords) },
    ],
    fieldDescriptions: { customers: { name: "Your full name", city: "City <b>bold</b>" } },
    ...overrides,
  });
  const byPath = (entries: PackageEntry[]) => new Map(entries.map((entry) => [entry.path, entry]));

  it("packages every category of every source as JSON and CSV, with index.html and manifest.json", async () => {
    const built = await buildPackage(options());
    const entries = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key));
    expect([...entries.keys()]).toEqual([
      "index.html",
      "data/shop/customers.json",
      "data/shop/customers.csv",
      "data/shop/orders.json",
      "data/shop/orders.csv",
      "data/newsletter/subscriptions.json",
      "data/newsletter/subscriptions.csv",
      "manifest.json",
    ]);
    const customersJson = entries.get("data/shop/customers.json")!.text;
    expect(JSON.parse(customersJson).records).toEqual([customer1, customer2]);
    expect(customersJson.split("\n").filter((line) => line.startsWith("    {"))).toHaveLength(2); // one line per record
    expect(JSON.parse(entries.get("data/newsletter/subscriptions.json")!.text).records).toEqual([newsletterRecords[0].fields]);

    const stored = await readFile(join(dir, "package.zip.enc"));
    expect(built.sha256).toBe(sha256(stored));
    expect(built.sizeBytes).toBe(stored.length);
    expect(await readdir(dir)).toEqual(["package.zip.enc"]); // temp dir and temp files gone
  });

  it("writes CSV that spreadsheets read safely: BOM, full header, quoting, formula guard", async () => {
    await buildPackage(options());
    const entries = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key));
    const csv = entries.get("data/shop/customers.csv")!.text;
    expect(csv.startsWith("\uFEFFid,name,city,")).toBe(true);
    expect(csv).toContain('"She said ""bonjour"""');
    const [header, first, second, ...rest] = parseCsv(csv.slice(1));
    expect(rest).toEqual([]);
    expect(header).toEqual(["id", "name", "city", "quote", "note", "formula", "balance", "address", "loyaltyTier", "tags", "constructor"]);
    expect(first).toEqual([
      "1",
      "Élodie Núñez",
      "Paris, France",
      'She said "bonjour"',
      "first line\nsecond line",
      `'=HYPERLINK("http://evil.test","click")`,
      "-12.5",
      '{"street":"12, rue de la Paix","zip":"75002"}',
      "",
      "",
      "",
    ]);
    expect(second).toEqual(["2", "Zoë", "", "", "", "", "", "", "'@gold", '["a","b"]', "a field named constructor"]);
    expect(parseCsv(entries.get("data/shop/orders.csv")!.text.slice(1))).toEqual([
      ["orderId", "total", "coupon"],
      ["A-1", "19.9", ""],
      ["A-2", "5", "'+10%"],
    ]);
  });

  it("makes the same files whether the package is small enough to build in memory or is built on disk", async () => {
    const inMemory = await buildPackage(options());
    const memoryEntries = await readPackageEntries(join(dir, "package.zip.enc"), key);
    const onDisk = await buildPackage({ ...options({ outputPath: join(dir, "large.zip.enc") }), memoryBytes: 0 });
    const diskEntries = await readPackageEntries(join(dir, "large.zip.enc"), key);
    expect(diskEntries.map((entry) => [entry.path, entry.text])).toEqual(memoryEntries.map((entry) => [entry.path, entry.text]));
    expect(onDisk.manifest).toEqual(inMemory.manifest);
    expect((await readdir(dir)).sort()).toEqual(["large.zip.enc", "package.zip.enc"]); // temp dir gone
  });

  it("lists every other file in manifest.json with its true SHA-256, size and record count", async () => {
    const built = await buildPackage(options());
    const entries = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key));
    const manifest = JSON.parse(entries.get("manifest.json")!.text);
    expect(manifest).toEqual(built.manifest);
    expect(manifest).toMatchObject({ reference: "DSR-7K3M-Q9PX", requestType: "access", generatedAt: "2026-03-14T09:30:00.000Z" });
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual(
      [...entries.keys()].filter((path) => path !== "manifest.json").sort(),
    );
    for (const file of manifest.files) {
      const entry = entries.get(file.path)!;
      expect(file.sha256).toBe(sha256(entry.content));
      expect(file.bytes).toBe(entry.content.length);
    }
    expect(manifest.files.find((file: { path: string }) => file.path === "data/shop/orders.csv").records).toBe(2);
  });

  it("explains the package in the request's language and escapes every value", async () => {
    await buildPackage(options({ locale: "fr", requestType: "portability" }));
    const html = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key)).get("index.html")!.text;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Vos données personnelles détenues par Acme &#60;Shop&#62; &#38; Co");
    expect(html).toContain("Portabilité de vos données");
    expect(html).toContain("DSR-7K3M-Q9PX");
    expect(html).toContain("14 mars 2026");
    expect(html).toContain("Vos droits");
    expect(html).toContain("format ISO 8601 avec la précision enregistrée par le système");
    expect(html).toContain("2 enregistrements");
    expect(html).toContain('href="data/shop/customers.csv"');
    expect(html).toContain("Your full name");
    expect(html).toContain("City &#60;b&#62;bold&#60;/b&#62;");
    expect(html).not.toMatch(/<script|<b>/i);
    expect(html).toContain("Newsletter &#60;script&#62;x&#60;/script&#62;");
  });

  it("describes the fields of each source with that source's own descriptions, even when two sources have a category of one name", async () => {
    const crmRecords: AccessRecord[] = [{ source: "", category: "customers", fields: { name: "Ada", city: "Lyon" } }];
    await buildPackage(
      options({
        fieldDescriptions: undefined,
        sources: [
          {
            key: "shop",
            name: "Online shop",
            records: recordsOf(shopRecords),
            fieldDescriptions: { customers: { name: "The name on your shop account" } },
          },
          {
            key: "crm",
            name: "CRM",
            records: recordsOf(crmRecords),
            fieldDescriptions: { customers: { name: "The name our sales team uses" } },
          },
        ],
      }),
    );
    const html = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key)).get("index.html")!.text;
    const [shop, crm] = html.split("<h3>").slice(1);
    expect(shop).toContain("The name on your shop account");
    expect(shop).not.toContain("The name our sales team uses");
    expect(crm).toContain("The name our sales team uses");
    expect(crm).not.toContain("The name on your shop account");
  });

  it("says that no data was found when no source returned a record", async () => {
    const built = await buildPackage(options({ sources: [{ key: "shop", name: "Online shop", records: recordsOf([]) }] }));
    const entries = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key));
    expect([...entries.keys()]).toEqual(["index.html", "manifest.json"]);
    const html = entries.get("index.html")!.text;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("We found no data about you in any of our systems.");
    expect(html).toContain("No data about you was found in this system.");
    expect(built.manifest.files.map((file) => file.path)).toEqual(["index.html"]);
  });

  it("keeps folder and file names safe and distinct whatever the source and category names", async () => {
    const records: AccessRecord[] = [
      { source: "x", category: "../../etc/passwd", fields: { a: 1 } },
      { source: "x", category: "Orders", fields: { a: 2 } },
      { source: "x", category: "orders", fields: { a: 3 } },
    ];
    await buildPackage(
      options({
        sources: [
          { key: "Shop", name: "Shop", records: recordsOf(records) },
          { key: "shop", name: "Shop again", records: recordsOf([{ source: "y", category: "con", fields: { b: 1 } }]) },
        ],
      }),
    );
    const paths = (await readPackageEntries(join(dir, "package.zip.enc"), key)).map((entry) => entry.path);
    expect(paths.filter((path) => path.endsWith(".json") && path !== "manifest.json")).toEqual([
      "data/Shop/etc_passwd.json",
      "data/Shop/Orders.json",
      "data/Shop/orders-2.json",
      "data/shop-2/con_.json",
    ]);
  });

  it("leaves nothing behind when a source fails mid-way", async () => {
    async function* failing(): AsyncIterable<AccessRecord> {
      yield { source: "shop", category: "customers", fields: { id: 1 } };
      throw new Error("connection reset");
    }
    await expect(buildPackage(options({ sources: [{ key: "shop", name: "Shop", records: failing() }] }))).rejects.toThrow(
      "connection reset",
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses a record that has no fields object", async () => {
    const broken = { source: "shop", category: "customers", fields: null } as unknown as AccessRecord;
    await expect(buildPackage(options({ sources: [{ key: "shop", name: "Shop", records: recordsOf([broken]) }] }))).rejects.toThrow(
      'A record of category "customers" has no fields object',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("cannot be opened with another package's key", async () => {
    await buildPackage(options());
    await expect(readPackageEntries(join(dir, "package.zip.enc"), createPackageKey())).rejects.toThrow(
      "package file is corrupt or was tampered with (segment 0)",
    );
    await expect(readPackageEntries(join(dir, "no-such-package.zip.enc"), key)).rejects.toThrow(/ENOENT/);
  });

  it("stores bigint and binary values as text", async () => {
    const fields = { big: 12345678901234567890n, photo: Buffer.from("hello"), raw: new Uint8Array([1, 2, 3]) };
    await buildPackage(options({ sources: [{ key: "db", name: "DB", records: recordsOf([{ source: "db", category: "t", fields }]) }] }));
    const entries = byPath(await readPackageEntries(join(dir, "package.zip.enc"), key));
    expect(JSON.parse(entries.get("data/db/t.json")!.text).records).toEqual([
      { big: "12345678901234567890", photo: "aGVsbG8=", raw: "AQID" },
    ]);
  });
});
