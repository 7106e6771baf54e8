// The evidence bundle of one request: a ZIP an auditor can check offline (npm run evidence:verify)
// with the timeline and its hash chain, the deadline engine's reasoning, the connector tasks, the
// messages sent to the person and a one-page summary, every file fingerprinted in a signed manifest.
//
// The download is itself an audit event, and it is INSIDE the bundle, as its last event. It is
// appended first, in a short transaction of its own, then sealed (awaitAuditSeal: a bounded wait,
// or an error naming the pending event); the timeline is then read up to and including that event's
// chain position. Positions are given once, in increasing order, to committed events only
// (seal-audit-events.ts), and the table refuses any other change: "every event of the request up to
// this position" is the same set however late it is read. It holds every event of the request that
// committed before the round that sealed the download (a round takes the pending events it sees in id
// order, up to 500: behind a larger backlog, only those with a smaller id than the download's are
// certain to be in that round; the others are in the next bundle). Nothing is locked while the ZIP streams.
import { sign } from "node:crypto";
import type { Readable } from "node:stream";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "./append-audit-event.ts";
import { awaitAuditSeal } from "./await-audit-seal.ts";
import { describeActor, readEvidenceActors } from "./evidence-actors.ts";
import { bundleFiles, EVIDENCE_BUNDLE_FORMAT, EVIDENCE_DOWNLOADED_ACTION } from "./evidence-bundle-format.ts";
import { connectorsEvidence } from "./evidence-connectors.ts";
import { deadlineEvidence } from "./evidence-deadline.ts";
import { emailsEvidence } from "./evidence-emails.ts";
import { sealsJsonChunks } from "./evidence-seals.ts";
import { evidenceSigningKey } from "./evidence-signing-key.ts";
import { renderEvidenceSummary } from "./evidence-summary-html.ts";
import { type TimelineBounds, timelineCsvChunks, timelineJsonChunks } from "./evidence-timeline.ts";
import { type BundleEntry, signedZipStream } from "./signed-zip-stream.ts";

export type EvidenceBundle = {
  reference: string;
  requestId: string;
  fileName: string;
  /** The id of the evidence.downloaded event this bundle ends with. */
  downloadEventId: string;
  /** The ZIP bytes; an error while reading the log destroys the stream (the download is cut off). */
  stream: Readable;
};

export async function buildEvidenceBundle(options: {
  request: { id: string } | { reference: string };
  actor: Actor;
  now?: Date;
  /** Rows per page of the timeline (tests use small pages). */
  pageSize?: number;
}): Promise<EvidenceBundle> {
  const key = evidenceSigningKey();
  const { request, download: appended } = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({ where: options.request });
    if (!request) {
      const named = "id" in options.request ? `the id ${options.request.id}` : `the reference ${options.request.reference}`;
      throw new AppError("NOT_FOUND", `No request has ${named}.`);
    }
    const download = await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: EVIDENCE_DOWNLOADED_ACTION,
      data: { format: EVIDENCE_BUNDLE_FORMAT, keyId: key.keyId },
    });
    return { request, download };
  });
  const download = await awaitAuditSeal(appended.id);
  const generatedAt = options.now ?? download.at;
  const siblings = await db().dsarRequest.findMany({
    where: { submissionId: request.submissionId, id: { not: request.id } },
    select: { id: true },
  });
  const [clockEvents, tasks, artifacts, emails, events] = await Promise.all([
    db().clockEvent.findMany({ where: { requestId: request.id }, orderBy: [{ at: "asc" }, { createdAt: "asc" }] }),
    db().connectorTask.findMany({
      where: { requestId: request.id },
      include: { connector: { select: { key: true, name: true, type: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().exportArtifact.findMany({
      where: { requestId: request.id },
      include: { downloads: { select: { at: true }, orderBy: { at: "asc" } } },
      orderBy: { createdAt: "asc" },
    }),
    // Messages of a submission filed for several rights are stored on its first request: those that
    // name this request count as sent about it too. Staff notifications are not messages to the person.
    db().emailMessage.findMany({
      where: {
        staffUserId: null,
        OR: [{ requestId: request.id }, { requestId: { in: siblings.map((s) => s.id) }, textBody: { contains: request.reference } }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().auditEvent.count({ where: { requestId: request.id, chainSeq: { lte: download.chainSeq } } }),
  ]);

  const actors = await readEvidenceActors(
    request.id,
    download.chainSeq,
    tasks.map((task) => task.completedById),
  );
  const deadline = deadlineEvidence(request, clockEvents, generatedAt);
  const messages = emailsEvidence(request.reference, emails);
  const summary = renderEvidenceSummary({
    request,
    dueDate: deadline.stored.dueDate as string,
    timing: deadline.timing,
    generatedAt,
    keyId: key.keyId,
    events,
    headHash: download.hash,
    tasks: tasks.map((task) => ({ source: task.connector.name, action: task.action.toLowerCase(), status: task.status.toLowerCase() })),
    people: [...actors.values()].map((actor) => ({ who: describeActor(actor, actor.id), actions: actor.actions })),
    emails: messages.index.messages.map((m) => ({ template: m.template, status: m.delivery.status, sentAt: m.sentAt })),
  });
  const bounds: TimelineBounds = {
    requestId: request.id,
    reference: request.reference,
    lastSeq: download.chainSeq,
    pageSize: options.pageSize,
  };
  const seen: Parameters<typeof timelineJsonChunks>[1] = { events: 0 };
  const entries: BundleEntry[] = [
    { path: bundleFiles.summary, content: Buffer.from(summary, "utf8") },
    { path: bundleFiles.timelineJson, chunks: () => timelineJsonChunks(bounds, seen) },
    { path: bundleFiles.timelineCsv, chunks: () => timelineCsvChunks(bounds) },
    { path: bundleFiles.deadline, content: jsonFile(deadline) },
    { path: bundleFiles.connectors, content: jsonFile(connectorsEvidence(request.reference, tasks, artifacts, actors)) },
    { path: bundleFiles.seals, chunks: () => sealsJsonChunks(bounds) },
    { path: bundleFiles.emailsIndex, content: jsonFile(messages.index) },
    ...messages.files,
  ];
  const stream = signedZipStream({
    entries,
    mtime: generatedAt,
    manifestOf: (files) => {
      const last = seen.last;
      if (last?.id !== download.id.toString()) throw new Error("the timeline did not end with this download's own event");
      return {
        format: EVIDENCE_BUNDLE_FORMAT,
        reference: request.reference,
        requestId: request.id,
        generatedAt: generatedAt.toISOString(),
        signature: { algorithm: "Ed25519", keyId: key.keyId, publicKey: key.document.publicKey, file: bundleFiles.signature },
        timeline: { events: seen.events, lastEventId: last.id, headHash: last.hash, downloadEventId: last.id },
        files,
      };
    },
    sign: (bytes) => sign(null, bytes, key.privateKey),
  });
  return {
    reference: request.reference,
    requestId: request.id,
    fileName: `evidence-${request.reference}.zip`,
    downloadEventId: download.id.toString(),
    stream,
  };
}

function jsonFile(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");
}
