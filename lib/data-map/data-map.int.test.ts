// The data map on the real database: the staff form keeps and edits it, every change of it writes
// one version (and only a change does), and the settings of a connectors file are stored with it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectorFormSchema } from "../../app/staff/connectors/actions.schema.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { connectorForEdit } from "../connectors/connector-for-edit.ts";
import { saveConnector } from "../connectors/save-connector.ts";
import { db, disconnectDb } from "../db.ts";
import { manualEntry, newsletterCategory, ordersCategory } from "./data-map-fixtures.test-support.ts";

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
