// What the person sees on their private status page: only the requests of their submission.
import { dataMapSchema } from "../data-map/data-map.schema.ts";
import { db } from "../db.ts";
import { ruleFor } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";
import { computeRequestDeadline, dayOf } from "./request-deadline.ts";
import { isOpen } from "./request-status.ts";
import { submissionOfStatusToken } from "./status-links.ts";

export async function getSubmissionStatus(statusToken: string, now = new Date()) {
  const submissionId = await submissionOfStatusToken(statusToken);
  const requests = await db().dsarRequest.findMany({
    where: { submissionId },
    orderBy: { createdAt: "asc" },
    include: {
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, direction: true, body: true, createdAt: true } },
      clockEvents: { select: { type: true, at: true, reason: true, days: true, months: true } },
      // A fulfilled access request: what the map says of each category found, and its package.
      tasks: {
        where: { action: "ACCESS", status: "SUCCEEDED" },
        orderBy: { createdAt: "asc" },
        select: { receipt: true, connector: { select: { name: true, dataMap: true } } },
      },
      artifacts: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true, maxDownloads: true, downloadCount: true, deletedAt: true, wrappedKey: true },
      },
    },
  });
  if (requests.length === 0) throw new AppError("NOT_FOUND", "This status link is not valid.");
  return {
    locale: requests[0].locale,
    requests: requests.map((r) => ({
      reference: r.reference,
      type: r.type,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      verifyBy: r.verifyBy.toISOString(),
      dueDate: dayOf(r.dueDate) as string,
      extended: r.extended,
      clockPaused: r.clockPaused,
      explanation: r.deadlineExplanation as string[],
      /** The same computation explained in French, for the page in French. */
      explanationFr: computeRequestDeadline(r, r.clockEvents, "fr").explanation,
      jurisdiction: r.jurisdiction,
      law: lawOf(r.jurisdiction),
      outcome: r.outcome,
      denialReason: r.denialReason,
      denialMessage: r.denialMessage,
      canWithdraw: isOpen(r.status),
      messages: r.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      ...accessAnswerOf(r, now),
    })),
  };
}

type StatusRow = {
  type: string;
  status: string;
  tasks: Array<{ receipt: unknown; connector: { name: string; dataMap: unknown } }>;
  artifacts: Array<{ expiresAt: Date; maxDownloads: number; downloadCount: number; deletedAt: Date | null; wrappedKey: string | null }>;
};

/**
 * For a completed access request: per source and category found (the task receipts name them), what
 * the data map says, and whether the package can still be downloaded. Never the data itself.
 */
function accessAnswerOf(row: StatusRow, now: Date) {
  if (row.type !== "ACCESS" || row.status !== "COMPLETED") return { answerSources: null, download: null };
  const sources = row.tasks.map((task) => {
    const found = (task.receipt as { categories?: Record<string, unknown> } | null)?.categories;
    const map = task.connector.dataMap === null ? null : dataMapSchema.safeParse(task.connector.dataMap);
    return { name: task.connector.name, categories: found ? Object.keys(found) : [], dataMap: map?.success ? map.data : null };
  });
  const artifact = row.artifacts[0];
  const available =
    artifact && !artifact.deletedAt && artifact.wrappedKey && artifact.expiresAt > now && artifact.downloadCount < artifact.maxDownloads;
  return {
    // Summed up in the page's language by the page (lib/data-map/summarise-access-answer.ts).
    answerSources: sources,
    download: available
      ? { expiresAt: artifact.expiresAt.toISOString(), downloadsLeft: artifact.maxDownloads - artifact.downloadCount }
      : null,
  };
}

/** The law behind the deadline, for a plain sentence on the page ("the GDPR gives us 1 month"). */
function lawOf(jurisdiction: string) {
  const rule = ruleFor(jurisdiction as never);
  return rule ? { name: rule.name, unit: rule.period.unit, length: rule.period.length } : null;
}

export type SubmissionStatus = Awaited<ReturnType<typeof getSubmissionStatus>>;
