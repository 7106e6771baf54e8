// The storage folder cannot take a package while one is built: the finaliser fails with an error
// that names the storage and is retried; no package row, no download link, no file under the
// package's name exists until a build succeeds, and once the folder is usable again the request
// completes with exactly one package, which opens.
//
// How the faults are made: unwritable — `STORAGE_DIR/packages` is a regular file, so the packages
// folder cannot be created (EEXIST), whoever runs the test (chmod does not stop root); full — a
// 64 KiB tmpfs mounted on the packages folder and filled to the last byte, so the build's writes
// fail (ENOSPC), then the filler removed. Mounting needs root (CAP_SYS_ADMIN): without it that case is
// skipped and says why. Staging files, in `STORAGE_DIR/staging`, are unaffected, so the connector
// tasks succeed first.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const storageDir = mkdtempSync(join(tmpdir(), "dsar-storage-faults-"));
process.env.STORAGE_DIR = storageDir;
const packagesDir = join(storageDir, "packages");

const { db } = await import("../../lib/db.ts");
const { readConnectorsFile } = await import("../../lib/connectors/read-connectors-file.ts");
const { applyConnectors } = await import("../../lib/connectors/apply-connectors.ts");
const { approveRequest } = await import("../../lib/requests/approve-request.ts");
const { getQueue } = await import("../../lib/queue/enqueue.ts");
const { queueNames } = await import("../../lib/queue/jobs.ts");
const { openPackage } = await import("../../lib/fulfilment/package/open-package.ts");
const { unwrapPackageKey } = await import("../../lib/fulfilment/package/encrypted-file.ts");
const { ensureDemoShop } = await import("../../scripts/dev/demo-shop.ts");
const { adminDatabaseUrl } = await import("../support/test-database.ts");
const { runWorkersDuringTests } = await import("../support/use-workers.ts");
const { listEmails } = await import("../support/mailbox.ts");
const { fileVerifiedRequest, requestsWithTasks, waitForRequests } = await import("../support/fulfilment-requests.ts");
const { waitUntil } = await import("../support/wait-until.ts");

const runId = randomBytes(3).toString("hex");
const shopName = `shop_storage_faults_${runId}`;
const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };

beforeAll(async () => {
  const shopUrl = await ensureDemoShop(adminDatabaseUrl, shopName, 10);
  const { entries, problems } = await readConnectorsFile(
    `connectors:
  - key: shop-storage-${runId}
    name: Shop database
    type: postgres
    actions: [access]
    maxAttempts: 3
    config:
      url: \${SHOP_URL}
      tables:
        - table: customers
          identity: { email: email }
          erase: { strategy: mask, columns: { email: hash } }`,
    { SHOP_URL: shopUrl },
  );
  expect(problems).toEqual([]);
  await applyConnectors(entries, { type: "SYSTEM", id: "test" });
}, 60_000);
runWorkersDuringTests();
afterAll(async () => {
  rmSync(storageDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${shopName}" WITH (FORCE)`);
  await admin.end();
}, 60_000);

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN), tried on a folder of its own. */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), "dsar-mount-probe-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", probe]).status === 0;
  if (mounted) spawnSync("umount", [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
}
const mountable = canMountTmpfs();

describe("the storage folder unusable while a package is built", () => {
  it("fails the build with an error naming the storage, retries it, offers nothing until a build succeeds, then exactly one package", async () => {
    writeFileSync(packagesDir, "not a folder");
    const email = `storage-${runId}@example.test`;
    const reference = await fileVerifiedRequest(email, "access");
    await approveRequest({ reference, actor: staff });
    const [{ id: requestId }] = await requestsWithTasks([reference]);

    // The connector's work is done; the package is what cannot be written.
    const finaliser = () => getQueue(queueNames.fulfilment).getJob(`finalise-${requestId}`);
    const retried = await waitUntil(
      async () => {
        const job = await finaliser();
        return job && job.attemptsMade >= 2 ? job : undefined;
      },
      "the finaliser to fail twice",
      120_000,
    );
    expect(retried.failedReason).toContain("STORAGE_DIR");
    expect(retried.failedReason).toContain(packagesDir);
    const [stuck] = await requestsWithTasks([reference]);
    expect(stuck.status).toBe("IN_PROGRESS");
    expect(stuck.tasks.map((task) => task.status)).toEqual(["SUCCEEDED"]);
    expect(await db().exportArtifact.count({ where: { requestId } })).toBe(0);
    const downloadEmails = async () =>
      (await listEmails(process.env.MAIL_CATCHER_URL as string, email)).filter((m) => /download/i.test(m.subject));
    expect(await downloadEmails()).toEqual([]);

    // The folder is usable again: the next retry builds the package, once.
    rmSync(packagesDir);
    mkdirSync(packagesDir);
    const [done] = await waitForRequests([reference], "COMPLETED", 150_000);
    const artifacts = await db().exportArtifact.findMany({ where: { requestId: done.id } });
    expect(artifacts).toHaveLength(1);
    const [artifact] = artifacts;
    const packagePath = artifact.storagePath as string;
    expect(existsSync(packagePath)).toBe(true);
    // Nothing half-written is left beside it: only the package under its own name.
    expect(readdirSync(packagesDir)).toEqual([basename(packagePath)]);
    const chunks: Buffer[] = [];
    for await (const chunk of openPackage(packagePath, unwrapPackageKey(artifact.wrappedKey as string))) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 2).toString("latin1")).toBe("PK"); // a ZIP, whole (authenticated segments)
    await waitUntil(async () => (await downloadEmails()).length === 1, "the download email", 60_000);
  }, 330_000);

  it.skipIf(!mountable)(
    "runs out of space mid-write: fails and retries, leaves no partial file, then builds one package (needs root to mount a tmpfs)",
    async () => {
      mkdirSync(packagesDir, { recursive: true });
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k,mode=700", "tmpfs", packagesDir]).status).toBe(0);
      try {
        // Filled to the last byte: any write of the build fails with ENOSPC.
        const filler = join(packagesDir, "filler");
        const block = Buffer.alloc(4096, 1);
        try {
          for (let i = 0; i < 1000; i++) appendFileSync(filler, block);
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
        }
        expect(() => appendFileSync(filler, "x")).toThrow(/ENOSPC/);
        const email = `storage-full-${runId}@example.test`;
        const reference = await fileVerifiedRequest(email, "access");
        await approveRequest({ reference, actor: staff });
        const [{ id: requestId }] = await requestsWithTasks([reference]);
        const retried = await waitUntil(
          async () => {
            const job = await getQueue(queueNames.fulfilment).getJob(`finalise-${requestId}`);
            return job && job.attemptsMade >= 2 ? job : undefined;
          },
          "the finaliser to fail twice",
          120_000,
        );
        expect(retried.failedReason).toContain("ENOSPC");
        expect(retried.failedReason).toContain("STORAGE_DIR");
        expect(await db().exportArtifact.count({ where: { requestId } })).toBe(0);
        // The failed builds removed what they had written: the full folder holds only the filler.
        expect(readdirSync(packagesDir)).toEqual(["filler"]);

        rmSync(filler); // space again
        const [done] = await waitForRequests([reference], "COMPLETED", 150_000);
        const artifacts = await db().exportArtifact.findMany({ where: { requestId: done.id } });
        expect(artifacts).toHaveLength(1);
        expect(readdirSync(packagesDir)).toEqual([basename(artifacts[0].storagePath as string)]);
      } finally {
        spawnSync("umount", [packagesDir]);
      }
    },
    330_000,
  );
});
