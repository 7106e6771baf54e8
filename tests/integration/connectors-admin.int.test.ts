// The connectors page's services on the real stack: a connector saved from the form goes through
// the connectors file's checks (errors name the field), its secrets stay write-only, re-saving the
// same thing changes nothing, and enabling checks the live system first.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("../../lib/db.ts");
const { saveConnector } = await import("../../lib/connectors/save-connector.ts");
const { setConnectorEnabled } = await import("../../lib/connectors/set-connector-enabled.ts");
const { connectorForEdit } = await import("../../lib/connectors/connector-for-edit.ts");
const { listConnectors } = await import("../../lib/connectors/list-connectors.ts");
const { testConnector } = await import("../../lib/connectors/test-connector.ts");
const { openConnectorConfig } = await import("../../lib/connectors/connector-config.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { startDemoCrm } = await import("../../scripts/dev/demo-crm.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { AppError } = await import("../../lib/errors.ts");
const { connectorFormSchema } = await import("../../app/staff/connectors/actions.schema.ts");

const actor = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000001" };
const suffix = randomBytes(3).toString("hex");
const shopName = `shop_admin_${suffix}`;
// Trust authentication ignores the password, so the address can carry one to keep secret.
const password = `pw-${randomBytes(8).toString("hex")}`;
const crmSecret = randomBytes(24).toString("hex");
let shopUrl = "";
let crm: Awaited<ReturnType<typeof startDemoCrm>>;

beforeAll(async () => {
  const plain = new URL(await ensureDemoShop(adminDatabaseUrl, shopName, 5));
  plain.password = password;
  shopUrl = plain.toString();
  crm = await startDemoCrm({ port: 0, secret: crmSecret });
}, 120_000);

afterAll(async () => {
  await crm?.close();
  const { closePostgresConnectorPools } = await import("../../lib/connectors/postgres/index.ts");
  await closePostgresConnectorPools();
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
});

function shopEntry(key: string, table = "customers") {
  return {
    key,
    name: "Shop database",
    type: "postgres",
    actions: ["access", "erasure"],
    enabled: true,
    // Masked, not deleted: orders and support tickets (not mapped here) point to customers without a
    // cascade, so the check refuses a delete.
    config: { tables: [{ table, identity: { email: "email" }, erase: { strategy: "mask", columns: { email: "hash" } } }] },
  };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as InstanceType<typeof AppError>;
}

async function auditOf(key: string) {
  return db().auditEvent.findMany({
    where: { action: { startsWith: "connector." }, data: { path: ["key"], equals: key } },
    orderBy: { id: "asc" },
  });
}

describe("saving a connector from the staff form", () => {
  it("names each field the connectors file would reject, and saves nothing", async () => {
    const key = `bad-${suffix}`;
    const invalid = await rejection(
      saveConnector({
        mode: "create",
        entry: { key, name: " ", type: "manual", actions: ["access", "shredding"], maxAttempts: 0, config: { instructions: "short" } },
        actor,
      }),
    );
    expect(invalid.code).toBe("VALIDATION_FAILED");
    expect(invalid.issues?.map((issue) => issue.path).sort()).toEqual(["actions[1]", "maxAttempts", "name"]);
    const badConfig = await rejection(
      saveConnector({
        mode: "create",
        entry: { key, name: "Archive", type: "manual", actions: ["erasure"], config: { instructions: "short" } },
        actor,
      }),
    );
    expect(badConfig.issues).toEqual([{ path: "config.instructions", message: expect.stringContaining("at least 10 characters") }]);
    const unknownType = await rejection(
      saveConnector({ mode: "create", entry: { key, name: "X", type: "ftp", actions: ["access"], config: {} }, actor }),
    );
    expect(unknownType.issues).toEqual([{ path: "type", message: expect.stringContaining('unknown connector type "ftp"') }]);
    expect(await db().connector.findUnique({ where: { key } })).toBeNull();
  });

  it("checks the live database as the file does, naming the table that does not exist", async () => {
    const problem = await rejection(
      saveConnector({ mode: "create", entry: shopEntry(`shop-${suffix}`, "clients"), secrets: { url: shopUrl }, actor }),
    );
    expect(problem.issues?.[0].path).toBe("config.tables[0].table");
    expect(problem.message).toContain("Nothing was saved");
  });

  it("keeps a stored secret when its field is left empty, replaces it only with a new value, and never shows it", async () => {
    const key = `shop-${suffix}`;
    const created = await saveConnector({ mode: "create", entry: shopEntry(key), secrets: { url: shopUrl, hashSalt: "salt-1234" }, actor });
    expect(created.outcome).toBe("created");
    await expect(
      saveConnector({ mode: "create", entry: shopEntry(key), secrets: { url: shopUrl }, actor }).catch(
        (e: InstanceType<typeof AppError>) => e.code,
      ),
    ).resolves.toBe("CONFLICT");

    const view = await connectorForEdit(key);
    const shown = JSON.stringify(view);
    expect(shown).not.toContain(password);
    expect(shown).not.toContain("salt-1234");
    expect(view.secrets).toEqual([
      { name: "url", stored: true, hint: expect.stringContaining(":••••@127.0.0.1"), optional: false },
      { name: "hashSalt", stored: true, hint: null, optional: true },
    ]);
    expect(view.configText).toContain("table: customers");

    // The form sends back what it showed (no secrets) with the secret fields empty.
    const { parse } = await import("yaml");
    const edited = await saveConnector({
      mode: "edit",
      entry: { ...shopEntry(key), name: "Shop (EU)", config: parse(view.configText) },
      secrets: { url: "", hashSalt: "" },
      actor,
    });
    expect(edited.changed).toEqual(["name"]);
    const stored = await db().connector.findUniqueOrThrow({ where: { key } });
    expect(openConnectorConfig(stored.configEncrypted)).toMatchObject({ url: shopUrl, hashSalt: "salt-1234" });

    const replaced = await saveConnector({
      mode: "edit",
      entry: { ...shopEntry(key), name: "Shop (EU)", config: parse(view.configText) },
      secrets: { hashSalt: "salt-5678" },
      actor,
    });
    expect(replaced.changed).toEqual(["config"]);
    const removed = await saveConnector({
      mode: "edit",
      entry: { ...shopEntry(key), name: "Shop (EU)", config: parse(view.configText) },
      clearSecrets: ["hashSalt"],
      actor,
    });
    expect(removed.changed).toEqual(["config"]);
    const after = openConnectorConfig((await db().connector.findUniqueOrThrow({ where: { key } })).configEncrypted) as Record<
      string,
      unknown
    >;
    expect(after.url).toBe(shopUrl);
    expect(after).not.toHaveProperty("hashSalt");

    const events = await auditOf(key);
    expect(events.map((event) => event.action)).toEqual([
      "connector.created",
      "connector.updated",
      "connector.updated",
      "connector.updated",
    ]);
    const audit = JSON.stringify(events.map((event) => event.data));
    expect(audit).not.toContain(password);
    expect(audit).not.toContain("salt-");
  });

  it("changes nothing when the same connector is saved again, and says when the worker takes up new limits", async () => {
    const key = `shop-${suffix}`;
    const view = await connectorForEdit(key);
    const { parse } = await import("yaml");
    const entry = { ...shopEntry(key), name: view.name, config: parse(view.configText) };
    const before = (await auditOf(key)).length;
    const same = await saveConnector({ mode: "edit", entry, actor });
    expect(same).toMatchObject({ outcome: "unchanged", changed: [], workerResync: false });
    expect(await auditOf(key)).toHaveLength(before);
    const faster = await saveConnector({ mode: "edit", entry: { ...entry, concurrency: 4, rateLimitPerSecond: 10 }, actor });
    expect(faster).toMatchObject({ outcome: "updated", changed: ["concurrency", "rateLimitPerSecond"], workerResync: true });
    const type = await rejection(saveConnector({ mode: "edit", entry: { ...entry, type: "http" }, actor }));
    expect(type.issues?.[0].path).toBe("type");
  });

  it("treats an http endpoint's address and key as secrets, and tests the connector against the system", async () => {
    const key = `crm-${suffix}`;
    const url = `${crm.url}?token=t0ken-${suffix}`;
    const entry = { key, name: "CRM", type: "http", actions: ["access"], config: { callbackWaitMinutes: 30 } };
    const missing = await rejection(saveConnector({ mode: "create", entry, actor }));
    expect(missing.issues?.map((issue) => issue.path).sort()).toEqual(["config.secret", "config.url"]);
    await saveConnector({ mode: "create", entry, secrets: { url, secret: crmSecret }, actor });
    const view = await connectorForEdit(key);
    expect(JSON.stringify(view)).not.toContain(`t0ken-${suffix}`);
    expect(JSON.stringify(view)).not.toContain(crmSecret);
    expect(view.secrets.find((secret) => secret.name === "url")?.hint).toMatch(/\?••••$/);
    const stored = await db().connector.findUniqueOrThrow({ where: { key } });
    expect(await testConnector(stored)).toMatchObject({ ok: true, message: expect.stringContaining("accepted a signed test call") });
    await saveConnector({ mode: "edit", entry, secrets: { secret: "x".repeat(40) }, actor });
    const wrongKey = await db().connector.findUniqueOrThrow({ where: { key } });
    expect(await testConnector(wrongKey)).toMatchObject({ ok: false, message: expect.stringContaining("same secret") });
  });
});

describe("the connector form's fields", () => {
  function form(fields: Record<string, string | string[]>) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
    return connectorFormSchema.safeParse(
      Object.fromEntries([...data.keys()].map((k) => [k, data.getAll(k).length > 1 ? data.getAll(k) : data.get(k)])),
    );
  }

  it("become a connectors-file entry, with the secrets apart and empty numbers left to the defaults", async () => {
    const parsed = form({
      mode: "create",
      key: ` archive-${suffix} `,
      name: "Paper archive",
      type: "manual",
      actions: "erasure",
      maxAttempts: "",
      concurrency: "3",
      rateLimitPerSecond: "",
      config: "instructions: Shred the forms kept in cabinet 2\nowner: Office",
      fieldDescriptions: "",
      "secret.token": "s3cret",
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      mode: "create",
      secrets: { token: "s3cret" },
      clearSecrets: [],
      entry: {
        key: `archive-${suffix}`,
        name: "Paper archive",
        type: "manual",
        actions: ["erasure"],
        enabled: false,
        concurrency: 3,
        config: { instructions: "Shred the forms kept in cabinet 2", owner: "Office" },
      },
    });
    const saved = await saveConnector({ ...(parsed.data as NonNullable<typeof parsed.data>), actor });
    expect(saved).toMatchObject({ outcome: "created", key: `archive-${suffix}` });
    expect(await db().connector.findUniqueOrThrow({ where: { key: `archive-${suffix}` } })).toMatchObject({
      enabled: false,
      maxAttempts: 5,
      concurrency: 3,
    });
  });

  it("name the field whose YAML does not parse", () => {
    const parsed = form({ mode: "create", key: "x", name: "X", type: "manual", config: "instructions: [unclosed" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["config"], message: expect.stringContaining("not valid YAML or JSON") }),
    ]);
  });
});

describe("enabling and disabling a connector", () => {
  it("disables at once, and enables only a connector whose system matches its config", async () => {
    const key = `shop-${suffix}`;
    expect(await setConnectorEnabled({ key, enabled: false, actor })).toMatchObject({ enabled: false, changed: true });
    expect(await setConnectorEnabled({ key, enabled: false, actor })).toMatchObject({ changed: false });
    // Saved while disabled, the live checks wait until it is turned on.
    const broken = `broken-${suffix}`;
    await saveConnector({ mode: "create", entry: { ...shopEntry(broken, "clients"), enabled: false }, secrets: { url: shopUrl }, actor });
    const refused = await rejection(setConnectorEnabled({ key: broken, enabled: true, actor }));
    expect(refused.issues?.[0].path).toBe("config.tables[0].table");
    expect((await db().connector.findUniqueOrThrow({ where: { key: broken } })).enabled).toBe(false);
    expect(await setConnectorEnabled({ key, enabled: true, actor })).toMatchObject({ enabled: true, changed: true });
    expect((await auditOf(key)).slice(-2).map((event) => event.action)).toEqual(["connector.disabled", "connector.enabled"]);
  });

  it("lists every connector with what its tasks did in the last seven days", async () => {
    const rows = await listConnectors();
    const shop = rows.find((row) => row.key === `shop-${suffix}`);
    expect(shop).toMatchObject({ name: "Shop (EU)", type: "postgres", actions: ["access", "erasure"], enabled: true, concurrency: 4 });
    expect(shop?.lastWeek).toEqual({ succeeded: 0, failed: 0, lastFinishedAt: null });
    expect(shop).not.toHaveProperty("configEncrypted");
  });
});
