// The data map on the real database: the staff form keeps and edits it, every change of it writes
// one version (and only a change does), and the settings of a connectors file are stored with it.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectorFormSchema } from "../../app/staff/connectors/actions.schema.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { applyConnectors } from "../connectors/apply-connectors.ts";
import { connectorForEdit } from "../connectors/connector-for-edit.ts";
import { listConnectors } from "../connectors/list-connectors.ts";
import { saveConnector } from "../connectors/save-connector.ts";
import { setConnectorEnabled } from "../connectors/set-connector-enabled.ts";
import { db, disconnectDb } from "../db.ts";
import { AppError } from "../errors.ts";
import { canonicalJson } from "../evidence/audit-hash.ts";
import { manualEntry, newsletterCategory, ordersCategory, organisation } from "./data-map-fixtures.test-support.ts";
import { readDataMap } from "./read-data-map.ts";

// A database of its own: versions snapshot every connector, and the shared test database holds
// those of every other test file. Nothing reads the configuration before this.
const database = await createTestDatabase("datamap");
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await disconnectDb();
  await database.drop();
});

const actor = { type: "STAFF" as const, id: randomUUID() };

/** The edit form as the page renders it and the browser posts it back: each `…Text` value in its field. */
async function submitEditFormAsShown(key: string, change: Record<string, string> = {}) {
  const shown = await connectorForEdit(key);
  const fields: Record<string, unknown> = { mode: "edit", key: shown.key, name: shown.name, actions: shown.actions };
  if (shown.enabled) fields.enabled = "on";
  for (const [name, value] of Object.entries(shown)) if (name.endsWith("Text")) fields[name.slice(0, -4)] = value;
  const parsed = connectorFormSchema.parse({ ...fields, ...change });
  return saveConnector({ ...parsed, actor });
}

describe("the staff connector form", () => {
  it("keeps the data map when a connector is saved without touching it", async () => {
    const key = "archive-kept";
    await saveConnector({ mode: "create", entry: manualEntry(key, { orders: ordersCategory }), actor });
    const saved = await submitEditFormAsShown(key, { name: "Archive (renamed)" });
    expect(saved.changed).toEqual(["name"]);
    const stored = await db().connector.findUniqueOrThrow({ where: { key } });
    expect(stored.dataMap).toEqual({ orders: ordersCategory });
  });
});

describe("editing the data map on the staff form", () => {
  it("saves the YAML typed, names the path of a mistake and saves nothing then, and removes the map when emptied", async () => {
    const key = "archive-edited";
    await saveConnector({ mode: "create", entry: manualEntry(key, { orders: ordersCategory }), actor });
    const { stringify } = await import("yaml");
    const added = await submitEditFormAsShown(key, { dataMap: stringify({ orders: ordersCategory, newsletter: newsletterCategory }) });
    expect(added.changed).toEqual(["dataMap"]);
    expect(added.dataMapVersion).toEqual(expect.any(Number));
    expect((await db().connector.findUniqueOrThrow({ where: { key } })).dataMap).toMatchObject({ newsletter: newsletterCategory });

    const { purposes, ...withoutPurposes } = newsletterCategory;
    const refused = await submitEditFormAsShown(key, { dataMap: stringify({ orders: ordersCategory, newsletter: withoutPurposes }) }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).issues).toEqual([
      { path: "dataMap.newsletter.purposes", message: "purposes: say why this data is used (at least one purpose)" },
    ]);
    expect((await db().connector.findUniqueOrThrow({ where: { key } })).dataMap).toMatchObject({ newsletter: newsletterCategory });

    const removed = await submitEditFormAsShown(key, { dataMap: "" });
    expect(removed.changed).toEqual(["dataMap"]);
    expect((await db().connector.findUniqueOrThrow({ where: { key } })).dataMap).toBeNull();
  });
});

async function latestVersion() {
  return db().dataMapVersion.findFirstOrThrow({ orderBy: { number: "desc" } });
}

describe("versions of the data map", () => {
  it("are written by applying a connectors file, with the whole snapshot and its hash, and not when nothing changed", async () => {
    const before = await db().dataMapVersion.count();
    const entries = [manualEntry("shop-orders", { orders: ordersCategory }), manualEntry("undescribed")];
    const applied = await applyConnectors(entries, actor, { organisation });
    expect(applied.dataMapVersion).toBe(before + 1);
    const version = await latestVersion();
    expect(version).toMatchObject({ number: before + 1, actorType: "STAFF", actorId: actor.id });
    const snapshot = version.snapshot as { organisation: unknown; sources: Array<Record<string, unknown>> };
    expect(snapshot.organisation).toEqual(organisation);
    expect(snapshot.sources.map((source) => source.key)).toEqual(["archive-edited", "archive-kept", "shop-orders", "undescribed"]);
    expect(snapshot.sources.find((source) => source.key === "shop-orders")).toEqual({
      key: "shop-orders",
      name: "Archive shop-orders",
      type: "manual",
      enabled: true,
      dataMap: { orders: ordersCategory },
    });
    expect(snapshot.sources.find((source) => source.key === "undescribed")).toMatchObject({ dataMap: null });
    // The connectors page says which sources are not described, without sending their maps.
    const listed = await listConnectors();
    expect(listed.filter((row) => ["shop-orders", "undescribed"].includes(row.key)).map((row) => [row.key, row.described])).toEqual([
      ["shop-orders", true],
      ["undescribed", false],
    ]);
    expect(listed[0]).not.toHaveProperty("dataMap");
    // Not listed in the file: disabled, and the version says so.
    expect(snapshot.sources.find((source) => source.key === "archive-kept")).toMatchObject({ enabled: false });
    expect(version.sha256).toBe(createHash("sha256").update(canonicalJson(snapshot)).digest("hex"));

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "data-map.version-recorded" }, orderBy: { id: "desc" } });
    expect(event.data).toEqual({ version: before + 1, sha256: version.sha256 });

    const again = await applyConnectors(entries, actor, { organisation });
    expect(again.dataMapVersion).toBeNull();
    expect(await db().dataMapVersion.count()).toBe(before + 1);
  });

  it("are written by the staff form and by enabling or disabling a source, not by a change outside the map", async () => {
    const start = (await latestVersion()).number;
    const faster = await saveConnector({
      mode: "edit",
      entry: { ...manualEntry("shop-orders", { orders: ordersCategory }), concurrency: 4 },
      actor,
    });
    expect(faster).toMatchObject({ changed: ["concurrency"], dataMapVersion: null });
    const renamed = await saveConnector({ mode: "edit", entry: { ...manualEntry("shop-orders"), name: "Orders archive" }, actor });
    expect(renamed).toMatchObject({ changed: ["name", "concurrency"], dataMapVersion: start + 1 });
    expect((await db().connector.findUniqueOrThrow({ where: { key: "shop-orders" } })).dataMap).toEqual({ orders: ordersCategory });
    const disabled = await setConnectorEnabled({ key: "shop-orders", enabled: false, actor });
    expect(disabled.dataMapVersion).toBe(start + 2);
    const sources = (await latestVersion()).snapshot as { sources: Array<{ key: string; enabled: boolean; name: string }> };
    expect(sources.sources.find((source) => source.key === "shop-orders")).toMatchObject({ name: "Orders archive", enabled: false });
    expect(await setConnectorEnabled({ key: "shop-orders", enabled: false, actor })).toMatchObject({
      changed: false,
      dataMapVersion: null,
    });
    expect(await setConnectorEnabled({ key: "shop-orders", enabled: true, actor, liveChecks: false })).toMatchObject({
      dataMapVersion: start + 3,
    });
  });

  it("get consecutive numbers when two changes commit at once, the later one containing both", async () => {
    const start = (await latestVersion()).number;
    const results = await Promise.all([
      setConnectorEnabled({ key: "shop-orders", enabled: false, actor }),
      setConnectorEnabled({ key: "undescribed", enabled: false, actor }),
    ]);
    expect(results.map((result) => result.dataMapVersion).sort()).toEqual([start + 1, start + 2]);
    const last = (await latestVersion()).snapshot as { sources: Array<{ key: string; enabled: boolean }> };
    expect(last.sources.filter((source) => ["shop-orders", "undescribed"].includes(source.key)).map((source) => source.enabled)).toEqual([
      false,
      false,
    ]);
  });

  it("can be neither changed nor removed", async () => {
    await expect(db().$executeRaw`UPDATE data_map_versions SET "sha256" = 'x'`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM data_map_versions`).rejects.toThrow(/append-only/);
  });
});

describe("the controller's details and correctable fields of a connectors file", () => {
  it("are stored with the connectors, read back parsed, removed when the file leaves them out, and audited by name", async () => {
    const entries = [manualEntry("shop-orders", { orders: ordersCategory })];
    const correctableFields = { postalAddress: { label: { en: "Postal address", fr: "Adresse postale" }, multiline: true } };
    const applied = await applyConnectors(entries, actor, { organisation, correctableFields });
    expect(applied.settings).toEqual(["correctableFields"]);
    const state = await readDataMap();
    expect(state.organisation).toEqual(organisation);
    expect(state.correctableFields).toEqual(correctableFields);
    expect(state.sources.find((source) => source.key === "shop-orders")).toMatchObject({
      enabled: true,
      dataMap: { orders: ordersCategory },
    });

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "data-map.settings-updated" }, orderBy: { id: "desc" } });
    expect(event.data).toEqual({ changed: ["correctableFields"] });

    const cleared = await applyConnectors(entries, actor, {});
    expect(cleared.settings).toEqual(["organisation", "correctableFields"]);
    expect(cleared.dataMapVersion).toEqual(expect.any(Number));
    expect(await readDataMap()).toMatchObject({ organisation: null, correctableFields: {} });
    expect(((await latestVersion()).snapshot as { organisation: unknown }).organisation).toBeNull();
  });

  it("reads a stored map that no longer parses as not described, never guessed", async () => {
    await db().connector.update({ where: { key: "shop-orders" }, data: { dataMap: { orders: { purposes: "not a list" } } } });
    const state = await readDataMap();
    expect(state.sources.find((source) => source.key === "shop-orders")?.dataMap).toBeNull();
  });
});
