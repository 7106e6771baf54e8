// The evidence bundle of a request that went through its whole life on the real stack: filed,
// verified with the emailed code, paused for information, resumed, extended, approved, fulfilled by
// a manual task with an uploaded document, packaged and emailed; then a retention tombstone. The
// bundle must verify, hold no personal data beyond a masked address, and fail on every tampering.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileVerifiedRequest, waitForRequests } from "../../tests/support/fulfilment-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { createStaffUser } from "../auth/create-staff-user.ts";
import { sealConnectorConfig } from "../connectors/connector-config.ts";
import { db, type Tx } from "../db.ts";
import { completeManualTask } from "../fulfilment/complete-manual-task.ts";
import { approveRequest } from "../requests/approve-request.ts";
import { askForInformation } from "../requests/ask-for-information.ts";
import { createSubmission } from "../requests/create-submission.ts";
import { extendDeadline } from "../requests/extend-deadline.ts";
import { recordInformationReceived } from "../requests/record-information-received.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import { auditEventHash } from "./audit-hash.ts";
import { buildEvidenceBundle } from "./build-evidence-bundle.ts";
import { bundleFiles, hashedFieldsOf } from "./evidence-bundle-format.ts";
import { evidenceSigningKey } from "./evidence-signing-key.ts";
import {
  bufferOf,
  eventsOf,
  flipByte,
  manifestOf,
  newSigningKey,
  resign,
  rewriteSeals,
  rewriteTimeline,
  sealsOfBundle,
  zipOf,
} from "./evidence-tampering.test-support.ts";
import { readZipEntries } from "./read-zip-entries.ts";
import { verifyEvidenceBundle } from "./verify-evidence-bundle.ts";

const email = `evidence${Date.now()}@example.test`;
const staff = { type: "STAFF" as const, id: "" };
const staffEmail = `evidence-agent-${randomUUID()}@staff.example.test`;
const auditor = { type: "STAFF" as const, id: randomUUID() };
const uploaded = Buffer.from(`PAPER FORM ${randomBytes(8).toString("hex")}: signed by the person`);
const connectorKey = `evidence-archive-${randomBytes(3).toString("hex")}`;
let reference = "";
let requestId = "";
let bundle: Awaited<ReturnType<typeof buildEvidenceBundle>>;
let entries: Map<string, Buffer>;

async function waitFor<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const check = (files: Map<string, Buffer>, withKey = true) =>
  verifyEvidenceBundle({ entries: files, duplicates: [] }, withKey ? { publicKey: evidenceSigningKey().publicKey } : {});
const problemsOf = (files: Map<string, Buffer>, withKey = true) =>
  check(files, withKey).problems.map((p) => `${p.file}${p.where ? `, ${p.where}` : ""}: ${p.message}`);

// The paper archive exists before the workers start, so they listen on its queue from the outset.
beforeAll(async () => {
  // The agent who decides and completes the task is a real account: the bundle names them.
  staff.id = (await createStaffUser({ email: staffEmail, role: "agent" })).user.id;
  await db().connector.create({
    data: {
      key: connectorKey,
      name: "Paper archive",
      type: "manual",
      actions: ["ACCESS"],
      enabled: false,
      configEncrypted: sealConnectorConfig({ instructions: "Scan the signed paper forms of the person." }),
    },
  });
});
runWorkersDuringTests();

beforeAll(async () => {
  // Only this file's paper archive answers the approval: connectors other files left enabled are
  // switched off for it and back on right after.
  const enabled = await db().connector.findMany({ where: { enabled: true }, select: { id: true } });
  await db().connector.updateMany({ where: { id: { in: enabled.map((c) => c.id) } }, data: { enabled: false } });
  const archive = await db().connector.update({ where: { key: connectorKey }, data: { enabled: true } });
  try {
    reference = await fileVerifiedRequest(email, "access");
    requestId = (await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).id;
    await askForInformation({ reference, input: { message: "Which store did you shop in?" }, actor: staff });
    await recordInformationReceived({ reference, actor: staff });
    await extendDeadline({ reference, input: { reason: "Records are spread across several paper archives." }, actor: staff });
    await approveRequest({ reference, actor: staff });
  } finally {
    await db().connector.update({ where: { id: archive.id }, data: { enabled: false } });
    await db().connector.updateMany({ where: { id: { in: enabled.map((c) => c.id) } }, data: { enabled: true } });
  }
  const task = await waitFor("the manual task waiting for staff", () =>
    db().connectorTask.findFirst({ where: { requestId, status: "AWAITING_STAFF" } }),
  );
  await completeManualTask(
    task.id,
    { note: "Found the signed form in the cabinet.", file: { name: "form.txt", content: uploaded } },
    staff,
  );
  await waitForRequests([reference], "COMPLETED");
  await waitFor("every email sent", async () => {
    const pending = await db().emailMessage.count({ where: { requestId, status: { not: "SENT" } } });
    return pending === 0 && (await db().emailMessage.count({ where: { requestId } })) >= 4;
  });
  // What the retention purge leaves: a tombstone event in the request's chain.
  await db().$transaction((tx: Tx) =>
    appendAuditEvent(tx, { requestId, actor: { type: "SYSTEM" }, action: "request.personal-data-purged", data: { fields: 4 } }),
  );
  // Pages of 3 rows, so the timeline is read over several pages.
  bundle = await buildEvidenceBundle({ request: { reference }, actor: auditor, pageSize: 3 });
  entries = (await readZipEntries(await bufferOf(bundle.stream))).entries;
}, 120_000);

describe("the evidence bundle of a fulfilled request", () => {
  it("verifies against the portal's key", () => {
    const report = check(entries);
    expect(problemsOf(entries)).toEqual([]);
    expect(report.checked.events).toBeGreaterThanOrEqual(10);
    expect(report.manifest).toMatchObject({ reference, requestId, signature: { keyId: evidenceSigningKey().keyId } });
  });

  it("holds every event of the request with the hashes stored, ending with its own download", async () => {
    const download = await db().auditEvent.findUniqueOrThrow({ where: { id: BigInt(bundle.downloadEventId) } });
    const rows = await db().auditEvent.findMany({
      where: { requestId, chainSeq: { lte: download.chainSeq as bigint } },
      orderBy: { chainSeq: "asc" },
    });
    const events = eventsOf(entries);
    expect(events.map((e) => [e.id, e.seq, e.hash, e.requestPrevHash])).toEqual(
      rows.map((r) => [r.id.toString(), String(r.chainSeq), r.hash, r.requestPrevHash]),
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["request.approved", "clock.pause", "clock.extend", "request.personal-data-purged"]),
    );
    expect(events.at(-1)).toMatchObject({
      id: bundle.downloadEventId,
      action: "evidence.downloaded",
      actorType: "STAFF",
      actorId: auditor.id,
    });
    expect(manifestOf(entries).timeline).toMatchObject({ events: rows.length, downloadEventId: bundle.downloadEventId });
  });

  it("replays the deadline at receipt and at each clock event, agreeing with the stored due date", () => {
    const deadline = JSON.parse((entries.get(bundleFiles.deadline) as Buffer).toString());
    expect(deadline.steps.map((s: { after: { kind: string; type?: string } }) => s.after.type ?? s.after.kind)).toEqual([
      "receipt",
      "pause",
      "resume",
      "extend",
    ]);
    expect(deadline.steps[3].result.extended).toBe(true);
    expect(deadline.storedMatchesRecomputed).toBe(true);
    expect(deadline.timing).toMatchObject({ state: "answered", onTime: true });
    const summary = (entries.get(bundleFiles.summary) as Buffer).toString();
    expect(summary).toMatch(/Answered on time, \d+ days before the due date/);
    // The approver is named, not only an id in the timeline.
    expect(summary).toMatch(new RegExp(`<li>${staffEmail.replaceAll(".", "\\.")} \\(agent\\): [^<]*request\\.approved`));
  });

  it("describes the task and the package by fingerprints, and lists every email sent, with masked addresses", () => {
    const connectors = JSON.parse((entries.get(bundleFiles.connectors) as Buffer).toString());
    const fingerprint = createHash("sha256").update(uploaded).digest("hex");
    expect(connectors.tasks).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ key: connectorKey }),
        action: "access",
        status: "succeeded",
        attempts: expect.any(Number),
      }),
    ]);
    expect(connectors.tasks[0].receipt.files[0].sha256).toBe(fingerprint);
    // Who completed the manual task, by name and role, and the note they left as its record.
    expect(connectors.tasks[0]).toMatchObject({
      completedById: staff.id,
      completedBy: `${staffEmail} (agent)`,
      staffNote: "Found the signed form in the cabinet.",
    });
    expect(connectors.packages[0].manifest).toEqual(expect.arrayContaining([expect.objectContaining({ sha256: fingerprint })]));
    const index = JSON.parse((entries.get(bundleFiles.emailsIndex) as Buffer).toString());
    expect(index.messages.map((m: { template: string }) => m.template)).toEqual(
      expect.arrayContaining(["verify-request", "package-ready"]),
    );
    for (const message of index.messages) {
      expect(message).toMatchObject({ to: `e***@example.test`, delivery: { status: "sent" } });
      expect((entries.get(message.textFile) as Buffer).toString()).toContain(reference);
    }
    expect([...entries.keys()].filter((p) => p.startsWith("emails/") && p.endsWith(".txt")).length).toBe(index.messages.length);
  });

  it("carries no personal data: not the address, not the uploaded document, no link token", () => {
    for (const [path, content] of entries) {
      const text = content.toString("latin1");
      expect(text, path).not.toContain(email);
      expect(text, path).not.toContain(uploaded.toString("latin1"));
      expect(text, path).not.toMatch(/\/(status|verify|download)\/[A-Za-z0-9_-]{20,}/);
    }
  });

  it("a later download records its own event and extends the same chain; the first bundle stays valid", async () => {
    const second = await buildEvidenceBundle({ request: { id: requestId }, actor: auditor });
    const later = (await readZipEntries(await bufferOf(second.stream))).entries;
    expect(problemsOf(later)).toEqual([]);
    const first = eventsOf(entries);
    const next = eventsOf(later);
    expect(next.slice(0, first.length)).toEqual(first);
    expect(next.slice(first.length).map((e) => e.action)).toEqual(["evidence.downloaded"]);
    expect(problemsOf(entries)).toEqual([]);
  });

  it("for a submission of several rights, shows the shared emails (stored on the first request) in each request's bundle", async () => {
    const created = await createSubmission({
      input: { types: ["access", "erasure"], email: `siblings${Date.now()}@example.test`, country: "FR", locale: "en" },
      channel: "WEB",
    });
    const [first, second] = created.requests;
    await waitFor("the verification email sent", () =>
      db().emailMessage.findFirst({ where: { requestId: first.id, template: "verify-request", status: "SENT" } }),
    );
    const templatesOf = async (id: string) => {
      const built = await buildEvidenceBundle({ request: { id }, actor: auditor });
      const files = (await readZipEntries(await bufferOf(built.stream))).entries;
      expect(problemsOf(files)).toEqual([]);
      return JSON.parse((files.get(bundleFiles.emailsIndex) as Buffer).toString()).messages.map((m: { template: string }) => m.template);
    };
    expect(await templatesOf(second.id)).toEqual(["verify-request"]);
    expect(await templatesOf(first.id)).toEqual(["verify-request"]);
  });

  it("refuses an unknown request without recording a download", async () => {
    const before = await db().auditEvent.count({ where: { action: "evidence.downloaded" } });
    await expect(buildEvidenceBundle({ request: { reference: "DSR-0000-0000" }, actor: auditor })).rejects.toThrow(
      "No request has the reference DSR-0000-0000.",
    );
    expect(await db().auditEvent.count({ where: { action: "evidence.downloaded" } })).toBe(before);
  });
});

describe("tampering with a real bundle", () => {
  it("one edited byte of a file", () => {
    expect(problemsOf(flipByte(entries, bundleFiles.connectors, 40))).toEqual([
      expect.stringMatching(/^connectors\.json: does not match the manifest/),
    ]);
  });

  it("an event deleted, with and without the manifest re-hashed and re-signed", () => {
    const events = eventsOf(entries);
    const without = events.filter((e) => e.index !== 5);
    const careless = problemsOf(rewriteTimeline(entries, without));
    expect(careless).toContainEqual(expect.stringMatching(/^timeline\.json: does not match the manifest/));
    expect(careless).toContainEqual(
      expect.stringMatching(new RegExp(`^timeline\\.json, event #5 \\(id ${events[6].id}\\): requestPrevHash`)),
    );
    const forged = rewriteTimeline(entries, without, newSigningKey());
    expect(problemsOf(forged, false)).toEqual([
      expect.stringMatching(
        new RegExp(`^timeline\\.json, event #5 \\(id ${events[6].id}\\): .*an event was removed, inserted or moved here\\.$`),
      ),
    ]);
    expect(problemsOf(forged)).toContainEqual(expect.stringMatching(/^manifest\.sig: does not verify with the key given/));
  });

  it("two events reordered", () => {
    const events = eventsOf(entries);
    const swapped = [...events];
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(problemsOf(rewriteTimeline(entries, swapped, newSigningKey()), false)).toContainEqual(
      `timeline.json, event #2 (id ${events[1].id}): comes after event #1 (id ${events[2].id}) but has an earlier chain position (seq ${events[1].seq}, not after ${events[2].seq}): events were reordered.`,
    );
  });

  it("an event edited and re-hashed with the request's chain rewritten after it, caught by its seal; a forged seal", () => {
    const events = eventsOf(entries);
    const edited = [...events];
    let requestHead = events[1].hash;
    for (let i = 2; i < events.length; i++) {
      const fields = { ...events[i], ...(i === 2 ? { data: { forged: true } } : {}), requestPrevHash: requestHead };
      edited[i] = { ...fields, hash: auditEventHash(hashedFieldsOf(fields)) };
      requestHead = edited[i].hash;
    }
    const forger = newSigningKey();
    const problems = problemsOf(rewriteTimeline(entries, edited, forger), false);
    expect(problems.filter((p) => p.startsWith("timeline.json"))).toEqual([]);
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^seals\\.json, event #2 \\(id ${events[2].id}\\): has hash .* the event was changed, replaced or moved after sealing\\.$`,
        ),
      ),
    );
    const seals = sealsOfBundle(entries);
    const forged = seals.map((seal, i) => (i === 0 ? { ...seal, sealedAt: "2020-01-01T00:00:00.000Z" } : seal));
    expect(problemsOf(rewriteSeals(entries, forged, forger), false)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^seals\\.json, seal ${seals[0].id}: hash .* does not match its fields: the seal was forged or edited\\.$`),
      ),
    );
  });

  it("a replaced signature, a changed manifest, and a file swapped for another's content", () => {
    expect(problemsOf(resign(entries, newSigningKey()))).toEqual([
      expect.stringMatching(/^manifest\.sig: does not verify with the key given/),
    ]);
    const manifest = manifestOf(entries);
    const changed = new Map(entries);
    changed.set(bundleFiles.manifest, Buffer.from(JSON.stringify({ ...manifest, reference: "DSR-AAAA-BBBB" }, null, 2)));
    const changedProblems = problemsOf(changed);
    expect(changedProblems).toContainEqual(expect.stringMatching(/^manifest\.sig: does not verify manifest\.json with the given key/));
    const swapped = new Map(entries);
    swapped.set(bundleFiles.timelineCsv, entries.get(bundleFiles.summary) as Buffer);
    expect(problemsOf(swapped)).toContainEqual(expect.stringMatching(/^timeline\.csv: does not match the manifest/));
  });

  it("still verifies once written back to a ZIP untouched (the checks are about content, not the archive)", async () => {
    expect(check((await readZipEntries(await zipOf(entries))).entries).valid).toBe(true);
  });
});

afterAll(async () => {
  await db().connector.updateMany({ where: { key: connectorKey }, data: { enabled: false } });
});
