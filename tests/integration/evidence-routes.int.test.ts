// The evidence download routes as a client calls them: an auditor's or admin's API key or staff
// session gets the ZIP; an agent gets 403; no credentials 401. Route handlers are called directly
// with a Request. Outside Next's server, cookies() has no request to read: it is stood in for by the
// cookie of the request under test, the only thing of Next's that is replaced here.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => ({ session: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "dsar_staff_session" && jar.session ? { name, value: jar.session } : undefined),
  }),
}));

const { GET: apiEvidence } = await import("../../app/api/v1/requests/[reference]/evidence/route.ts");
const { GET: staffEvidence } = await import("../../app/staff/requests/[id]/evidence/route.ts");
const { GET: evidenceKey } = await import("../../app/.well-known/evidence-key/route.ts");
const { createApiKey } = await import("../../lib/auth/create-api-key.ts");
const { createStaffSession } = await import("../../lib/auth/create-staff-session.ts");
const { createStaffUser } = await import("../../lib/auth/create-staff-user.ts");
const { db } = await import("../../lib/db.ts");
const { evidenceSigningKey } = await import("../../lib/evidence/evidence-signing-key.ts");
const { readZipEntries } = await import("../../lib/evidence/read-zip-entries.ts");
const { verifyEvidenceBundle } = await import("../../lib/evidence/verify-evidence-bundle.ts");
const { createSubmission } = await import("../../lib/requests/create-submission.ts");

const keys: Record<"auditor" | "admin" | "agent", string> = { auditor: "", admin: "", agent: "" };
let reference = "";
let requestId = "";
let auditorUserId = "";
let auditorSession = "";

beforeAll(async () => {
  for (const role of ["auditor", "admin", "agent"] as const) keys[role] = (await createApiKey({ name: `evidence ${role}`, role })).key;
  const created = await createSubmission({
    input: { types: ["erasure"], email: `routes${Date.now()}@example.test`, country: "FR", locale: "en" },
    channel: "WEB",
  });
  reference = created.requests[0].reference;
  requestId = created.requests[0].id;
  const { user } = await createStaffUser({ email: `auditor${Date.now()}@example.test`, role: "auditor" });
  await db().staffUser.update({ where: { id: user.id }, data: { mustChangePassword: false } });
  auditorUserId = user.id;
  auditorSession = (await createStaffSession(user.id)).token;
});

afterAll(() => {
  jar.session = undefined;
});

const call = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const bearer = (role: keyof typeof keys) => ({ authorization: `Bearer ${keys[role]}` });
const byReference = (value: string) => ({ params: Promise.resolve({ reference: value }) });
const byId = (value: string) => ({ params: Promise.resolve({ id: value }) });

async function expectValidZip(response: Response, fileReference: string) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="evidence-${fileReference}.zip"`);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const zip = Buffer.from(await response.arrayBuffer());
  const report = verifyEvidenceBundle(await readZipEntries(zip), { publicKey: evidenceSigningKey().publicKey });
  expect(report.problems).toEqual([]);
  expect(report.manifest?.reference).toBe(fileReference);
  return report;
}

describe("GET /api/v1/requests/{reference}/evidence", () => {
  it("gives an auditor's key and an admin's key the signed ZIP, and records each download with who made it", async () => {
    for (const role of ["auditor", "admin"] as const) {
      const response = await apiEvidence(
        call(`/api/v1/requests/${reference}/evidence`, bearer(role)),
        byReference(reference.toLowerCase()),
      );
      await expectValidZip(response, reference);
      const eventId = response.headers.get("x-evidence-download-event") as string;
      const event = await db().auditEvent.findUniqueOrThrow({ where: { id: BigInt(eventId) } });
      const apiKey = await db().apiKey.findFirstOrThrow({ where: { name: `evidence ${role}` } });
      expect(event).toMatchObject({ requestId, action: "evidence.downloaded", actorType: "API_KEY", actorId: apiKey.id });
    }
  });

  it("answers 403 to an agent's key and 401 without credentials or with a bad key, recording nothing", async () => {
    const before = await db().auditEvent.count({ where: { requestId, action: "evidence.downloaded" } });
    const agent = await apiEvidence(call(`/api/v1/requests/${reference}/evidence`, bearer("agent")), byReference(reference));
    expect(agent.status).toBe(403);
    expect(await agent.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringContaining("evidence.read") } });
    const anonymous = await apiEvidence(call(`/api/v1/requests/${reference}/evidence`), byReference(reference));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    const forged = await apiEvidence(
      call(`/api/v1/requests/${reference}/evidence`, { authorization: "Bearer dsar_nope" }),
      byReference(reference),
    );
    expect(forged.status).toBe(401);
    expect(await db().auditEvent.count({ where: { requestId, action: "evidence.downloaded" } })).toBe(before);
  });

  it("answers 404 naming the reference for an unknown one and for one that cannot exist", async () => {
    const unknown = await apiEvidence(call("/api/v1/requests/DSR-0000-0000/evidence", bearer("auditor")), byReference("DSR-0000-0000"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "No request has the reference DSR-0000-0000." } });
    const malformed = await apiEvidence(call("/api/v1/requests/x/evidence", bearer("auditor")), byReference("../etc"));
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "No request has the reference ../ETC." } });
  });
});

describe("GET /staff/requests/{id}/evidence", () => {
  it("gives a signed-in auditor the ZIP by request id or by reference, recorded as that staff member", async () => {
    jar.session = auditorSession;
    try {
      const response = await staffEvidence(call(`/staff/requests/${requestId}/evidence`), byId(requestId));
      await expectValidZip(response, reference);
      const event = await db().auditEvent.findUniqueOrThrow({
        where: { id: BigInt(response.headers.get("x-evidence-download-event") as string) },
      });
      expect(event).toMatchObject({ actorType: "STAFF", actorId: auditorUserId });
      await expectValidZip(await staffEvidence(call(`/staff/requests/${reference}/evidence`), byId(reference)), reference);
    } finally {
      jar.session = undefined;
    }
  });

  it("answers 401 with no session, 403 to an agent's key, and 404 for an unknown id or one that is neither id nor reference", async () => {
    expect((await staffEvidence(call(`/staff/requests/${requestId}/evidence`), byId(requestId))).status).toBe(401);
    expect((await staffEvidence(call(`/staff/requests/${requestId}/evidence`, bearer("agent")), byId(requestId))).status).toBe(403);
    const unknownId = "00000000-0000-4000-8000-000000000000";
    expect((await staffEvidence(call(`/staff/requests/${unknownId}/evidence`, bearer("admin")), byId(unknownId))).status).toBe(404);
    const malformed = await staffEvidence(call("/staff/requests/nope/evidence", bearer("admin")), byId("nope"));
    expect(malformed.status).toBe(404);
    expect((await malformed.json()).error.message).toBe("No request has the reference NOPE.");
  });
});

describe("the published key", () => {
  it("is served at /.well-known/evidence-key and printed by the admin CLI, the same key that signs bundles", async () => {
    const response = await evidenceKey();
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document).toEqual(evidenceSigningKey().document);
    expect(document).toMatchObject({ algorithm: "Ed25519", keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", "evidence-key", "--json"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: process.env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(document);
  });
});
