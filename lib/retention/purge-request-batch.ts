// One batch of the retention purge, in one transaction: the person's details are removed from
// closed requests whose retention period is over, and each request gets a tombstone audit event
// that counts what went. What stays is a de-identified record: reference, right, channel,
// jurisdiction, dates, status, outcome, denial reason, due date, and the audit chain untouched.
//
// Package and staging files are deleted by the caller after the commit; their keys are destroyed
// here, so a file that outlives a crash is unreadable. The caller also removes the requests' jobs
// (connector tasks, finaliser, emails) from the queue store, whose failed jobs keep an error text.
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { connectorQueueName, type QueueName, queueNames } from "../queue/jobs.ts";
import { utcTimestamp } from "../reports/report-sql.ts";
import { deidentifyManifest, deidentifyReceipt } from "./deidentify.ts";

export const PURGE_ACTION = "request.personal-data-purged";

const counted = [
  "messages",
  "notes",
  "emails",
  "clockReasons",
  "tasks",
  "packages",
  "downloads",
  "statusLinks",
  "challenges",
  "agents",
] as const;
export type PurgeCounts = Record<(typeof counted)[number], number>;
export type QueueJobRef = { queue: QueueName; jobId: string };
export type PurgedBatch = { requests: number; rows: number; files: string[]; jobs: QueueJobRef[] };

type Tally = (requestId: string, what: keyof PurgeCounts, rows: number) => void;

export async function purgeRequestBatch(options: {
  cutoff: Date;
  now: Date;
  batchSize: number;
  retentionMonths: number;
}): Promise<PurgedBatch> {
  return db().$transaction(
    async (tx: Tx) => {
      // SKIP LOCKED: two workers purging at once take different requests.
      const picked = await tx.$queryRaw<Array<{ id: string; submissionId: string }>>`
        SELECT id::text, "submissionId"::text FROM requests
        WHERE status IN ('COMPLETED', 'DENIED', 'WITHDRAWN', 'EXPIRED') AND "purgedAt" IS NULL
          AND "closedAt" < ${utcTimestamp(options.cutoff.getTime())}::timestamp
        ORDER BY "closedAt", id LIMIT ${options.batchSize} FOR UPDATE SKIP LOCKED`;
      if (picked.length === 0) return { requests: 0, rows: 0, files: [], jobs: [] };
      const ids = picked.map((row) => row.id);
      const counts = new Map<string, PurgeCounts>(ids.map((id) => [id, Object.fromEntries(counted.map((key) => [key, 0])) as PurgeCounts]));
      const tally: Tally = (requestId, what, rows) => {
        const entry = counts.get(requestId);
        if (entry) entry[what] += rows;
      };

      const jobs = await queueJobsOf(tx, ids);
      await blankConversation(tx, ids, tally);
      const files = [
        ...(await deidentifyTasks(tx, ids, tally)),
        ...(await retirePackages(tx, ids, tally, options.now)),
        ...(await dropAgentDetails(tx, ids, tally)),
      ];
      await dropSubmissionLinks(tx, picked, tally);
      await tx.dsarRequest.updateMany({
        where: { id: { in: ids } },
        data: {
          email: null,
          emailHash: "",
          fullName: null,
          accountId: null,
          details: null,
          corrections: Prisma.DbNull,
          region: null,
          denialMessage: null,
          purgedAt: options.now,
        },
      });
      // One event per request purged, with the counts only (the sequencer chains them after commit).
      let rows = ids.length;
      for (const [requestId, removed] of counts) {
        rows += counted.reduce((sum, key) => sum + removed[key], 0);
        await appendAuditEvent(tx, {
          requestId,
          actor: { type: "SYSTEM" },
          action: PURGE_ACTION,
          data: { ...removed, retentionMonths: options.retentionMonths },
        });
      }
      return { requests: ids.length, rows, files, jobs };
    },
    { timeout: 120_000 },
  );
}

/** The jobs these requests may have left in the queue store; their ids derive from the rows. */
async function queueJobsOf(tx: Tx, ids: string[]): Promise<QueueJobRef[]> {
  const tasks = await tx.connectorTask.findMany({
    where: { requestId: { in: ids } },
    select: { id: true, connector: { select: { key: true } } },
  });
  const emails = await tx.emailMessage.findMany({ where: { requestId: { in: ids } }, select: { id: true } });
  // Finalisers first: removing a task's job alone would release its waiting finaliser to run.
  return [
    ...ids.map((id) => ({ queue: queueNames.fulfilment, jobId: `finalise-${id}` })),
    ...tasks.map((task) => ({ queue: connectorQueueName(task.connector.key), jobId: `task-${task.id}` })),
    ...emails.map((email) => ({ queue: queueNames.email, jobId: `email-${email.id}` })),
  ];
}

/** Messages with the person, staff notes (they may name the person), emails and clock reasons. */
async function blankConversation(tx: Tx, ids: string[], tally: Tally) {
  const inBatch = { requestId: { in: ids } };
  const count = { by: ["requestId"] as "requestId"[], _count: { _all: true } as const };
  for (const group of await tx.subjectMessage.groupBy({ ...count, where: inBatch })) tally(group.requestId, "messages", group._count._all);
  await tx.subjectMessage.updateMany({ where: inBatch, data: { body: "" } });
  for (const group of await tx.requestNote.groupBy({ ...count, where: inBatch })) tally(group.requestId, "notes", group._count._all);
  await tx.requestNote.updateMany({ where: inBatch, data: { body: "" } });
  // What staff wrote about corrections they made by hand (the values stay on the request, purged with it).
  await tx.correctionTask.updateMany({
    where: { ...inBatch, OR: [{ note: { not: null } }, { message: { not: null } }] },
    data: { note: null, message: null },
  });
  const emails = await tx.emailMessage.groupBy({ ...count, where: inBatch });
  for (const group of emails) if (group.requestId) tally(group.requestId, "emails", group._count._all);
  await tx.emailMessage.updateMany({ where: inBatch, data: { to: "", props: {}, subject: null, textBody: null, lastError: null } });
  // A message never sent by now never will be: without an address it must not be retried.
  await tx.emailMessage.updateMany({
    where: { ...inBatch, status: "PENDING" },
    data: { status: "FAILED", lastError: "not sent: the request's personal details were purged" },
  });
  const reasons = { ...inBatch, reason: { not: null } };
  for (const group of await tx.clockEvent.groupBy({ ...count, where: reasons })) tally(group.requestId, "clockReasons", group._count._all);
  await tx.clockEvent.updateMany({ where: reasons, data: { reason: null } });
}

/**
 * Who filed for the person and the permission they signed: name, email, organisation and the file
 * (its key destroyed here, the file deleted after the commit). The check's outcome and the file's
 * type and size stay, as the basis of a denial for want of authority.
 */
async function dropAgentDetails(tx: Tx, ids: string[], tally: Tally): Promise<string[]> {
  const agents = await tx.agentAuthorization.findMany({
    where: { requestId: { in: ids } },
    select: { requestId: true, permissionPath: true },
  });
  for (const agent of agents) tally(agent.requestId, "agents", 1);
  await tx.agentAuthorization.updateMany({
    where: { requestId: { in: ids } },
    data: {
      agentName: null,
      agentEmail: null,
      agentOrganisation: null,
      permissionPath: null,
      permissionKeyWrapped: null,
      permissionSha256: null,
    },
  });
  return agents.flatMap((agent) => (agent.permissionPath ? [agent.permissionPath] : []));
}

/** Connector tasks keep their counts and strategies; notes, errors and staging files go. */
async function deidentifyTasks(tx: Tx, ids: string[], tally: Tally): Promise<string[]> {
  const tasks = await tx.connectorTask.findMany({
    where: { requestId: { in: ids } },
    select: { id: true, requestId: true, receipt: true, resultPath: true },
  });
  for (const task of tasks) {
    tally(task.requestId, "tasks", 1);
    if (task.receipt === null) continue;
    const receipt = deidentifyReceipt(task.receipt);
    if (JSON.stringify(receipt) !== JSON.stringify(task.receipt)) {
      await tx.connectorTask.update({ where: { id: task.id }, data: { receipt: receipt ?? Prisma.DbNull } });
    }
  }
  await tx.connectorTask.updateMany({
    where: { requestId: { in: ids } },
    data: { note: null, lastError: null, resultPath: null, resultKeyWrapped: null },
  });
  return tasks.flatMap((task) => (task.resultPath ? [task.resultPath] : []));
}

/** Packages still on disk are deleted (as purge-expired-packages does); file names leave the manifests. */
async function retirePackages(tx: Tx, ids: string[], tally: Tally, now: Date): Promise<string[]> {
  const artifacts = await tx.exportArtifact.findMany({
    where: { requestId: { in: ids } },
    select: { id: true, requestId: true, storagePath: true, deletedAt: true, manifest: true },
  });
  for (const artifact of artifacts) {
    tally(artifact.requestId, "packages", 1);
    const manifest = deidentifyManifest(artifact.manifest);
    if (JSON.stringify(manifest) !== JSON.stringify(artifact.manifest)) {
      await tx.exportArtifact.update({ where: { id: artifact.id }, data: { manifest: manifest ?? {} } });
    }
  }
  await tx.exportArtifact.updateMany({ where: { requestId: { in: ids }, deletedAt: null }, data: { deletedAt: now } });
  await tx.exportArtifact.updateMany({ where: { requestId: { in: ids } }, data: { wrappedKey: null } });
  // Who downloaded (a keyed hash of the address) goes; the count of downloads stays.
  const downloads = await tx.$queryRaw<Array<{ requestId: string; rows: number }>>`
    WITH cleared AS (
      UPDATE artifact_downloads d SET "clientHash" = NULL FROM export_artifacts a
      WHERE d."artifactId" = a.id AND a."requestId" = ANY(${ids}::uuid[]) AND d."clientHash" IS NOT NULL
      RETURNING a."requestId"
    )
    SELECT "requestId"::text AS "requestId", count(*)::int AS rows FROM cleared GROUP BY "requestId"`;
  for (const row of downloads) tally(row.requestId, "downloads", row.rows);
  return artifacts.flatMap((artifact) => (artifact.deletedAt ? [] : [artifact.storagePath]));
}

/**
 * Status links and email challenges belong to a submission: they go once no request of it keeps
 * its details, so a person following a sibling request that is still open keeps their link.
 */
async function dropSubmissionLinks(tx: Tx, picked: Array<{ id: string; submissionId: string }>, tally: Tally) {
  const ids = picked.map((row) => row.id);
  const submissions = [...new Set(picked.map((row) => row.submissionId))];
  const kept = await tx.dsarRequest.findMany({
    where: { submissionId: { in: submissions }, purgedAt: null, id: { notIn: ids } },
    select: { submissionId: true },
    distinct: ["submissionId"],
  });
  const keptIds = new Set(kept.map((row) => row.submissionId));
  const done = submissions.filter((id) => !keptIds.has(id));
  if (done.length === 0) return;
  // Counted on the first request of the submission in this batch.
  const owner = new Map<string, string>();
  for (const row of picked) if (!owner.has(row.submissionId)) owner.set(row.submissionId, row.id);
  const where = { submissionId: { in: done } };
  const count = { by: ["submissionId"] as "submissionId"[], _count: { _all: true } as const, where };
  for (const group of await tx.statusLinkToken.groupBy(count)) tally(owner.get(group.submissionId) ?? "", "statusLinks", group._count._all);
  await tx.statusLinkToken.deleteMany({ where });
  for (const group of await tx.verificationChallenge.groupBy(count))
    tally(owner.get(group.submissionId) ?? "", "challenges", group._count._all);
  await tx.verificationChallenge.deleteMany({ where });
}
