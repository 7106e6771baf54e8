// Reading through the staff API: the list's filters, sort and pages (on rows due in 1990, which no
// other test uses, so the results are exactly ours), one request in full, the OpenAPI document,
// and the operator commands' key services.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "../../app/api/v1/openapi.json/route.ts";
import { GET as getRequest } from "../../app/api/v1/requests/[reference]/route.ts";
import { POST as fileRequest, GET as listRequests } from "../../app/api/v1/requests/route.ts";
import { submittedSchema } from "../../lib/api/public-api.schema.ts";
import { requestDetailSchema, requestListSchema } from "../../lib/api/staff-api-responses.schema.ts";
import { authenticateApiKey } from "../../lib/auth/authenticate-api-key.ts";
import { createApiKey } from "../../lib/auth/create-api-key.ts";
import { listApiKeys } from "../../lib/auth/list-api-keys.ts";
import { revokeApiKey } from "../../lib/auth/revoke-api-key.ts";
import { db } from "../../lib/db.ts";
import { freshClientAddress } from "../support/client-addresses.ts";
import { getAs, storeRequest } from "../support/staff-api-calls.ts";
import { createIdleConnector, createStaff } from "../support/staff-requests.ts";

let key = "";
const rows: Record<"A" | "B" | "C" | "D" | "E", { id: string; reference: string; email: string | null }> = {} as never;
let assigneeEmail = "";
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  key = (await createApiKey({ name: "Reporting", role: "auditor" })).key;
  const assignee = await createStaff("AGENT");
  assigneeEmail = assignee.email;
  const at = (iso: string) => new Date(`${iso}T10:00:00.000Z`);
  rows.A = await storeRequest({ status: "VERIFIED", type: "ACCESS", receivedAt: at("1990-01-05"), dueDate: day("1990-03-01") });
  rows.B = await storeRequest({
    status: "AWAITING_SUBJECT",
    type: "ERASURE",
    jurisdiction: "US_CA",
    country: "US",
    region: "US-CA",
    receivedAt: at("1990-01-02"),
    dueDate: day("1990-02-01"),
    assigneeId: assignee.id,
  });
  rows.C = await storeRequest({ status: "COMPLETED", type: "PORTABILITY", receivedAt: at("1990-01-01"), dueDate: day("1990-04-01") });
  rows.D = await storeRequest({
    status: "VERIFIED",
    type: "RECTIFICATION",
    jurisdiction: "UK_GDPR",
    country: "GB",
    receivedAt: at("1990-01-10"),
    dueDate: day("1990-01-20"),
  });
  rows.E = await storeRequest({
    status: "IN_PROGRESS",
    type: "ACCESS",
    jurisdiction: "US_CA",
    country: "US",
    region: "US-CA",
    receivedAt: at("1990-01-03"),
    dueDate: day("1990-05-01"),
  });
  // One task per connector (tasks are unique per request × connector × action).
  for (const status of ["SUCCEEDED", "FAILED", "PENDING"] as const) {
    const connector = await createIdleConnector();
    await db().connectorTask.create({
      data: {
        requestId: rows.E.id,
        connectorId: connector.id,
        action: "ACCESS",
        status,
        lastError: status === "FAILED" ? "CRM answered 500" : null,
      },
    });
  }
});

// These rows carry no audit event, so they can go: later test files count open requests too.
afterAll(async () => {
  await db().dsarRequest.deleteMany({ where: { id: { in: Object.values(rows).map((row) => row.id) } } });
});

async function list(query: string) {
  // Only rows due in 1990: ours.
  const scoped = query.includes("dueBefore=") ? query : `dueBefore=1991-01-01&${query}`;
  const response = await getAs(listRequests, key, `/requests?${scoped}`);
  expect(response.status, await response.clone().text()).toBe(200);
  const body = requestListSchema.parse(await response.json());
  const names = body.data.map((item) =>
    (Object.keys(rows) as Array<keyof typeof rows>).find((name) => rows[name].reference === item.reference),
  );
  return { body, names };
}

describe("GET /api/v1/requests", () => {
  it("lists by due date by default, with the email masked, the assignee, the days left and the tasks' progress", async () => {
    const { body, names } = await list("");
    expect(names).toEqual(["D", "B", "A", "C", "E"]);
    expect(body).toMatchObject({ page: 1, pageSize: 25, total: 5 });
    const byName = Object.fromEntries(body.data.map((item, index) => [names[index], item]));
    expect(byName.B).toMatchObject({
      type: "erasure",
      status: "awaiting_subject",
      jurisdiction: "US_CA",
      assignee: assigneeEmail,
      dueDate: "1990-02-01",
    });
    expect(byName.B.email).toBe(`${rows.B.email?.[0]}***@example.test`);
    expect(JSON.stringify(body)).not.toContain(rows.B.email as string);
    expect(byName.A.daysLeft).toBeLessThan(-10_000);
    expect(byName.C.daysLeft).toBeNull();
    expect(byName.E.tasks).toEqual({ total: 3, succeeded: 1, failed: 1, open: 1 });
    expect(byName.A.tasks).toEqual({ total: 0, succeeded: 0, failed: 0, open: 0 });
  });

  it("filters by status, right and jurisdiction lists in any letter case, and by due date", async () => {
    expect((await list("status=verified,AWAITING_SUBJECT")).names).toEqual(["D", "B", "A"]);
    expect((await list("status=verified&status=completed")).names).toEqual(["D", "A", "C"]);
    expect((await list("type=access")).names).toEqual(["A", "E"]);
    expect((await list("type=ERASURE,portability")).names).toEqual(["B", "C"]);
    expect((await list("jurisdiction=us_ca")).names).toEqual(["B", "E"]);
    expect((await list("type=access&jurisdiction=US_CA,EU_GDPR&status=in_progress")).names).toEqual(["E"]);
    const { names, body } = await list("dueBefore=1990-03-01");
    expect(names).toEqual(["D", "B"]);
    expect(body.total).toBe(2);
  });

  it("sorts by received date, reference or status, either way, and pages with the total", async () => {
    expect((await list("sort=receivedAt&order=desc")).names).toEqual(["D", "A", "E", "B", "C"]);
    const byReference = (Object.keys(rows) as Array<keyof typeof rows>).sort((a, b) => rows[a].reference.localeCompare(rows[b].reference));
    expect((await list("sort=reference")).names).toEqual(byReference);
    expect((await list("sort=reference&order=DESC")).names).toEqual([...byReference].reverse());
    const statuses = (await list("sort=status")).body.data.map((item) => item.status);
    expect(statuses).toEqual(["verified", "verified", "awaiting_subject", "in_progress", "completed"]);
    expect(await list("pageSize=2&page=2")).toMatchObject({ names: ["A", "C"], body: { page: 2, pageSize: 2, total: 5 } });
    expect((await list("pageSize=2&page=3")).names).toEqual(["E"]);
    expect(await list("pageSize=2&page=4")).toMatchObject({ names: [], body: { total: 5 } });
  });

  it("names each invalid or unknown parameter with a 400", async () => {
    const cases: Array<[string, string[]]> = [
      ["status=open", ["status"]],
      ["type=delete", ["type"]],
      ["jurisdiction=MARS", ["jurisdiction"]],
      ["pageSize=101", ["pageSize"]],
      ["page=0&sort=email", ["sort", "page"]],
      ["dueBefore=1990-13-01", ["dueBefore"]],
      ["assignee=me", ["assignee"]],
    ];
    for (const [query, paths] of cases) {
      const response = await getAs(listRequests, key, `/requests?${query}`);
      expect(response.status, query).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.issues.map((issue: { path: string }) => issue.path).sort(), query).toEqual(paths.sort());
    }
  });
});

describe("GET /api/v1/requests/{reference}", () => {
  it("shows the person in full, the deadline and each connector task", async () => {
    const response = await getAs(getRequest, key, `/requests/${rows.E.reference.toLowerCase()}`, rows.E.reference.toLowerCase());
    expect(response.status).toBe(200);
    const body = requestDetailSchema.parse(await response.json());
    expect(body).toMatchObject({
      reference: rows.E.reference,
      status: "in_progress",
      person: { email: rows.E.email, fullName: "Camille Durand", region: "US-CA" },
    });
    expect(body.deadline).toMatchObject({ dueDate: "1990-05-01", paused: false, extended: false });
    expect(body.deadline.explanation.length).toBeGreaterThan(0);
    expect(body.taskProgress).toEqual({ total: 3, succeeded: 1, failed: 1, open: 1 });
    expect(body.tasks.find((task) => task.status === "failed")).toMatchObject({
      lastError: "CRM answered 500",
      connectorName: "Paper archive",
    });
  });
});

describe("documents", () => {
  it("serves the OpenAPI 3.1 document, and the public API answers as it says", async () => {
    const response = await openapi();
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/requests", "/requests/{reference}", "/requests/{reference}/close"]),
    );
    const filed = await fileRequest(
      new Request("http://localhost/api/v1/requests", {
        method: "POST",
        body: JSON.stringify({ type: "access", email: "documented@example.test", country: "FR" }),
        headers: { "content-type": "application/json", "x-dsar-socket-address": freshClientAddress() },
      }),
    );
    expect(filed.status).toBe(202);
    expect(submittedSchema.safeParse(await filed.json()).success).toBe(true);
  });
});

describe("API keys for operators", () => {
  it("revokes a key by its prefix (or the whole key): it stops working at once and is listed as revoked", async () => {
    const created = await createApiKey({ name: "Short-lived", role: "agent" });
    expect(await authenticateApiKey(created.key)).not.toBeNull();
    expect(await revokeApiKey({ prefix: created.key })).toMatchObject({ name: "Short-lived", alreadyRevoked: false });
    expect(await authenticateApiKey(created.key)).toBeNull();
    expect((await getAs(listRequests, created.key, "/requests")).status).toBe(401);
    expect(await revokeApiKey({ prefix: created.prefix })).toMatchObject({ alreadyRevoked: true });
    const listed = (await listApiKeys()).find((row) => row.prefix === created.prefix);
    expect(listed).toMatchObject({ name: "Short-lived", role: "AGENT", revokedAt: expect.any(Date) });
    expect(listed).not.toHaveProperty("keyHash");
    await expect(revokeApiKey({ prefix: "Zz9Zz9Zz" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiKey({ prefix: "short" })).rejects.toThrow(/8 characters after dsar_/);
    const audit = await db().auditEvent.count({
      where: { action: "staff.api-key-revoked", data: { path: ["apiKeyId"], equals: created.id } },
    });
    expect(audit).toBe(1);
  });
});
