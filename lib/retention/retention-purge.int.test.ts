// The retention purge on requests filed, emailed and refused the real way, plus the rows staff
// and connectors add: afterwards no column of any table holds the person's name or address, the
// files are gone, the audit chain still verifies, and the register and metrics are unchanged.
import { randomBytes } from "node:crypto";
import { access, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdleConnector, createStaff, nextEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { sealAllAuditEvents } from "../evidence/seal-audit-events.ts";
import { verifyAuditLog } from "../evidence/verify-audit-log.ts";
import { computeRequestMetrics } from "../reports/compute-request-metrics.ts";
import { streamRegister } from "../reports/stream-register.ts";
import { createSubmission } from "../requests/create-submission.ts";
import { denyRequest } from "../requests/deny-request.ts";
import { PURGE_ACTION } from "./purge-request-batch.ts";
import { RETENTION_SETTING_KEY } from "./retention-settings.ts";
import { RETENTION_RUN_ACTION, runRetentionPurge } from "./run-retention-purge.ts";
import { saveRetentionSettings } from "./save-retention-settings.ts";

runWorkersDuringTests();

const DAY = 86_400_000;
const marker = `Zyxwvut${randomBytes(4).toString("hex")}`;
const email = `${marker.toLowerCase()}@example.test`;
const name = `Ana ${marker}`;
const now = new Date();
const receivedAt = new Date(now.getTime() - 800 * DAY);
const closedAt = new Date(now.getTime() - 770 * DAY); // past 24 months
const day = (date: Date, shift: number) => new Date(date.getTime() + shift * DAY).toISOString().slice(0, 10);
const period = { from: day(receivedAt, -2), to: day(receivedAt, 2), jurisdiction: "US_CA" as const };

let files: Record<"staging" | "package" | "openPackage" | "oldPackage", string>;
let personIds: string[] = [];
let sibling: { submissionId: string; closedId: string; openId: string };
let openArtifactId = "";

/** Where the marker appears, as "table.column", across every text, JSON and array column of the schema. */
async function columnsHolding(text: string): Promise<string[]> {
  const columns = await db().$queryRaw<Array<{ table: string; column: string }>>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const [{ count }] = await db().$queryRawUnsafe<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}"::text ILIKE $1`,
      `%${text}%`,
    );
    if (count > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

async function register() {
  return new Response(streamRegister(period, "csv")).text();
}

async function waitUntilSent(requestIds: string[]) {
  for (let tries = 0; tries < 150; tries++) {
    if ((await db().emailMessage.count({ where: { requestId: { in: requestIds }, status: { not: "SENT" } } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("emails not sent");
}

async function fileAndDeny(options: {
  email: string;
  fullName: string;
  types: Array<"access" | "rectification" | "erasure">;
  deny: number;
}) {
  const created = await createSubmission({
    input: {
      types: options.types,
      email: options.email,
      fullName: options.fullName,
      country: "US",
      region: "US-CA",
      accountId: `ACCT-${options.fullName}`,
      details: `I am ${options.fullName}, write to ${options.email}`,
      corrections: options.types.includes("rectification")
        ? [{ field: "fullName", correctValue: options.fullName, currentValue: "A. Z." }]
        : undefined,
      locale: "en",
    },
    channel: "WEB",
  });
  await nextEmail(options.email, (m) => m.text.includes(created.requests[0].reference));
  const staff = { type: "STAFF" as const, id: (await createStaff("AGENT")).id };
  for (const request of created.requests.slice(0, options.deny)) {
    await denyRequest({
      reference: request.reference,
      reason: "IDENTITY_NOT_VERIFIED",
      message: `${options.fullName}, we could not confirm it is you.`,
      actor: staff,
    });
  }
  await waitUntilSent(created.requests.map((r) => r.id));
  return created;
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "dsar-retention-"));
  files = {
    staging: join(dir, "staging.enc"),
    package: join(dir, "package.enc"),
    openPackage: join(dir, "open.enc"),
    oldPackage: join(dir, "old.enc"),
  };
  for (const path of Object.values(files)) await writeFile(path, "enc");

  const person = await fileAndDeny({ email, fullName: name, types: ["access", "rectification"], deny: 2 });
  personIds = person.requests.map((r) => r.id);
  const [accessId] = personIds;
  const staff = await createStaff("AGENT");
  const connector = await createIdleConnector();
  await db().requestNote.create({ data: { requestId: accessId, authorId: staff.id, body: `Called ${name} at ${email}` } });
  await db().subjectMessage.create({ data: { requestId: accessId, direction: "FROM_SUBJECT", body: `Hello, ${name} here` } });
  await db().correctionTask.create({
    data: {
      requestId: personIds[1],
      status: "DONE",
      items: [{ index: 0, reason: "free-text" }],
      results: [{ index: 0, corrected: false }],
      note: `Looked for ${name} in the paper files`,
      message: `Sorry ${name}, we keep the name on your contract`,
    },
  });
  await db().clockEvent.create({
    data: { requestId: accessId, type: "PAUSE", at: closedAt, reason: `Asked ${name} for ID`, actorType: "STAFF" },
  });
  await db().emailMessage.create({
    data: { requestId: accessId, template: "request-denied", locale: "en", to: email, props: { sealed: "x" } },
  });
  await db().connectorTask.create({
    data: {
      requestId: accessId,
      connectorId: connector.id,
      action: "ACCESS",
      status: "FAILED",
      lastError: `No customer ${email}`,
      note: `Searched the archive for ${name}`,
      receipt: { records: 0, files: [{ name: `${marker}-passport.pdf`, bytes: 3, sha256: "00" }] },
      resultPath: files.staging,
      resultKeyWrapped: "wrapped",
    },
  });
  const artifact = await db().exportArtifact.create({
    data: {
      requestId: accessId,
      storagePath: files.package,
      sizeBytes: 3n,
      sha256: "00",
      wrappedKey: "wrapped",
      manifest: { reference: "x", files: [{ path: `data/archive/files/${marker}.pdf`, sha256: "11", bytes: 3 }] },
      downloadTokenHash: randomBytes(16).toString("hex"),
      expiresAt: new Date(now.getTime() + 3 * DAY),
    },
  });
  await db().artifactDownload.create({ data: { artifactId: artifact.id, clientHash: "client-hash" } });

  // Another person's two rights in one submission: one refused long ago, one still open.
  const other = await fileAndDeny({
    email: `other${marker.slice(7)}@example.test`,
    fullName: "Bea Quixote",
    types: ["access", "erasure"],
    deny: 1,
  });
  sibling = { submissionId: other.submissionId, closedId: other.requests[0].id, openId: other.requests[1].id };
  const packageOf = (path: string, createdAt: Date) => ({
    requestId: sibling.openId,
    storagePath: path,
    sizeBytes: 3n,
    sha256: "00",
    wrappedKey: "wrapped",
    manifest: {},
    downloadTokenHash: randomBytes(16).toString("hex"),
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 7 * DAY),
  });
  openArtifactId = (await db().exportArtifact.create({ data: packageOf(files.openPackage, now) })).id;
  await db().exportArtifact.create({ data: packageOf(files.oldPackage, new Date(now.getTime() - 5 * DAY)) });

  await db().dsarRequest.updateMany({
    where: { id: { in: [...personIds, sibling.closedId] } },
    data: { receivedAt, closedAt, decidedAt: closedAt },
  });
  await db().dsarRequest.update({ where: { id: sibling.openId }, data: { receivedAt } });
  await saveRetentionSettings({ input: { packageDays: "3", closedRequestMonths: "24" }, actor: { type: "STAFF", id: staff.id } });
});

afterAll(async () => {
  await db().setting.deleteMany({ where: { key: RETENTION_SETTING_KEY } });
});

describe("the retention purge", () => {
  it("leaves no trace of the person in any table, keeps the record, the register and the metrics", async () => {
    const before = {
      hits: await columnsHolding(marker),
      metrics: await computeRequestMetrics(period, day(now, 0)),
      register: await register(),
    };
    // The check sees what it is looking for: the details are everywhere before the purge.
    expect(before.hits).toEqual(
      expect.arrayContaining([
        "requests.email",
        "requests.fullName",
        "requests.accountId",
        "requests.details",
        "requests.corrections",
        "requests.denialMessage",
        "email_messages.to",
        "email_messages.textBody",
        "request_notes.body",
        "subject_messages.body",
        "correction_tasks.note",
        "correction_tasks.message",
        "clock_events.reason",
        "connector_tasks.note",
        "connector_tasks.lastError",
        "connector_tasks.receipt",
        "export_artifacts.manifest",
      ]),
    );
    expect(before.metrics.byRight.find((row) => row.right === "all")?.received).toBe(4);
    const links = await db().statusLinkToken.count({
      where: { submissionId: (await db().dsarRequest.findUniqueOrThrow({ where: { id: personIds[0] } })).submissionId },
    });
    expect(links).toBeGreaterThanOrEqual(3); // the filing email and one per denial email

    const run = await runRetentionPurge({ now });

    expect(await columnsHolding(marker)).toEqual([]);
    expect(await computeRequestMetrics(period, day(now, 0))).toEqual(before.metrics);
    expect(await register()).toBe(before.register);
    expect(run).toMatchObject({ closedRequestMonths: 24, packageDays: 3, settingsSource: "setting" });
    expect(run.requests).toBeGreaterThanOrEqual(3);
    expect(run.files).toBeGreaterThanOrEqual(2); // the staging file and the package
    expect(run.packagesDeleted).toBeGreaterThanOrEqual(1); // the package older than 3 days

    const record = await db().dsarRequest.findUniqueOrThrow({ where: { id: personIds[0] } });
    expect(record).toMatchObject({
      email: null,
      emailHash: "",
      fullName: null,
      accountId: null,
      details: null,
      region: null,
      denialMessage: null,
    });
    expect(record).toMatchObject({
      type: "ACCESS",
      status: "DENIED",
      outcome: "DENIED",
      denialReason: "IDENTITY_NOT_VERIFIED",
      jurisdiction: "US_CA",
      country: "US",
    });
    expect(record.purgedAt).toEqual(now);
    expect(record.closedAt).toEqual(closedAt);
    const pending = await db().emailMessage.findFirstOrThrow({
      where: { requestId: personIds[0], props: { equals: {} }, status: "FAILED" },
    });
    expect(pending.to).toBe("");
    for (const path of [files.staging, files.package]) await expect(access(path)).rejects.toThrow();
  });

  it("appends one tombstone per request counting what went, and the chain still verifies", async () => {
    const tombstones = await db().auditEvent.findMany({
      where: { requestId: { in: personIds }, action: PURGE_ACTION },
      orderBy: { id: "asc" },
    });
    expect(tombstones).toHaveLength(2);
    const accessTombstone = tombstones.find((event) => event.requestId === personIds[0]);
    if (!accessTombstone) throw new Error("no tombstone on the access request");
    expect(accessTombstone.data).toMatchObject({
      messages: 1,
      notes: 1,
      clockReasons: 1,
      tasks: 1,
      packages: 1,
      downloads: 1,
      retentionMonths: 24,
    });
    expect((accessTombstone.data as { emails: number }).emails).toBeGreaterThanOrEqual(3);
    const links = tombstones.reduce((sum, event) => sum + (event.data as { statusLinks: number }).statusLinks, 0);
    const challenges = tombstones.reduce((sum, event) => sum + (event.data as { challenges: number }).challenges, 0);
    expect(links).toBeGreaterThanOrEqual(3);
    expect(challenges).toBe(1);

    // Every event, recomputed from its stored fields, in the global chain and in its request's chain,
    // and every batch seal, once the events are sealed.
    await sealAllAuditEvents();
    expect((await verifyAuditLog()).problems).toEqual([]);
    const events = await db().auditEvent.findMany({ orderBy: { chainSeq: "asc" } });
    expect(events.filter((event) => event.requestId === personIds[0]).at(-1)?.action).toBe(PURGE_ACTION);

    const runs = events.filter((event) => event.action === RETENTION_RUN_ACTION);
    expect(runs.at(-1)?.requestId).toBeNull();
    expect(runs.at(-1)?.data).toMatchObject({ packageDays: 3, closedRequestMonths: 24 });
    expect(events.some((event) => event.action === "settings.retention-changed")).toBe(true);
  });

  it("keeps the status links of a submission with a request still open, and that request's details", async () => {
    const closed = await db().dsarRequest.findUniqueOrThrow({ where: { id: sibling.closedId } });
    const open = await db().dsarRequest.findUniqueOrThrow({ where: { id: sibling.openId } });
    expect(closed.purgedAt).not.toBeNull();
    expect(closed.fullName).toBeNull();
    expect(open).toMatchObject({ purgedAt: null, fullName: "Bea Quixote", status: "SUBMITTED" });
    expect(await db().statusLinkToken.count({ where: { submissionId: sibling.submissionId } })).toBeGreaterThan(0);
    expect(await db().verificationChallenge.count({ where: { submissionId: sibling.submissionId } })).toBe(1);
  });

  it("keeps packages no longer than the setting: later expiries brought forward and audited, older ones deleted", async () => {
    const open = await db().exportArtifact.findUniqueOrThrow({ where: { id: openArtifactId } });
    expect(open.expiresAt.getTime()).toBe(open.createdAt.getTime() + 3 * DAY);
    expect(open.deletedAt).toBeNull();
    await expect(access(files.openPackage)).resolves.toBeUndefined();
    await expect(access(files.oldPackage)).rejects.toThrow();
    const shortened = await db().auditEvent.findMany({ where: { requestId: sibling.openId, action: "package.expiry-shortened" } });
    expect(shortened).toHaveLength(2);
    expect(await db().auditEvent.count({ where: { requestId: sibling.openId, action: "package.deleted" } })).toBe(1);
  });

  it("does nothing twice: a second run finds the requests purged", async () => {
    const again = await runRetentionPurge({ now: new Date(now.getTime() + 1000) });
    expect(again.packagesShortened).toBe(0);
    expect(await db().auditEvent.count({ where: { requestId: { in: personIds }, action: PURGE_ACTION } })).toBe(2);
    expect(await columnsHolding(marker)).toEqual([]);
  });
});
