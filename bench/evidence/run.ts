/**
 * Evidence bundle of a request with a long history: N audit events (default 10,000) seeded straight
 * into the log with the hashes appendAuditEvent would compute (the request's own chain, interleaved
 * with other requests' events in the global chain), then the bundle built by `buildEvidenceBundle`
 * (the timeline read in pages) and streamed to a file, then read and verified as
 * `npm run evidence:verify` does. Prints build time, verify time, bundle size and memory; compare
 * them with BASELINE. Exits 1 if the bundle does not verify.
 *
 *   npx tsx bench/evidence/run.ts [--events 10000] [--page-size 1000]
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";

/** First figures recorded for this benchmark (see README.md); a later run far above them is a regression. */
const BASELINE = {
  figures:
    "10,000 events: build 0.6 s, verify 0.5 s, bundle 1.3 MB zipped (8.6 MB unpacked, timeline.json 5.0 MB); " +
    "50,000 events with pages of 200: build 5.8 s, verify 3.3 s, 6.4 MB zipped",
  recorded:
    "first runs, 2026-11-23, 2-core Intel Xeon, Node 20.20, PostgreSQL 15 on the same machine, under a load average of about 10 " +
    "(other builds and tests running): the same 10,000-event run took 0.6 to 2.6 s to build",
};

const { values: cli } = parseArgs({
  options: { events: { type: "string", default: "10000" }, "page-size": { type: "string", default: "1000" } },
});
const EVENTS = Number(cli.events);
const PAGE_SIZE = Number(cli["page-size"]);
/** One event in this many belongs to another request: the global chain runs through them. */
const OTHER_EVERY = 5;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function seed() {
  const { db } = await import("../../lib/db.ts");
  const { auditEventHash, GENESIS_HASH } = await import("../../lib/evidence/audit-hash.ts");
  const { computeRequestDeadline, deadlineColumns } = await import("../../lib/requests/request-deadline.ts");
  const { emailHash, randomReference } = await import("../../lib/crypto.ts");
  const receivedAt = new Date(Date.now() - 20 * 86_400_000);
  const clock = { jurisdiction: "EU_GDPR", type: "ACCESS", receivedAt, timeZone: "Europe/Paris", holidayRegion: "FR" } as const;
  const [request, other] = await Promise.all(
    ["bench@example.test", "other@example.test"].map((email) =>
      db().dsarRequest.create({
        data: {
          ...clock,
          ...deadlineColumns(computeRequestDeadline(clock)),
          reference: randomReference(),
          submissionId: randomUUID(),
          status: "IN_PROGRESS",
          channel: "WEB",
          email,
          emailHash: emailHash(email),
          country: "FR",
          verifyBy: new Date(receivedAt.getTime() + 7 * 86_400_000),
        },
      }),
    ),
  );
  let globalHead = GENESIS_HASH;
  let requestHead = GENESIS_HASH;
  let otherHead = GENESIS_HASH;
  let written = 0;
  let step = 0;
  while (written < EVENTS) {
    const rows = [];
    while (rows.length < 1000 && written < EVENTS) {
      const mine = step % OTHER_EVERY !== 0;
      const fields = {
        requestId: mine ? request.id : other.id,
        actorType: step % 3 === 0 ? "SYSTEM" : "STAFF",
        actorId: step % 3 === 0 ? null : "4f7d7c1e-2b1a-4c55-9a0e-0c1d2e3f4a5b",
        action: step % 7 === 0 ? "task.retried" : "request.note-added",
        data: { step, connector: "shop-db", attempts: step % 4, reason: "Timeout after 30 s" },
        at: new Date(receivedAt.getTime() + step * 1000).toISOString(),
        prevHash: globalHead,
        requestPrevHash: mine ? requestHead : otherHead,
      };
      const hash = auditEventHash(fields);
      // Chained as the sequencer would have (chainSeq: the position); the bundle's own round seals them.
      rows.push({
        ...fields,
        actorType: fields.actorType as "SYSTEM" | "STAFF",
        at: new Date(fields.at),
        hash,
        chainSeq: BigInt(step + 1),
      });
      globalHead = hash;
      if (mine) {
        requestHead = hash;
        written++;
      } else otherHead = hash;
      step++;
    }
    await db().auditEvent.createMany({ data: rows });
  }
  // What autovacuum does after a bulk insert: without statistics the planner sorts the whole table
  // for every page instead of walking the (requestId, id) index.
  await db().$executeRawUnsafe("ANALYZE audit_events");
  return { requestId: request.id, reference: request.reference, inserted: step };
}

async function measure(dir: string, requestId: string) {
  const { buildEvidenceBundle } = await import("../../lib/evidence/build-evidence-bundle.ts");
  const { evidenceSigningKey } = await import("../../lib/evidence/evidence-signing-key.ts");
  const { readZipEntries } = await import("../../lib/evidence/read-zip-entries.ts");
  const { verifyEvidenceBundle } = await import("../../lib/evidence/verify-evidence-bundle.ts");
  const path = join(dir, "bundle.zip");
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const rssBefore = process.memoryUsage().rss;
  const buildStarted = performance.now();
  const bundle = await buildEvidenceBundle({ request: { id: requestId }, actor: { type: "SYSTEM", id: "bench" }, pageSize: PAGE_SIZE });
  await pipeline(bundle.stream, createWriteStream(path));
  const buildMs = performance.now() - buildStarted;
  clearInterval(sampler);
  const size = (await stat(path)).size;

  const verifyStarted = performance.now();
  const contents = await readZipEntries(await readFile(path));
  const report = verifyEvidenceBundle(contents, { publicKey: evidenceSigningKey().publicKey });
  const verifyMs = performance.now() - verifyStarted;
  const unpacked = [...contents.entries.values()].reduce((sum, content) => sum + content.length, 0);
  const timeline = contents.entries.get("timeline.json")?.length ?? 0;
  return { buildMs, verifyMs, size, unpacked, timeline, report, buildRssGrowth: peakRss - rssBefore };
}

const database = await createTestDatabase("benchevidence");
const dir = await mkdtemp(join(tmpdir(), "dsar-bench-evidence-"));
let exitCode = 0;
try {
  Object.assign(process.env, testEnv({ DATABASE_URL: database.url, SMTP_URL: "smtp://127.0.0.1:2525", LOG_LEVEL: "error" }));
  console.log(
    `Seeding ${EVENTS.toLocaleString("en")} audit events of one request (and one in ${OTHER_EVERY} of another, in the global chain)…`,
  );
  const seedStarted = performance.now();
  const seeded = await seed();
  console.log(`  seeded ${seeded.inserted.toLocaleString("en")} rows in ${seconds(performance.now() - seedStarted)}`);
  const result = await measure(dir, seeded.requestId);
  const events = result.report.checked.events;
  console.log(
    `\nEvidence bundle of ${seeded.reference}: ${events.toLocaleString("en")} events (the seeded ones and the download), pages of ${PAGE_SIZE}`,
  );
  console.log(
    `  build (to a file)  ${seconds(result.buildMs)}  (${Math.round(events / (result.buildMs / 1000)).toLocaleString("en")} events/s)`,
  );
  console.log(
    `  verify             ${seconds(result.verifyMs)}  (${Math.round(events / (result.verifyMs / 1000)).toLocaleString("en")} events/s)`,
  );
  console.log(`  bundle size        ${mb(result.size)} zipped, ${mb(result.unpacked)} unpacked (timeline.json ${mb(result.timeline)})`);
  console.log(`  memory while building: peak RSS grew by ${mb(Math.max(0, result.buildRssGrowth))}`);
  console.log(`  verdict            ${result.report.valid ? "VALID" : "INVALID"}`);
  if (!result.report.valid) {
    for (const problem of result.report.problems.slice(0, 10))
      console.log(`    - ${problem.file}${problem.where ? `, ${problem.where}` : ""}: ${problem.message}`);
    exitCode = 1;
  }
  console.log(`\nBaseline: ${BASELINE.figures} (${BASELINE.recorded})`);
} finally {
  const { disconnectDb } = await import("../../lib/db.ts");
  await disconnectDb();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
