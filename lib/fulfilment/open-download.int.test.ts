// The package download's audit event names which download it was, as the counter says after this
// download took its place, even when another download was counted between our read and our increment.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { keyedHash } from "../crypto.ts";
import { db } from "../db.ts";
import { seedRequests } from "../reports/report-seed.test-support.ts";
import { openDownload } from "./open-download.ts";
import { createPackageKey, wrapPackageKey } from "./package/encrypted-file.ts";

const dir = mkdtempSync(join(tmpdir(), "open-download-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seedPackage(maxDownloads: number) {
  const reference = `DL-${randomUUID()}`;
  await seedRequests([
    {
      reference,
      type: "ACCESS",
      status: "COMPLETED",
      outcome: "FULFILLED",
      jurisdiction: "EU_GDPR",
      receivedAt: "2026-03-02T10:00:00Z",
      closedAt: "2026-03-05T10:00:00Z",
      dueDate: "2026-04-02",
    },
  ]);
  const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
  const token = randomBytes(32).toString("base64url");
  const storagePath = join(dir, `${reference}.pkg`);
  writeFileSync(storagePath, "never read: each stream is destroyed unread");
  const artifact = await db().exportArtifact.create({
    data: {
      requestId: request.id,
      storagePath,
      sizeBytes: 10n,
      sha256: "0".repeat(64),
      wrappedKey: wrapPackageKey(createPackageKey()),
      manifest: {},
      downloadTokenHash: keyedHash("download-token", token),
      expiresAt: new Date(Date.now() + 86_400_000),
      maxDownloads,
    },
  });
  return { token, artifact, requestId: request.id };
}

async function downloadEvents(requestId: string) {
  const events = await db().auditEvent.findMany({ where: { requestId, action: "package.downloaded" }, orderBy: { id: "asc" } });
  return events.map((event) => event.data as { download: number; of: number });
}

/** Waits until a backend of this database is blocked on a row lock (our download, at its increment). */
async function untilBlockedOnLock(client: pg.Client) {
  for (let tries = 0; tries < 600; tries++) {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows[0].n > 0) return;
    await sleep(50);
  }
  throw new Error("the download never reached its increment");
}

describe("openDownload", () => {
  it("counts each download in turn in its audit event, and refuses one more than allowed", async () => {
    const { token, requestId } = await seedPackage(3);
    for (let i = 0; i < 3; i++) (await openDownload(token, "127.0.0.1")).stream.destroy();
    await expect(openDownload(token, "127.0.0.1")).rejects.toMatchObject({ code: "GONE" });
    expect(await downloadEvents(requestId)).toEqual([
      { artifactId: expect.any(String), download: 1, of: 3 },
      { artifactId: expect.any(String), download: 2, of: 3 },
      { artifactId: expect.any(String), download: 3, of: 3 },
    ]);
  });

  it("records the count the increment returned, not the one read before it, when another download came in between", async () => {
    const { token, artifact, requestId } = await seedPackage(5);
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // Another download has taken the first place but not committed yet: ours reads 0, then waits at its increment.
      await other.query("BEGIN");
      await other.query('UPDATE export_artifacts SET "downloadCount" = "downloadCount" + 1 WHERE id = $1', [artifact.id]);
      const ours = openDownload(token, "127.0.0.1");
      await untilBlockedOnLock(other);
      await other.query("COMMIT");
      (await ours).stream.destroy();
    } finally {
      await other.end();
    }
    expect(await downloadEvents(requestId)).toEqual([{ artifactId: artifact.id, download: 2, of: 5 }]);
    expect((await db().exportArtifact.findUniqueOrThrow({ where: { id: artifact.id } })).downloadCount).toBe(2);
  });
});
