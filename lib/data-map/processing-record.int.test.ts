// GET /api/v1/reports/processing on the real database: the record of processing now or at a version,
// as JSON or CSV, what changed since the version current at the start of a day (controller's time
// zone), and who may read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/v1/reports/processing/route.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { createApiKey } from "../auth/create-api-key.ts";
import { applyConnectors } from "../connectors/apply-connectors.ts";
import { db, disconnectDb } from "../db.ts";
import { manualEntry, newsletterCategory, ordersCategory, organisation } from "./data-map-fixtures.test-support.ts";
import { snapshotHash } from "./data-map-snapshot.ts";
import type { ProcessingRecordAnswer } from "./get-processing-record.ts";
import { processingRecordCsvColumns } from "./processing-record-csv.ts";

// A database of its own: the versions and the sources are exactly the ones written here.
const database = await createTestDatabase("processing");
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await disconnectDb();
  await database.drop();
});

const actor = { type: "SYSTEM" as const, id: "test" };
let auditorKey = "";
let agentKey = "";

const source = (key: string, enabled: boolean, dataMap: unknown) => ({ key, name: `Archive ${key}`, type: "manual", enabled, dataMap });

/** Versions written on chosen days, as earlier changes would have left them. */
async function storeVersion(number: number, createdAt: string, snapshot: { organisation: unknown; sources: unknown[] }) {
  await db().dataMapVersion.create({
    data: {
      number,
      createdAt: new Date(createdAt),
      actorType: "SYSTEM",
      snapshot: snapshot as object,
      sha256: snapshotHash(snapshot as never),
    },
  });
}

beforeAll(async () => {
  auditorKey = (await createApiKey({ name: "record auditor", role: "auditor" })).key;
  agentKey = (await createApiKey({ name: "record agent", role: "agent" })).key;
  await storeVersion(1, "2026-01-10T10:00:00Z", { organisation: null, sources: [source("orders", true, { orders: ordersCategory })] });
  // 23:30 UTC on 5 March is 00:30 on 6 March in Paris: a change of the 6th there.
  await storeVersion(2, "2026-03-05T23:30:00Z", {
    organisation,
    sources: [source("orders", true, { orders: ordersCategory }), source("old-crm", true, null)],
  });
  await applyConnectors(
    [
      manualEntry("orders", { orders: { ...ordersCategory, legalBasis: ["consent"] } }),
      manualEntry("mailer", { subscribers: newsletterCategory }),
    ],
    actor,
    { organisation },
  );
}, 120_000);

function get(query: string, key = auditorKey) {
  return GET(new Request(`http://localhost/api/v1/reports/processing${query}`, { headers: { authorization: `Bearer ${key}` } }));
}

describe("GET /api/v1/reports/processing", () => {
  it("gives the current record as JSON, with the version it matches and every version to choose from", async () => {
    const response = await get("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="record-of-processing_v3_en.json"');
    const answer = (await response.json()) as ProcessingRecordAnswer;
    expect(answer.version).toMatchObject({ number: 3 });
    expect(answer.current).toBe(true);
    expect(answer.versions.map((version) => version.number)).toEqual([3, 2, 1]);
    expect(answer.record.controller?.name).toBe("Example Shop SAS");
    // Sources in key order: mailer, then orders.
    expect(answer.record.activities.map((activity) => activity.purpose)).toEqual(["Send the newsletter", "Deliver your orders"]);
    expect(answer.record.activities[1].legalBasis).toEqual([{ code: "consent", label: "Consent (GDPR Art. 6(1)(a))" }]);
    expect(answer.since).toBeNull();
  });

  it("gives one version's record, in French", async () => {
    const answer = (await (await get("?version=1&lang=fr")).json()) as ProcessingRecordAnswer;
    expect(answer).toMatchObject({ version: { number: 1, createdAt: "2026-01-10T10:00:00.000Z" }, current: false });
    expect(answer.record.controller).toBeNull();
    expect(answer.record.activities.map((activity) => activity.purpose)).toEqual(["Livrer vos commandes"]);
    expect(answer.record.activities[0].legalBasis[0].label).toBe("Exécution d'un contrat (art. 6(1)(b))");
  });

  it("lists the changes since the version current when the day began in the controller's time zone", async () => {
    const since = async (date: string) => ((await (await get(`?since=${date}`)).json()) as ProcessingRecordAnswer).since;
    // Version 2 is of 6 March in Paris: on the 6th the day began with version 1.
    const sixth = await since("2026-03-06");
    expect(sixth?.version?.number).toBe(1);
    expect(sixth?.changes.map((change) => [change.kind, change.source?.key ?? null, change.field])).toEqual([
      ["controller-changed", null, null],
      ["source-added", "mailer", null],
      ["category-changed", "orders", "legalBasis"],
    ]);
    const seventh = await since("2026-03-07");
    expect(seventh?.version?.number).toBe(2);
    expect(seventh?.changes.map((change) => [change.kind, change.source?.key ?? null])).toEqual([
      ["source-added", "mailer"],
      ["category-changed", "orders"],
      ["source-removed", "old-crm"],
    ]);
    const before = await since("2025-12-31");
    expect(before).toMatchObject({ date: "2025-12-31", version: null });
    expect(before?.changes.map((change) => change.kind)).toEqual(["controller-changed", "source-added", "source-added"]);
  });

  it("gives the record as CSV, one row per source and category", async () => {
    const response = await get("?format=csv&version=2");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="record-of-processing_v2_en.csv"');
    // The BOM is read as such by text(): the first line starts with the header.
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(processingRecordCsvColumns.join(","));
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 6).join(","))).toEqual([
      "orders,Archive orders,manual,yes,yes,orders",
      "old-crm,Archive old-crm,manual,yes,no,",
    ]);
  });

  it("names each parameter that is wrong, and a version that does not exist", async () => {
    const wrong = await get("?format=xml&since=2026-02-30&version=0&colour=red");
    expect(wrong.status).toBe(400);
    const body = (await wrong.json()) as { error: { issues: Array<{ path: string }> } };
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(["colour", "format", "since", "version"]);
    const missing = await get("?version=99");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe("There is no version 99; the latest is 3.");
  });

  it("is for roles that read reports: not unknown keys, not agents", async () => {
    expect((await get("", "dsar_unknown_key")).status).toBe(401);
    expect((await get("", agentKey)).status).toBe(403);
  });
});
